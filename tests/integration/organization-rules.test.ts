import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { documentResponse } from "@/lib/exports/documents";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { recountCycleTaskFacts } from "@/lib/data/tasks";
import { getUnitRating, rateUnit } from "@/lib/data/unit-ratings";
import type { DomainError } from "@/lib/errors";
import type { Level } from "@/lib/grading";
import { actorFor, collectiveItems, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// Every organization rule of Quy định 366 (docs/rating-rules.md §7.7, with the score, tasks and
// shortcomings of §7.3–7.5), through the use case a cell or a committee rates itself with: the level the
// rule allows is accepted, the one above it refused — and the facts the app holds (disciplines of the
// committee's members, their degradation, disciplined subordinate units) are derived, not typed.

let secretary: Actor; // bithu2: secretary of Chi bộ thôn Tây, whose member record is hers
let committee: Actor; // danguy: Đảng ủy xã An Bình
let cellWest: string;
let commune: string;
let cycleId: string;
let secretaryMemberId: string;

/** 95 points, every task done on time and 30 % exceeding, shortcomings remedied: nothing caps. */
const TOP = {
  scoreItems: collectiveItems(28, 67) as Record<string, number | null>,
  tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 3 },
  shortcomings: { named: 1, remedied: 1 },
  leadershipDisciplined: false,
  disunityConcluded: false,
  leadershipMemberDegraded: false,
  forceMajeure: false,
  fiveTargetsMissed: false,
  leadershipDisciplineAnswers: [] as { disciplineId: string; atFormerUnit: boolean; unrelatedToDuties: boolean }[],
  report: {} as Record<string, string>,
};
type Facts = Partial<typeof TOP>;

const recordOf = async (orgId: string) =>
  db.reviewRecord.findUniqueOrThrow({
    where: { cycleId_organizationId: { cycleId, organizationId: orgId } },
    select: { id: true, version: true, state: true, fiveTargetsMissed: true },
  });

/** The cell proposes `level` with `facts`: "ok", or the cause the rules refuse it for. */
async function cellProposes(level: Level, facts: Facts = {}): Promise<string> {
  const record = await recordOf(cellWest);
  return rateUnit(secretary, { recordId: record.id, expectedVersion: record.version, level, ...TOP, ...facts }).then(
    () => "ok",
    (e: DomainError) => (e.code === "LEVEL_REFUSED" ? e.fieldErrors!.level : e.code),
  );
}

/** The commune's committee rates its organization (from DRAFT each time, everything below it decided). */
async function communeRates(level: Level, facts: Facts = {}): Promise<string> {
  await db.reviewRecord.update({
    where: { cycleId_organizationId: { cycleId, organizationId: commune } },
    data: { state: "DRAFT", selfLevel: null, proposedLevel: null },
  });
  const record = await recordOf(commune);
  return rateUnit(committee, { recordId: record.id, expectedVersion: record.version, level, ...TOP, ...facts }).then(
    () => "ok",
    (e: DomainError) => (e.code === "LEVEL_REFUSED" ? e.fieldErrors!.level : e.code),
  );
}

// What the order of the review needs before these units rate themselves, put back afterwards.
let settled: { id: string; state: string; decidedLevel: string | null }[] = [];
let meetings: { id: string; status: "DRAFT" | "FINALIZED" }[] = [];

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, committee] = await Promise.all([actorFor("bithu2"), actorFor("danguy")]);
  [cellWest, commune] = await Promise.all([orgByCode("HU.01.05"), orgByCode("HU.01")]);
  cycleId = (await getCurrentCycle(commune))!.id;
  secretaryMemberId = secretary.memberId!;
  // The rules are tried on typed task counts: this file runs the demo's review without the register (which
  // would keep its own counts whatever is typed), and turns it back on, recounted, afterwards.
  await db.reviewCycle.update({ where: { id: cycleId }, data: { status: "DECIDING", options: { taskRegister: false } } });
  settled = await db.$queryRaw`
    WITH subtree AS (SELECT "descendantId" AS id FROM "OrgClosure" WHERE "ancestorId" = ${commune})
    SELECT r.id, r.state::text AS state, r."decidedLevel"::text AS "decidedLevel" FROM "ReviewRecord" r
     WHERE r."cycleId" = ${cycleId} AND r.state NOT IN ('DECIDED', 'PUBLISHED', 'NOT_RATED')
       AND ((r."subjectKind" = 'MEMBER' AND r."scopeOrgId" IN (SELECT id FROM subtree))
         OR (r."subjectKind" = 'ORGANIZATION' AND r."organizationId" <> ${commune} AND r."organizationId" <> ${cellWest} AND r."organizationId" IN (SELECT id FROM subtree)))`;
  await db.$executeRaw`UPDATE "ReviewRecord" SET state = 'DECIDED', "decidedLevel" = COALESCE("proposedLevel", 'COMPLETED') WHERE id = ANY(${settled.map((r) => r.id)}::text[])`;
  meetings = await db.meeting.findMany({ where: { cycleId, organizationId: cellWest }, select: { id: true, status: true } });
  await db.meeting.updateMany({ where: { id: { in: meetings.map((m) => m.id) } }, data: { status: "FINALIZED" } });
  // The cell's own record is decided as far as the commune is concerned once it has proposed; it starts over.
  await db.reviewRecord.update({
    where: { cycleId_organizationId: { cycleId, organizationId: cellWest } },
    data: { state: "DRAFT", proposedLevel: null, decidedLevel: null, leadershipDisciplined: false },
  });
});

