import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/review/permissions";
import { getProgressBoard } from "@/lib/data/progress";
import { getQuotaCompliance } from "@/lib/data/quota-compliance";
import { countMembersWithLevel, getRecognition, listMembersWithLevel } from "@/lib/data/recognition";
import { db } from "@/lib/data/db";
import { CURRENT_YEAR, ensureDemoDistrict } from "./fixtures";
import { getStatistics } from "@/lib/data/statistics";
import { stateColumns } from "@/lib/reports/progress-view";
import { CURRENT, ensureReportFixture, FIXTURE_YEAR, type ReportFixture } from "./report-fixture";

// Every figure below was counted by hand from the table in report-fixture.ts.

let f: ReportFixture;
beforeAll(async () => {
  f = await ensureReportFixture();
});

const zeroStates = { DRAFT: 0, SUBMITTED: 0, RETURNED: 0, REVIEWED: 0, DECIDED: 0, PUBLISHED: 0, ABSENT: 0, NOT_RATED: 0, UNDER_REREVIEW: 0 };
const counts = (c: Partial<Record<string, number>>) => ({
  notRated: 0,
  notRatedExempt: 0,
  notRatedSuspended: 0,
  notRatedNewMember: 0,
  notRatedNewOrganization: 0,
  notRatedOther: 0,
  reviewed: 0,
  absent: 0,
  rated: 0,
  EXCELLENT: 0,
  GOOD: 0,
  COMPLETED: 0,
  NOT_COMPLETED: 0,
  ...c,
});
const pick = (row: object | null | undefined) => {
  if (!row) return row;
  const { key: _k, label: _l, ...rest } = row as Record<string, unknown>;
  return rest;
};

