import type { Actor } from "@/lib/review/permissions";
import { loadActor } from "@/lib/data/actors";
import { db } from "@/lib/data/db";
import type { NotRatedReason, RatingLevel, RecordState, RuleSetId } from "@/lib/generated/prisma/client";
import { toSearchKey } from "@/lib/text/search";

// A tiny district written row by row, so that every figure of the reports can be counted by hand
// (the counts are in tests/integration/reports.test.ts, next to what they check):
//
//   Huyện ủy Thống Kê (TK)
//   ├─ Đảng bộ xã Một (TK.01, commune)      ├─ Chi bộ thôn A (TK.01.01): m1 m2 m3 m4
//   │                                        └─ Chi bộ thôn B (TK.01.02): m5 m6 m7
//   └─ Chi bộ Trường Hai (TK.02, school):    m8 m9 m10
//
// Years 2021–2025 decided and published (2021–2023 only for the streaks), 2026 under way.

export const FIXTURE_YEAR = 2025;
export const CURRENT = 2026;

type MemberKey = "m1" | "m2" | "m3" | "m4" | "m5" | "m6" | "m7" | "m8" | "m9" | "m10";
type OrgKey = "TK" | "G1" | "C1" | "C2" | "G2";

const NAMES: Record<MemberKey, [string, OrgKey]> = {
  m1: ["Nguyễn Văn An", "C1"],
  m2: ["Trần Thị Bình", "C1"],
  m3: ["Lê Văn Cường", "C1"],
  m4: ["Phạm Thị Dung", "C1"],
  m5: ["Hoàng Văn Em", "C2"],
  m6: ["Vũ Thị Giang", "C2"],
  m7: ["Đặng Văn Hùng", "C2"],
  m8: ["Bùi Thị Khánh", "G2"],
  m9: ["Đỗ Văn Long", "G2"],
  m10: ["Ngô Thị Mai", "G2"],
};

type Rec = { state: RecordState; level?: RatingLevel; reason?: NotRatedReason; score?: [number, number] };

/** 2025: the year the statistics count (QD366_HD43, published). Scores in tenths (general, results). */
const Y2025: Record<MemberKey, Rec> = {
  m1: { state: "PUBLISHED", level: "EXCELLENT", score: [280, 640] },
  m2: { state: "PUBLISHED", level: "GOOD", score: [260, 590] },
  m3: { state: "PUBLISHED", level: "GOOD", score: [245, 510] },
  m4: { state: "NOT_RATED", reason: "EXEMPT" },
  m5: { state: "PUBLISHED", level: "EXCELLENT", score: [290, 660] },
  m6: { state: "PUBLISHED", level: "GOOD", score: [250, 550] },
  m7: { state: "PUBLISHED", level: "NOT_COMPLETED", score: [150, 300] },
  m8: { state: "PUBLISHED", level: "COMPLETED", score: [200, 400] },
  m9: { state: "PUBLISHED", level: "GOOD", score: [270, 610] },
  m10: { state: "NOT_RATED", reason: "NEW_MEMBER" },
};

/** 2026, under way: the progress board. */
const Y2026: Record<MemberKey, Rec> = {
  m1: { state: "SUBMITTED" },
  m2: { state: "DRAFT" },
  m3: { state: "RETURNED" },
  m4: { state: "NOT_RATED", reason: "EXEMPT" },
  m5: { state: "REVIEWED", level: "EXCELLENT" },
  m6: { state: "REVIEWED", level: "GOOD" },
  m7: { state: "DRAFT" },
  m8: { state: "SUBMITTED" },
  m9: { state: "DRAFT" },
  m10: { state: "NOT_RATED", reason: "NEW_MEMBER" },
};

/** Earlier years: only the records the streaks need. */
const EARLIER: Record<number, Partial<Record<MemberKey, RatingLevel>>> = {
  2021: { m1: "EXCELLENT" },
  2022: { m1: "EXCELLENT", m5: "EXCELLENT" },
  2023: { m1: "EXCELLENT", m5: "EXCELLENT" },
  2024: { m1: "EXCELLENT", m5: "EXCELLENT", m2: "GOOD", m7: "NOT_COMPLETED" },
};