afterAll(async () => {
  await db.$executeRaw`
    UPDATE "ReviewRecord" r SET state = v.state::"RecordState", "decidedLevel" = v.level::"RatingLevel"
      FROM unnest(${settled.map((r) => r.id)}::text[], ${settled.map((r) => r.state)}::text[], ${settled.map((r) => r.decidedLevel)}::text[]) AS v(id, state, level)
     WHERE r.id = v.id`;
  for (const m of meetings) await db.meeting.update({ where: { id: m.id }, data: { status: m.status } });
  // The two units' own records start over, as the demo left them: still to rate themselves.
  await db.reviewRecord.updateMany({
    where: { cycleId, organizationId: { in: [commune, cellWest] } },
    data: { state: "DRAFT", selfLevel: null, proposedLevel: null, decidedLevel: null, fiveTargetsMissed: false, forceMajeure: false },
  });
  await db.$transaction(
    async (tx) => {
      await tx.reviewCycle.update({ where: { id: cycleId }, data: { options: { taskRegister: true } } });
      await recountCycleTaskFacts(tx, cycleId, CURRENT_YEAR);
    },
    { timeout: 60_000 },
  );
  await expectTallyExact();
});

describe("the score, the tasks and the shortcomings (§7.3–7.5)", () => {
  it.each<[string, Facts, Level, Level]>([
    // rule, facts, the highest level allowed, the level above it
    ["SCORE_UNDER_90", { scoreItems: collectiveItems(25, 60) }, "GOOD", "EXCELLENT"],
    ["SCORE_UNDER_70", { scoreItems: collectiveItems(20, 45) }, "COMPLETED", "GOOD"],
    ["SCORE_UNDER_50", { scoreItems: collectiveItems(20, 25) }, "NOT_COMPLETED", "COMPLETED"],
    ["TASKS_EXCEEDED_UNDER_30", { tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 2 } }, "GOOD", "EXCELLENT"],
    ["TASKS_LATE", { tasks: { assigned: 10, completed: 10, onTime: 9, exceeded: 3 } }, "COMPLETED", "GOOD"],
    ["TASKS_NOT_COMPLETED", { tasks: { assigned: 10, completed: 9, onTime: 9, exceeded: 3 } }, "NOT_COMPLETED", "COMPLETED"],
    ["TASKS_UNDER_70", { tasks: { assigned: 10, completed: 6, onTime: 6, exceeded: 3 } }, "NOT_COMPLETED", "COMPLETED"],
    ["FORCE_MAJEURE (caps at completed)", { tasks: { assigned: 10, completed: 6, onTime: 6, exceeded: 3 }, forceMajeure: true }, "COMPLETED", "GOOD"],
    ["SHORTCOMINGS_NOT_REMEDIED", { shortcomings: { named: 2, remedied: 1 } }, "GOOD", "EXCELLENT"],
    ["LEADERSHIP_DISCIPLINED (asked)", { leadershipDisciplined: true }, "NOT_COMPLETED", "COMPLETED"],
    ["DISUNITY (asked)", { disunityConcluded: true }, "NOT_COMPLETED", "COMPLETED"],
    ["LEADERSHIP_MEMBER_DEGRADED (asked)", { leadershipMemberDegraded: true }, "NOT_COMPLETED", "COMPLETED"],
  ])("%s: the cell may propose its maximum, not above", async (_rule, facts, allowed, above) => {
    expect(await cellProposes(above, facts)).toBe("LEVEL_ABOVE_RULES");
    expect(await cellProposes(allowed, facts)).toBe("ok");
  });

  it("SCORE_MISSING: no level without the collective's score on every item of the sheet; the totals are computed", async () => {
    expect(await cellProposes("NOT_COMPLETED", { scoreItems: { ...TOP.scoreItems, "tt-c6": null } })).toBe("SCORE_MISSING");
    expect(await cellProposes("GOOD", { scoreItems: collectiveItems(27.5, 60.5) })).toBe("ok");
    const stored = await db.reviewRecord.findUniqueOrThrow({
      where: { cycleId_organizationId: { cycleId, organizationId: cellWest } },
      select: { scoreGeneralTenths: true, scoreResultsTenths: true, scoreItems: true },
    });
    expect(stored).toMatchObject({ scoreGeneralTenths: 275, scoreResultsTenths: 605, scoreItems: collectiveItems(27.5, 60.5) });
  });
});