describe("statistics of a decided year", () => {
  it("counts members, organizations, disciplines and scores as counted by hand", async () => {
    const s = await getStatistics(f.board, { unit: f.orgs.TK, year: FIXTURE_YEAR });
    expect(s.year).toBe(2025);
    expect(s.ruleSet).toBe("QD366_HD43");
    // m1…m10: m4 exempt, m10 new; 8 published: E m1 m5, G m2 m3 m6 m9, C m8, NC m7.
    expect(pick(s.members)).toEqual(
      counts({
        total: 10,
        toRate: 8,
        notRated: 2,
        notRatedExempt: 1,
        notRatedNewMember: 1,
        reviewed: 8,
        rated: 8,
        EXCELLENT: 2,
        GOOD: 4,
        COMPLETED: 1,
        NOT_COMPLETED: 1,
      }),
    );
    // 2024: m1 m5 E, m2 G, m7 NC.
    expect(pick(s.membersLastYear)).toEqual(counts({ total: 4, toRate: 4, reviewed: 4, rated: 4, EXCELLENT: 2, GOOD: 1, NOT_COMPLETED: 1 }));
    expect(pick(s.grassroots)).toEqual(counts({ total: 2, toRate: 2, reviewed: 2, rated: 2, EXCELLENT: 1, GOOD: 1 }));
    expect(pick(s.subordinate)).toEqual(counts({ total: 2, toRate: 2, reviewed: 2, rated: 2, GOOD: 1, COMPLETED: 1 }));

    const commune = counts({ total: 7, toRate: 6, notRated: 1, notRatedExempt: 1, reviewed: 6, rated: 6, EXCELLENT: 2, GOOD: 3, NOT_COMPLETED: 1 });
    const school = counts({ total: 3, toRate: 2, notRated: 1, notRatedNewMember: 1, reviewed: 2, rated: 2, GOOD: 1, COMPLETED: 1 });
    expect(s.byUnit.map((r) => [r.key, r.label])).toEqual([
      ["TK.01", "Đảng bộ xã Một"],
      ["TK.02", "Chi bộ Trường Hai"],
    ]);
    expect(s.byUnit.map(pick)).toEqual([commune, school]);
    expect(s.bySector.map((r) => r.key)).toEqual(["COMMUNE", "SCHOOL"]);
    expect(s.bySector.map(pick)).toEqual([commune, school]);
    expect(s.byPeerGroup.map((r) => r.key)).toEqual(["M-TK.01", "M-TK.02"]);
    expect(s.byPeerGroup.map(pick)).toEqual([commune, school]);
    expect(s.organizationsBySector.map((r) => [r.key, r.total, r.EXCELLENT, r.GOOD, r.COMPLETED])).toEqual([
      ["COMMUNE", 1, 1, 0, 0],
      ["RESIDENTIAL", 2, 0, 1, 1],
      ["SCHOOL", 1, 0, 1, 0],
    ]);
    // The trend: the five years to 2025, the last two as counted above (m1 EXCELLENT every year since 2021).
    expect(s.trend.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(s.trend.slice(-2)).toEqual([
      { year: 2024, total: 4, notRated: 0, rated: 4, EXCELLENT: 2, GOOD: 1, COMPLETED: 0, NOT_COMPLETED: 1 },
      { year: 2025, total: 10, notRated: 2, rated: 8, EXCELLENT: 2, GOOD: 4, COMPLETED: 1, NOT_COMPLETED: 1 },
    ]);
    expect(s.trend.every((y) => y.EXCELLENT >= 1)).toBe(true);
    // m7's warning of 2025; m3's reprimand was in 2024.
    expect(s.disciplined).toEqual({ members: 1, byForm: [{ form: "WARNING", count: 1 }] });
    // 92.0 85.0 75.5 95.0 80.0 45.0 60.0 88.0
    expect(s.scored).toBe(8);
    expect(s.scoreBuckets.filter((b) => b.count).map((b) => [b.from, b.count])).toEqual([
      [40, 1],
      [60, 1],
      [70, 1],
      [80, 3],
      [90, 2],
    ]);
    expect(s.scoreBands).toEqual([
      { band: "EXCELLENT", count: 2 },
      { band: "GOOD", count: 4 },
      { band: "COMPLETED", count: 1 },
      { band: "NOT_COMPLETED", count: 1 },
    ]);
  });

  it("opens on the review year under way, as the progress board does", async () => {
    const [s, board] = await Promise.all([getStatistics(f.board, { unit: f.orgs.C2 }), getProgressBoard(f.board, { unit: f.orgs.C2 })]);
    expect(s.year).toBe(CURRENT_YEAR);
    expect(board.year).toBe(CURRENT_YEAR);
  });

  it("drills down to a unit", async () => {
    const s = await getStatistics(f.board, { unit: f.orgs.C2, year: FIXTURE_YEAR });
    expect(s.year).toBe(2025);
    expect(s.breadcrumbs.map((b) => b.name)).toEqual(["Huyện ủy Thống Kê", "Đảng bộ xã Một"]);
    expect(pick(s.members)).toEqual(counts({ total: 3, toRate: 3, reviewed: 3, rated: 3, EXCELLENT: 1, GOOD: 1, NOT_COMPLETED: 1 }));
    expect(pick(s.subordinate)).toEqual(counts({ total: 1, toRate: 1, reviewed: 1, rated: 1, COMPLETED: 1 }));
    expect(s.grassroots).toBeNull();
  });

  it("shows a committee its own unit only: the district is not found", async () => {
    const s = await getStatistics(f.schoolCommittee, { year: FIXTURE_YEAR });
    expect(s.unit.id).toBe(f.orgs.G2);
    expect(s.members?.total).toBe(3);
    await expect(getStatistics(f.schoolCommittee, { unit: f.orgs.TK })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgressBoard(f.schoolCommittee, { unit: f.orgs.C1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("progress board", () => {
  it("counts per state and what is late on the Vietnam calendar day", async () => {
    const board = await getProgressBoard(f.board, { unit: f.orgs.TK, year: CURRENT }, new Date("2026-12-15T03:00:00Z"));
    expect(board.today).toBe("2026-12-15");
    expect(board.total).toMatchObject({
      members: 10,
      byState: { ...zeroStates, SUBMITTED: 2, DRAFT: 3, RETURNED: 1, REVIEWED: 2, NOT_RATED: 2 },
      reviewed: 2,
      organizations: 4,
      organizationsDecided: 0,
      meetingsFinalized: 1,
      late: { selfReview: 4, meeting: 0, decision: 0, organizations: 0 },
      lateTotal: 4,
    });
    // (import.test.ts may have added a unit without records under TK: only the fixture's units count here.)
    const rows = board.rows.filter((r) => r.code === "TK.01" || r.code === "TK.02");
    expect(rows.map((r) => [r.code, r.subUnits, r.members, r.organizations, r.meetingsFinalized, r.late.selfReview])).toEqual([
      ["TK.01", 2, 7, 3, 1, 3],
      ["TK.02", 0, 3, 1, 0, 1],
    ]);
    expect(rows[0].byState).toEqual({ ...zeroStates, SUBMITTED: 1, DRAFT: 2, RETURNED: 1, REVIEWED: 2, NOT_RATED: 1 });
    expect(board.members).toBeNull();
    // The columns shown part the members: each row adds up to them.
    for (const row of [board.total!, ...rows]) expect(Object.values(stateColumns(row.byState)).reduce((a, b) => a + b, 0)).toBe(row.members);
  });

  it("turns late at midnight in Vietnam, not in UTC", async () => {
    const before = await getProgressBoard(f.board, { unit: f.orgs.TK, year: CURRENT }, new Date("2026-12-10T16:59:00Z"));
    expect(before.today).toBe("2026-12-10");
    expect(before.total?.late.selfReview).toBe(0);
    const after = await getProgressBoard(f.board, { unit: f.orgs.TK, year: CURRENT }, new Date("2026-12-10T17:30:00Z"));
    expect(after.today).toBe("2026-12-11");
    expect(after.total?.late.selfReview).toBe(4);
  });

  it("counts every phase late once all deadlines have passed", async () => {
    const board = await getProgressBoard(f.board, { unit: f.orgs.TK, year: CURRENT }, new Date("2027-01-21T02:00:00Z"));
    expect(board.total?.late).toEqual({ selfReview: 4, meeting: 6, decision: 2, organizations: 4 });
  });

  it("drills down to a cell and its members", async () => {
    const commune = await getProgressBoard(f.board, { unit: f.orgs.G1, year: CURRENT }, new Date("2026-12-15T03:00:00Z"));
    expect(commune.rows.map((r) => [r.name, r.members, r.late.selfReview, r.meetingsFinalized])).toEqual([
      ["Chi bộ thôn A", 4, 2, 0],
      ["Chi bộ thôn B", 3, 1, 1],
    ]);
    const cell = await getProgressBoard(f.board, { unit: f.orgs.C1, year: CURRENT }, new Date("2026-12-15T03:00:00Z"));
    expect(cell.rows).toEqual([]);
    expect(cell.members?.map((m) => [m.fullName, m.state, m.late])).toEqual([
      ["Lê Văn Cường", "RETURNED", true],
      ["Nguyễn Văn An", "SUBMITTED", false],
      ["Phạm Thị Dung", "NOT_RATED", false],
      ["Trần Thị Bình", "DRAFT", true],
    ]);
  });
});

describe("quota compliance", () => {
  it("shows every group's arithmetic from lib/grading, the groups over the cap and the overrides", async () => {
    const q = await getQuotaCompliance(f.board, { unit: f.orgs.TK, year: FIXTURE_YEAR });
    expect(
      q.groups.map((g) => [g.code, g.check.excellent, g.check.good, g.check.pool, g.check.maxExcellent, g.check.excess, g.check.ok, g.ratePercent]),
    ).toEqual([
      // E m1 m5, G m2 m3 m6: ⌊20·5/120⌋ = 0 → 2 over.
      ["M-TK.01", 2, 3, 5, 0, 2, false, 20],
      // G1 EXCELLENT alone; the decision raised the rate to 25 %: ⌊25·1/125⌋ = 0, still over (QD366).
      ["O-COMMUNE", 1, 0, 1, 0, 1, false, 25],
      ["C-TK.01", 0, 1, 1, 0, 0, true, 20],
      ["M-TK.02", 0, 1, 1, 0, 0, true, 20],
      ["O-SCHOOL", 0, 1, 1, 0, 0, true, 20],
    ]);
    expect(q.overCap).toBe(2);
    expect(q.overridden).toBe(1);
    expect(q.groups[1].overrides).toEqual([
      {
        decisionNo: "15-QĐ/HU",
        decidedOn: "2026-01-15",
        issuer: "Ban Thường vụ Huyện ủy Thống Kê",
        reason: "Đảng bộ xã dẫn đầu phong trào thi đua",
        ratePercent: 25,
      },
    ]);
    // The year under way: proposals count (m5 E, m6 G proposed at the meeting).
    const now = await getQuotaCompliance(f.board, { unit: f.orgs.TK, year: CURRENT });
    expect(now.groups.find((g) => g.code === "M-TK.01")?.check).toMatchObject({ excellent: 1, good: 1, excess: 1 });
  });
});

describe("recognition and follow-up lists", () => {
  it("lists the year's EXCELLENT, five years running, two NOT_COMPLETED running and open remediation", async () => {
    const r = await getRecognition(f.board, { unit: f.orgs.TK, year: FIXTURE_YEAR }, "2026-03-15");
    expect(r.excellentMembers.map((m) => m.fullName)).toEqual(["Nguyễn Văn An", "Hoàng Văn Em"]);
    expect(r.excellentOrganizations.map((o) => o.name)).toEqual(["Đảng bộ xã Một"]);
    // m5 has four years (2022–2025); m1 five.
    expect(r.streakMembers.map((m) => [m.fullName, m.cell, m.grassroots])).toEqual([["Nguyễn Văn An", "Chi bộ thôn A", "Đảng bộ xã Một"]]);
    expect(r.streakOrganizations.map((o) => o.code)).toEqual(["TK.01"]);
    expect(r.notCompleted.map((m) => m.fullName)).toEqual(["Đặng Văn Hùng"]);
    expect(r.remediation.map((i) => [i.fullName, i.deadline, i.status, i.overdue])).toEqual([
      ["Lê Văn Cường", "2026-02-28", "IN_PROGRESS", true],
      ["Đặng Văn Hùng", "2026-03-31", "OPEN", false],
    ]);
    expect(r.counts).toEqual({ excellentMembers: 2, excellentOrganizations: 1, streakMembers: 1, streakOrganizations: 1, notCompleted: 1, remediation: 2 });
    // The organizations' lists are paged like the members': page 2 of one organization is empty, the count whole.
    const second = await getRecognition(f.board, { unit: f.orgs.TK, year: FIXTURE_YEAR, list: "excellentOrganizations", page: 2 }, "2026-03-15");
    expect([second.excellentOrganizations, second.counts.excellentOrganizations, second.streakOrganizations.length]).toEqual([[], 1, 1]);
    // The school's committee sees none of the commune's people.
    const school = await getRecognition(f.schoolCommittee, { year: FIXTURE_YEAR }, "2026-03-15");
    expect(school.counts).toEqual({
      excellentMembers: 0,
      excellentOrganizations: 0,
      streakMembers: 0,
      streakOrganizations: 0,
      notCompleted: 0,
      remediation: 0,
    });
  });

  it("pages a long list as slices of the whole, in cell order and by name", async () => {
    // The demo district's last published year: hundreds of EXCELLENT members over some forty cells.
    await ensureDemoDistrict();
    const district = (await db.organization.findUniqueOrThrow({ where: { code: "HU" }, select: { id: true } })).id;
    const year = CURRENT_YEAR - 1;
    for (const [from, level] of [
      [year, "EXCELLENT"],
      [year - 4, "EXCELLENT"],
      [year - 1, "NOT_COMPLETED"],
    ] as const) {
      const whole = await listMembersWithLevel(district, from, year, level);
      expect(whole.length, `${level} from ${from}`).toBeGreaterThan(from === year ? 100 : 0);
      expect(whole.every((m) => m.total === whole.length)).toBe(true);
      expect(await countMembersWithLevel(district, from, year, level)).toBe(whole.length);
      for (const offset of [0, 1, 49, whole.length - 3, whole.length]) {
        const page = await listMembersWithLevel(district, from, year, level, { offset, limit: 50 });
        expect(
          page.map((m) => m.memberId),
          `${level} from ${from}, offset ${offset}`,
        ).toEqual(whole.slice(offset, offset + 50).map((m) => m.memberId));
      }
    }
    const excellent = await listMembersWithLevel(district, year, year, "EXCELLENT");
    const records = await db.reviewRecord.findMany({
      where: { memberId: { in: excellent.map((m) => m.memberId) }, cycle: { year, upperOrgId: district } },
      select: { memberId: true, scopeOrg: { select: { code: true } } },
    });
    const cellOf = new Map(records.map((r) => [r.memberId, r.scopeOrg.code]));
    const codes = excellent.map((m) => cellOf.get(m.memberId)!);
    expect(codes).toEqual([...codes].sort());
  });
});