const ORG_LEVELS: Record<number, Partial<Record<OrgKey, RatingLevel>>> = {
  2021: { G1: "EXCELLENT" },
  2022: { G1: "EXCELLENT" },
  2023: { G1: "EXCELLENT" },
  2024: { G1: "EXCELLENT", G2: "GOOD" },
  2025: { G1: "EXCELLENT", G2: "GOOD", C1: "GOOD", C2: "COMPLETED" },
};

const RULE_SET: Record<number, RuleSetId> = {
  2021: "QD132_HD21",
  2022: "QD132_HD21",
  2023: "QD124_HD25",
  2024: "QD124_HD25",
  2025: "QD366_HD43",
  2026: "QD366_HD43",
};

export type ReportFixture = {
  orgs: Record<OrgKey, string>;
  members: Record<MemberKey, string>;
  board: Actor;
  /** A grassroots committee of the school cell only: sees nothing of the commune. */
  schoolCommittee: Actor;
  cycles: Record<number, string>;
};

let built: Promise<ReportFixture> | null = null;

export function ensureReportFixture(): Promise<ReportFixture> {
  built ??= build();
  return built;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The fixture as an earlier test file of the same run wrote it (each file has its own modules). */
async function load(): Promise<ReportFixture> {
  const codes: Record<OrgKey, string> = { TK: "TK", G1: "TK.01", G2: "TK.02", C1: "TK.01.01", C2: "TK.01.02" };
  const orgs = {} as Record<OrgKey, string>;
  for (const [key, code] of Object.entries(codes) as [OrgKey, string][]) orgs[key] = (await db.organization.findUniqueOrThrow({ where: { code } })).id;
  const members = {} as Record<MemberKey, string>;
  (Object.keys(NAMES) as MemberKey[]).forEach((key, i) => (members[key] = `TK-${String(i + 1).padStart(4, "0")}`));
  for (const key of Object.keys(members) as MemberKey[]) members[key] = (await db.member.findUniqueOrThrow({ where: { cardNumber: members[key] } })).id;
  const cycles: Record<number, string> = {};
  for (const c of await db.reviewCycle.findMany({ where: { upperOrgId: orgs.TK }, select: { id: true, year: true } })) cycles[c.year] = c.id;
  const actor = async (username: string) => (await loadActor((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  return { orgs, members, cycles, board: await actor("bantochuc.tk"), schoolCommittee: await actor("danguy.tk") };
}

async function build(): Promise<ReportFixture> {
  if (await db.organization.findUnique({ where: { code: "TK" } })) return load();

  const orgs = {} as Record<OrgKey, string>;
  const org = async (
    key: OrgKey,
    code: string,
    name: string,
    kind: "UPPER_COMMITTEE" | "DANG_BO_CO_SO" | "CHI_BO_CO_SO" | "CHI_BO_TRUC_THUOC",
    sector: "OTHER" | "COMMUNE" | "SCHOOL" | "RESIDENTIAL",
    parent: OrgKey | null,
    position: number,
  ) => {
    const row = await db.organization.create({
      data: {
        code,
        name,
        nameSearch: toSearchKey(name),
        kind,
        sector,
        parentId: parent ? orgs[parent] : null,
        depth: parent ? (parent === "TK" ? 1 : 2) : 0,
        position,
        establishedOn: d("2000-01-01"),
      },
    });
    orgs[key] = row.id;
    const ancestors = parent ? (parent === "TK" ? [orgs.TK] : [orgs[parent], orgs.TK]) : [];
    await db.orgClosure.createMany({
      data: [{ ancestorId: row.id, descendantId: row.id, distance: 0 }, ...ancestors.map((a, i) => ({ ancestorId: a, descendantId: row.id, distance: i + 1 }))],
    });
  };
  await org("TK", "TK", "Huyện ủy Thống Kê", "UPPER_COMMITTEE", "OTHER", null, 0);
  await org("G1", "TK.01", "Đảng bộ xã Một", "DANG_BO_CO_SO", "COMMUNE", "TK", 1);
  await org("G2", "TK.02", "Chi bộ Trường Hai", "CHI_BO_CO_SO", "SCHOOL", "TK", 2);
  await org("C1", "TK.01.01", "Chi bộ thôn A", "CHI_BO_TRUC_THUOC", "RESIDENTIAL", "G1", 1);
  await org("C2", "TK.01.02", "Chi bộ thôn B", "CHI_BO_TRUC_THUOC", "RESIDENTIAL", "G1", 2);

  const members = {} as Record<MemberKey, string>;
  let n = 0;
  for (const [key, [fullName, cell]] of Object.entries(NAMES) as [MemberKey, [string, OrgKey]][]) {
    n++;
    const row = await db.member.create({
      data: {
        cardNumber: `TK-${String(n).padStart(4, "0")}`,
        fullName,
        nameSearch: toSearchKey(fullName),
        gender: n % 2 ? "MALE" : "FEMALE",
        birthDate: d("1980-01-01"),
        admittedOn: key === "m10" ? d("2025-10-01") : d("2005-01-01"),
        officialOn: key === "m10" ? null : d("2006-01-01"),
        category: "NON_LEADER_IN_SYSTEM",
        status: key === "m4" ? "EXEMPT" : "ACTIVE",
        cellId: orgs[cell],
        grassrootsId: cell === "G2" ? orgs.G2 : orgs.G1,
      },
    });
    members[key] = row.id;
  }

  const user = await db.user.create({
    data: {
      username: "bantochuc.tk",
      passwordHash: "-",
      displayName: "Ban Tổ chức Thống Kê",
      roleAssignments: { create: { role: "UPPER_BOARD", organizationId: orgs.TK } },
    },
  });
  const school = await db.user.create({
    data: {
      username: "danguy.tk",
      passwordHash: "-",
      displayName: "Chi ủy Trường Hai",
      roleAssignments: { create: { role: "GRASSROOTS_COMMITTEE", organizationId: orgs.G2 } },
    },
  });

  const cycles: Record<number, string> = {};
  for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
    const cycle = await db.reviewCycle.create({
      data: {
        upperOrgId: orgs.TK,
        year,
        ruleSet: RULE_SET[year],
        ratingDate: d(`${year}-12-15`),
        status: year === CURRENT ? "SELF_REVIEW" : "PUBLISHED",
        selfReviewDue: d(`${year}-12-10`),
        meetingsDue: d(`${year}-12-20`),
        grassrootsDue: d(`${year}-12-30`),
        upperDecisionDue: d(`${year + 1}-01-20`),
      },
    });
    cycles[year] = cycle.id;
    const group = async (code: string, name: string, kind: "MEMBER" | "ORGANIZATION", deciding: OrgKey) =>
      (await db.peerGroup.create({ data: { cycleId: cycle.id, code, name, kind, decidingOrgId: orgs[deciding] } })).id;
    const groups = {
      mG1: await group("M-TK.01", "Đảng viên - Đảng bộ xã Một", "MEMBER", "G1"),
      mG2: await group("M-TK.02", "Đảng viên - Chi bộ Trường Hai", "MEMBER", "G2"),
      oCommune: await group("O-COMMUNE", "Tổ chức cơ sở đảng - COMMUNE", "ORGANIZATION", "TK"),
      oSchool: await group("O-SCHOOL", "Tổ chức cơ sở đảng - SCHOOL", "ORGANIZATION", "TK"),
      cG1: await group("C-TK.01", "Chi bộ trực thuộc - Đảng bộ xã Một", "ORGANIZATION", "G1"),
    };
    const memberRecords: [MemberKey, Rec][] =
      year === 2025
        ? (Object.entries(Y2025) as [MemberKey, Rec][])
        : year === 2026
          ? (Object.entries(Y2026) as [MemberKey, Rec][])
          : (Object.entries(EARLIER[year]) as [MemberKey, RatingLevel][]).map(([k, level]) => [k, { state: "PUBLISHED", level }]);
    await db.reviewRecord.createMany({
      data: memberRecords.map(([key, rec]) => {
        const cell = NAMES[key][1];
        return {
          cycleId: cycle.id,
          subjectKind: "MEMBER" as const,
          memberId: members[key],
          scopeOrgId: orgs[cell],
          peerGroupId: cell === "G2" ? groups.mG2 : groups.mG1,
          state: rec.state,
          notRatedReason: rec.reason ?? null,
          proposedLevel: rec.level ?? null,
          decidedLevel: rec.state === "PUBLISHED" ? (rec.level ?? null) : null,
          scoreGeneralTenths: rec.score?.[0] ?? null,
          scoreResultsTenths: rec.score?.[1] ?? null,
          publishedAt: rec.state === "PUBLISHED" ? d(`${year + 1}-01-25`) : null,
        };
      }),
    });
    const orgLevels = ORG_LEVELS[year] ?? {};
    await db.reviewRecord.createMany({
      data: (["G1", "G2", "C1", "C2"] as const).map((key) => ({
        cycleId: cycle.id,
        subjectKind: "ORGANIZATION" as const,
        organizationId: orgs[key],
        scopeOrgId: orgs[key],
        peerGroupId: key === "G1" ? groups.oCommune : key === "G2" ? groups.oSchool : groups.cG1,
        state: orgLevels[key] ? ("PUBLISHED" as const) : ("DRAFT" as const),
        proposedLevel: orgLevels[key] ?? null,
        decidedLevel: orgLevels[key] ?? null,
      })),
    });
    if (year === 2025) {
      // The standing committee let the commune group exceed: 25 % of a pool of 1 is still 0, so it stays over.
      await db.quotaOverride.create({
        data: {
          cycleId: cycle.id,
          peerGroupId: groups.oCommune,
          decisionNo: "15-QĐ/HU",
          decidedOn: d("2026-01-15"),
          issuer: "Ban Thường vụ Huyện ủy Thống Kê",
          reason: "Đảng bộ xã dẫn đầu phong trào thi đua",
          ratePercent: 25,
          createdById: user.id,
        },
      });
    }
    if (year === 2026) {
      await db.meeting.create({
        data: { cycleId: cycle.id, organizationId: orgs.C2, status: "FINALIZED", finalizedAt: d("2026-12-05"), heldOn: d("2026-12-05") },
      });
      await db.meeting.create({ data: { cycleId: cycle.id, organizationId: orgs.C1, status: "DRAFT" } });
    }
  }

  await db.discipline.create({ data: { memberId: members.m7, decidedOn: d("2025-06-10"), form: "WARNING", reason: "Vi phạm quy định về đạo đức công vụ" } });
  await db.discipline.create({ data: { memberId: members.m3, decidedOn: d("2024-03-01"), form: "REPRIMAND", reason: "Chậm nộp đảng phí" } });
  await db.remediationItem.createMany({
    data: [
      {
        memberId: members.m7,
        year: 2025,
        shortcoming: "Chưa hoàn thành chỉ tiêu công tác",
        measures: "Lập kế hoạch theo tháng",
        responsible: "Bí thư chi bộ thôn B",
        deadline: d("2026-03-31"),
        status: "OPEN",
      },
      {
        memberId: members.m3,
        year: 2025,
        shortcoming: "Chậm nộp báo cáo",
        measures: "Nộp đúng hạn",
        responsible: "Bí thư chi bộ thôn A",
        deadline: d("2026-02-28"),
        status: "IN_PROGRESS",
      },
      {
        memberId: members.m2,
        year: 2025,
        shortcoming: "Ít phát biểu trong sinh hoạt",
        measures: "Chuẩn bị ý kiến",
        responsible: "Bí thư chi bộ thôn A",
        deadline: d("2026-01-31"),
        status: "DONE",
      },
    ],
  });

  return { orgs, members, cycles, board: (await loadActor(user.id))!, schoolCommittee: (await loadActor(school.id))! };
}