describe("the collective's own report (Mẫu 01)", () => {
  it("is written in the form's sections with the self-rating, and printed in its layout with the score item by item", async () => {
    const report = {
      targets: "Chi bộ hoàn thành 10/10 nhiệm vụ của năm, 3 nhiệm vụ vượt mức.",
      shortcomings: "Sinh hoạt chuyên đề chưa đều.",
      measures: "Mỗi quý một chuyên đề.",
    };
    expect(await cellProposes("EXCELLENT", { report } as Facts)).toBe("ok");
    const unit = (await getUnitRating(secretary, cellWest))!;
    expect(unit.report).toEqual(report);
    expect(unit.scoreItems).toEqual(TOP.scoreItems);
    const response = await documentResponse(secretary, "collective-review", "pdf", { unit: cellWest });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
    const printed = text.normalize("NFC").replace(/\s+/g, " ");
    for (const words of [
      "Mẫu 01-HD KĐ.ĐG 2025",
      `BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ NĂM ${CURRENT_YEAR}`,
      "A. NỘI DUNG KIỂM ĐIỂM",
      "2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ",
      "Chi bộ hoàn thành 10/10 nhiệm vụ của năm",
      "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
      "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
      "I. Đánh giá theo các nhóm tiêu chí",
      "Tổng điểm 95/100",
      "II. Đề xuất xếp loại mức chất lượng",
      "[x] Hoàn thành xuất sắc nhiệm vụ",
    ]) {
      expect(printed).toContain(words);
    }
    // "(nếu có)": the collective had nothing to explain, and the report says so.
    expect(printed).toContain("IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có) Không có.");
    // Another cell's secretary prints nothing of it.
    await expect(documentResponse(await actorFor("bithu"), "collective-review", "pdf", { unit: cellWest })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("facts the app derives from its own records (§7.7)", () => {
  it("LEADERSHIP_MEMBER_DISCIPLINED: a committee member's discipline of the year, from the register, unless the committee sets it aside", async () => {
    const discipline = await db.discipline.create({
      data: {
        memberId: secretaryMemberId,
        decidedOn: new Date(Date.UTC(CURRENT_YEAR, 5, 12)),
        form: "REPRIMAND",
        reason: "Vi phạm quy định về quản lý tài chính của chi bộ.",
      },
    });
    try {
      const unit = (await getUnitRating(secretary, cellWest))!;
      expect(unit.facts.derived.leadershipDisciplines).toEqual([
        {
          disciplineId: discipline.id,
          memberName: "Ngô Thị Hạnh",
          decidedOn: `${CURRENT_YEAR}-06-12`,
          form: "REPRIMAND",
          selfDetectedAndRemedied: false,
          countedInEarlierYear: false,
        },
      ]);
      expect(await cellProposes("COMPLETED")).toBe("LEVEL_ABOVE_RULES");
      expect(await cellProposes("NOT_COMPLETED")).toBe("ok");
      // Committed at a former unit, or unrelated to the collective's duties: it does not count here.
      for (const answer of [
        { atFormerUnit: true, unrelatedToDuties: false },
        { atFormerUnit: false, unrelatedToDuties: true },
      ]) {
        expect(await cellProposes("EXCELLENT", { leadershipDisciplineAnswers: [{ disciplineId: discipline.id, ...answer }] })).toBe("ok");
      }
      // An answer about a discipline the register does not hold for this unit is bad input.
      expect(
        await cellProposes("GOOD", { leadershipDisciplineAnswers: [{ disciplineId: "someone-else", atFormerUnit: true, unrelatedToDuties: false }] }),
      ).toBe("INVALID_INPUT");
      // Self-detected and remedied: the competent body judges, but EXCELLENT needs no disciplined member.
      await db.discipline.update({ where: { id: discipline.id }, data: { selfDetectedAndRemedied: true } });
      expect(await cellProposes("EXCELLENT")).toBe("LEVEL_ABOVE_RULES");
      expect(await cellProposes("GOOD")).toBe("ok");
      // A discipline of another year does not count.
      await db.discipline.update({
        where: { id: discipline.id },
        data: { selfDetectedAndRemedied: false, decidedOn: new Date(Date.UTC(CURRENT_YEAR - 1, 5, 12)) },
      });
      expect(await cellProposes("EXCELLENT")).toBe("ok");
    } finally {
      await db.discipline.delete({ where: { id: discipline.id } });
    }
  });

  it("LEADERSHIP_MEMBER_DEGRADED: a committee member's own record this year concludes degradation", async () => {
    const record = await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_memberId: { cycleId, memberId: secretaryMemberId } }, select: { id: true } });
    await db.reviewRecord.update({ where: { id: record.id }, data: { degradationConcluded: true } });
    try {
      expect((await getUnitRating(secretary, cellWest))!.facts.derived.degradedLeaders).toEqual(["Ngô Thị Hạnh"]);
      expect(await cellProposes("COMPLETED")).toBe("LEVEL_ABOVE_RULES");
      expect(await cellProposes("NOT_COMPLETED")).toBe("ok");
    } finally {
      await db.reviewRecord.update({ where: { id: record.id }, data: { degradationConcluded: false } });
    }
  });

  it("SUBORDINATES_DISCIPLINED: a subordinate cell's own record says its collective was disciplined", async () => {
    const cell = await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_organizationId: { cycleId, organizationId: cellWest } }, select: { id: true } });
    await db.reviewRecord.update({ where: { id: cell.id }, data: { leadershipDisciplined: true, state: "DECIDED", decidedLevel: "NOT_COMPLETED" } });
    try {
      const unit = (await getUnitRating(committee, commune))!;
      expect(unit.facts.derived.disciplinedSubordinates).toEqual(["Chi bộ thôn Tây"]);
      expect(unit.facts.derived.subordinateUnits).toBeGreaterThan(1);
      expect(await communeRates("EXCELLENT")).toBe("LEVEL_ABOVE_RULES");
      expect(await communeRates("GOOD")).toBe("ok");
    } finally {
      await db.reviewRecord.update({ where: { id: cell.id }, data: { leadershipDisciplined: false, state: "DRAFT", decidedLevel: null } });
    }
  });

  it("FIVE_TARGETS: asked of a commune's organization (forced; at most completed with force majeure), never of a cell", async () => {
    const cell = await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_organizationId: { cycleId, organizationId: cellWest } }, select: { id: true } });
    await db.reviewRecord.update({ where: { id: cell.id }, data: { state: "DECIDED", decidedLevel: "GOOD" } });
    try {
      expect((await getUnitRating(committee, commune))!.answersForTargets).toBe(true);
      expect(await communeRates("COMPLETED", { fiveTargetsMissed: true })).toBe("LEVEL_ABOVE_RULES");
      expect(await communeRates("NOT_COMPLETED", { fiveTargetsMissed: true })).toBe("ok");
      expect((await recordOf(commune)).fiveTargetsMissed).toBe(true);
      expect(await communeRates("GOOD", { fiveTargetsMissed: true, forceMajeure: true })).toBe("LEVEL_ABOVE_RULES");
      expect(await communeRates("COMPLETED", { fiveTargetsMissed: true, forceMajeure: true })).toBe("ok");
    } finally {
      await db.reviewRecord.update({ where: { id: cell.id }, data: { state: "DRAFT", decidedLevel: null } });
    }
    // A village cell answers for no socio-economic targets: the fact is not stored for it.
    expect((await getUnitRating(secretary, cellWest))!.answersForTargets).toBe(false);
    expect(await cellProposes("EXCELLENT", { fiveTargetsMissed: true })).toBe("ok");
    expect((await recordOf(cellWest)).fiveTargetsMissed).toBe(false);
  });
});
