import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle, getScoreSheet, listManagedCycles, openCycle, startSelfReviews, updateCycleDeadlines, updateScoreSheet } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { DEFAULT_SCORE_SHEETS, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { DomainError } from "@/lib/errors";
import { reviewYearOn } from "@/lib/review/calendar";
import { toSearchKey } from "@/lib/text/search";
import { actorFor, ensureDemoDistrict, otherDistrict } from "./fixtures";
import { expectTallyExact } from "./tally";

// Opening a review year, its score sheets and their freeze, on the real database. The cycle is opened
// for the small district beside the demo one (fixtures.otherDistrict), by an upper board assigned there,
// so the demo district's own cycles stay as the other tests expect them.

const YEAR = reviewYearOn(new Date());
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let board: Actor; // Ban Tổ chức of the small district
let districtBoard: Actor; // bantochuc of the demo district: the small district is outside its scope
let zz: { upperId: string; cellId: string; memberId: string };
const created: string[] = [];

async function member(card: string, fields: { status?: "ACTIVE" | "EXEMPT"; admittedOn: string }) {
  const name = `Đảng Viên ${card}`;
  return db.member.upsert({
    where: { cardNumber: card },
    update: {},
    create: {
      cardNumber: card,
      fullName: name,
      nameSearch: toSearchKey(name),
      gender: "FEMALE",
      birthDate: day("1985-01-01"),
      admittedOn: day(fields.admittedOn),
      officialOn: null,
      category: "NOT_IN_POLITICAL_SYSTEM",
      status: fields.status ?? "ACTIVE",
      cellId: zz.cellId,
      grassrootsId: zz.cellId,
    },
  });
}

beforeAll(async () => {
  await ensureDemoDistrict();
  const outside = await otherDistrict();
  const cell = await db.organization.findUniqueOrThrow({ where: { id: outside.orgId }, select: { parentId: true } });
  zz = { upperId: cell.parentId!, cellId: outside.orgId, memberId: outside.memberId };
  districtBoard = await actorFor("bantochuc");
  board = { ...districtBoard, roles: [{ role: "UPPER_BOARD", organizationId: zz.upperId }] };
  // An exempt member, a member admitted exactly six months before the rating date (rated), and one
  // admitted later (not rated); and two shortcomings named at last year's review, one remedied.
  await member("ZZ-0002", { status: "EXEMPT", admittedOn: "2001-01-01" });
  await member("ZZ-0003", { admittedOn: `${YEAR}-06-15` });
  await member("ZZ-0004", { admittedOn: `${YEAR}-06-16` });
  await db.remediationItem.createMany({
    data: ["DONE", "OPEN"].map((status) => ({
      memberId: zz.memberId,
      year: YEAR - 1,
      shortcoming: "Chưa tích cực phát biểu xây dựng chi bộ",
      measures: "Chuẩn bị ý kiến trước mỗi buổi sinh hoạt",
      responsible: "Bí thư chi bộ",
      deadline: day(`${YEAR}-06-30`),
      status: status as "DONE" | "OPEN",
    })),
  });
});

afterAll(async () => {
  await db.reviewCycle.deleteMany({ where: { id: { in: created } } });
  await db.remediationItem.deleteMany({ where: { memberId: zz.memberId } });
});

describe("opening the review of a year", () => {
  let cycleId: string;

  it("creates the cycle under the year's rules, its default sheets, peer groups and records, audited", async () => {
    const result = await openCycle(board, { upperOrgId: zz.upperId, year: YEAR });
    created.push(result.id);
    cycleId = result.id;
    const cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } });
    expect(cycle).toMatchObject({ year: YEAR, ruleSet: "QD366_HD43", status: "PREPARING" });
    // HD 43 4.1: the review and rating end before 31/12, the upper committee's decisions included.
    expect(cycle.grassrootsDue.getTime()).toBeLessThan(cycle.upperDecisionDue.getTime());
    expect(cycle.upperDecisionDue.getTime()).toBeLessThan(day(`${YEAR}-12-31`).getTime());

    const sheets = await db.scoreSheet.findMany({ where: { cycleId }, orderBy: { framework: "asc" } });
    expect(sheets.map((s) => s.framework).sort()).toEqual(["COLLECTIVE", "LEADER", "NON_LEADER", "OUTSIDE_SYSTEM"]);
    for (const sheet of sheets) expect(sheet.groups).toEqual(DEFAULT_SCORE_SHEETS[sheet.framework]);

    const groups = await db.peerGroup.findMany({ where: { cycleId }, select: { code: true, kind: true, decidingOrgId: true } });
    expect(groups).toEqual(
      expect.arrayContaining([
        { code: "M-ZZ.01", kind: "MEMBER", decidingOrgId: zz.cellId },
        { code: "O-AGENCY", kind: "ORGANIZATION", decidingOrgId: zz.upperId },
      ]),
    );

    const records = await db.reviewRecord.findMany({
      where: { cycleId },
      select: {
        subjectKind: true,
        state: true,
        notRatedReason: true,
        category: true,
        shortcomingsNamed: true,
        shortcomingsRemedied: true,
        member: { select: { cardNumber: true } },
        peerGroup: { select: { code: true } },
      },
    });
    const byCard = new Map(records.filter((r) => r.member).map((r) => [r.member!.cardNumber, r]));
    expect(byCard.get("ZZ-0001")).toMatchObject({
      state: "DRAFT",
      notRatedReason: null,
      category: "NON_LEADER_IN_SYSTEM",
      shortcomingsNamed: 2,
      shortcomingsRemedied: 1,
      peerGroup: { code: "M-ZZ.01" },
    });
    expect(byCard.get("ZZ-0002")).toMatchObject({ state: "NOT_RATED", notRatedReason: "EXEMPT" });
    expect(byCard.get("ZZ-0003")).toMatchObject({ state: "DRAFT", notRatedReason: null });
    expect(byCard.get("ZZ-0004")).toMatchObject({ state: "NOT_RATED", notRatedReason: "NEW_MEMBER" });
    expect(records.filter((r) => r.subjectKind === "ORGANIZATION")).toEqual([expect.objectContaining({ state: "DRAFT", peerGroup: { code: "O-AGENCY" } })]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: cycleId, action: "cycle.open" } });
    expect(audit).toMatchObject({
      actorId: board.userId,
      organizationId: zz.upperId,
      data: { year: YEAR, ruleSet: "QD366_HD43", memberRecords: 4, organizationRecords: 1 },
    });
  });

  it("chooses what the cells' votes count against, audited, until a cell has finalized its minutes", async () => {
    const deadlines = { selfReviewDue: `${YEAR}-12-10`, meetingsDue: `${YEAR}-12-18`, grassrootsDue: `${YEAR}-12-25`, upperDecisionDue: `${YEAR}-12-30` };
    let cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { version: true, options: true } });
    expect(cycle.options).toEqual({});
    await updateCycleDeadlines(board, { cycleId, expectedVersion: cycle.version, ...deadlines, adoptionBase: "PRESENT" });
    cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { version: true, options: true } });
    expect(cycle.options).toEqual({ adoptionBase: "PRESENT" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: cycleId, action: "cycle.deadlines" }, orderBy: { at: "desc" } });
    expect(audit.data).toMatchObject({ before: { adoptionBase: "REQUIRED" }, after: { adoptionBase: "PRESENT" } });
    // Once a cell has counted its votes under one base, the base stays.
    const meeting = await db.meeting.create({ data: { cycleId, organizationId: zz.cellId, status: "FINALIZED", finalizedAt: new Date() } });
    try {
      const audits = await db.auditLog.count();
      await expect(updateCycleDeadlines(board, { cycleId, expectedVersion: cycle.version, ...deadlines, adoptionBase: "REQUIRED" })).rejects.toMatchObject({
        code: "CYCLE_NOT_EDITABLE",
        fieldErrors: { adoptionBase: "voteBaseLocked" },
      });
      expect((await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { options: true } })).options).toEqual({ adoptionBase: "PRESENT" });
      expect(await db.auditLog.count()).toBe(audits);
      // The deadlines alone still change.
      await updateCycleDeadlines(board, { cycleId, expectedVersion: cycle.version, ...deadlines, meetingsDue: `${YEAR}-12-19` });
    } finally {
      await db.meeting.delete({ where: { id: meeting.id } });
    }
  });

  it("refuses a year already open, and two people opening the same year at once open it once", async () => {
    await expect(openCycle(board, { upperOrgId: zz.upperId, year: YEAR })).rejects.toMatchObject({ code: "CYCLE_EXISTS" });
    const next = YEAR + 1;
    const results = await Promise.allSettled([0, 1].map(() => openCycle(board, { upperOrgId: zz.upperId, year: next })));
    for (const r of results) if (r.status === "fulfilled") created.push(r.value.id);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(refused.reason.code).toBe("CYCLE_EXISTS");
    expect(await db.reviewCycle.count({ where: { upperOrgId: zz.upperId, year: next } })).toBe(1);
  });

  it("keeps this year's review on the home page while next year's is being prepared", async () => {
    const current = await getCurrentCycle(zz.cellId);
    expect(current?.year).toBe(YEAR);
  });

  it("refuses a year without rules or too far ahead, and changes nothing", async () => {
    const before = await db.reviewCycle.count({ where: { upperOrgId: zz.upperId } });
    for (const year of [2018, YEAR + 2]) {
      await expect(openCycle(board, { upperOrgId: zz.upperId, year })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { year: "cycleYearRange" },
      });
    }
    expect(await db.reviewCycle.count({ where: { upperOrgId: zz.upperId } })).toBe(before);
  });

  it("is out of reach for another district's board and for roles that do not manage cycles", async () => {
    await expect(openCycle(districtBoard, { upperOrgId: zz.upperId, year: 2020 })).rejects.toBeInstanceOf(NotFoundError);
    const committee = await actorFor("danguy");
    await expect(listManagedCycles(committee)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScoreSheet(districtBoard, cycleId, "LEADER")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewCycle.count({ where: { upperOrgId: zz.upperId, year: 2020 } })).toBe(0);
  });

  describe("its score sheets", () => {
    const edit = async (change: (sheet: ScoreSheetContent) => void) => {
      const current = await getScoreSheet(board, cycleId, "LEADER");
      const content = structuredClone(current.content);
      change(content);
      return { cycleId, framework: "LEADER" as const, expectedVersion: current.version, groups: content.groups };
    };

    it("saves a valid sheet with its audit row", async () => {
      const input = await edit((sheet) => {
        sheet.groups[0].items[0].maxPoints = 5.5;
        sheet.groups[0].items[1].maxPoints = 6.5;
        sheet.groups[1].items.push({ key: "ld-k4", label: "Kết quả chuyển đổi số trong đơn vị", maxPoints: 10 });
        sheet.groups[1].items[0].maxPoints = 15;
      });
      await expect(updateScoreSheet(board, input)).resolves.toEqual({ version: 1 });
      const saved = await getScoreSheet(board, cycleId, "LEADER");
      expect(saved.content.groups[1].items.map((i) => i.maxPoints)).toEqual([15, 25, 20, 10]);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "scoreSheet.update", organizationId: zz.upperId }, orderBy: { at: "desc" } });
      expect(audit.actorId).toBe(board.userId);
    });

    it("refuses sums other than 30 and 70, empty items, points of zero or with two decimals — and changes nothing", async () => {
      const before = await getScoreSheet(board, cycleId, "LEADER");
      const bad = [
        await edit((s) => (s.groups[0].items[0].maxPoints = 7)),
        await edit((s) => (s.groups[1].items[0].label = "   ")),
        await edit((s) => (s.groups[1].items[0].maxPoints = 0)),
        await edit((s) => (s.groups[0].items[0].maxPoints = 5.55)),
        await edit((s) => (s.groups[1].items = [])),
      ];
      const paths: string[] = [];
      for (const input of bad) {
        const error = await updateScoreSheet(board, input).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ZodError);
        paths.push((error as ZodError).issues.map((i) => `${i.path.join(".")}:${i.message}`).join(" "));
      }
      expect(paths[0]).toContain("groups.0.items:sheetGeneralSum");
      expect(paths[1]).toContain("groups.1.items.0.label:required");
      expect(paths[2]).toContain("groups.1.items.0.maxPoints:sheetItemPoints");
      expect(paths[3]).toContain("groups.0.items.0.maxPoints:sheetItemPoints");
      expect(paths[4]).toContain("groups.1.items:sheetEmptyGroup");
      expect(await getScoreSheet(board, cycleId, "LEADER")).toEqual(before);
    });

    it("refuses a stale edit", async () => {
      const input = await edit((s) => (s.groups[0].items[0].label = "Chính trị, tư tưởng; nêu gương"));
      await updateScoreSheet(board, input);
      await expect(updateScoreSheet(board, input)).rejects.toMatchObject({ code: "STALE_EDIT" });
    });

    it("freezes once self-reviews begin", async () => {
      const cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } });
      const input = await edit((s) => (s.groups[0].items[0].label = "Sửa sau khi đã bắt đầu"));
      await startSelfReviews(board, { cycleId, expectedVersion: cycle.version });
      expect((await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe("SELF_REVIEW");
      const before = await getScoreSheet(board, cycleId, "LEADER");
      expect(before.editable).toBe(false);
      await expect(updateScoreSheet(board, input)).rejects.toMatchObject({ code: "SHEET_FROZEN" });
      expect(await getScoreSheet(board, cycleId, "LEADER")).toEqual(before);
      await expect(startSelfReviews(board, { cycleId, expectedVersion: cycle.version + 1 })).rejects.toMatchObject({ code: "CYCLE_ALREADY_STARTED" });
    });
  });
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
