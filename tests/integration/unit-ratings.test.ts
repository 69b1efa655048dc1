import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { recountCycleTaskFacts } from "@/lib/data/tasks";
import { decideUnits, getUnitDesk, getUnitRating, publishUnits, rateUnit, returnUnit, verifyUnit } from "@/lib/data/unit-ratings";
import { DomainError } from "@/lib/errors";
import { actorFor, collectiveItems, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// Units' ratings on the real database: the commune's committee rates its organization, the upper board
// verifies it, the standing committee decides, publishes and sends back; the committee decides its cells
// under the 20 % rule; a cell's secretary records the cell's proposal. Each with its refusals and audit.

let committee: Actor; // danguy, Đảng bộ xã An Bình (HU.01)
let board: Actor; // bantochuc
let standing: Actor; // thuongvu
let secretary: Actor; // bithu2, Chi bộ thôn Tây (HU.01.05)
let commune: string;
let district: string;
let cellWest: string;

const GOOD_FACTS = {
  scoreItems: collectiveItems(27.5, 60),
  tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 2 },
  shortcomings: { named: 2, remedied: 2 },
  targetsCompletedPercent: 100,
  localBodiesAtLeastGood: true,
  leadershipDisciplined: false,
  disunityConcluded: false,
  leadershipMemberDegraded: false,
  forceMajeure: false,
};

async function recordOf(orgId: string) {
  const cycle = (await getCurrentCycle(orgId))!;
  return db.reviewRecord.findUniqueOrThrow({
    where: { cycleId_organizationId: { cycleId: cycle.id, organizationId: orgId } },
    select: { id: true, state: true, version: true, proposedLevel: true, decidedLevel: true, selfLevel: true },
  });
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/**
 * Runs `body` with the work below `orgId` done — every member and unit record below it decided, its own
 * minutes finalized — as the order of the review requires before a unit rates itself; then puts back
 * exactly what was there.
 */
async function withWorkBelowDone<T>(orgId: string, body: () => Promise<T>): Promise<T> {
  const cycle = (await getCurrentCycle(orgId))!;
  const open = await db.$queryRaw<{ id: string; state: string; decidedLevel: string | null }[]>`
    WITH subtree AS (SELECT "descendantId" AS id FROM "OrgClosure" WHERE "ancestorId" = ${orgId})
    SELECT r.id, r.state::text AS state, r."decidedLevel"::text AS "decidedLevel" FROM "ReviewRecord" r
     WHERE r."cycleId" = ${cycle.id} AND r.state NOT IN ('DECIDED', 'PUBLISHED', 'NOT_RATED')
       AND ((r."subjectKind" = 'MEMBER' AND r."scopeOrgId" IN (SELECT id FROM subtree))
         OR (r."subjectKind" = 'ORGANIZATION' AND r."organizationId" <> ${orgId} AND r."organizationId" IN (SELECT id FROM subtree)))`;
  const meetings = await db.meeting.findMany({ where: { cycleId: cycle.id, organizationId: orgId }, select: { id: true, status: true } });
  await db.$executeRaw`UPDATE "ReviewRecord" SET state = 'DECIDED', "decidedLevel" = COALESCE("proposedLevel", 'COMPLETED') WHERE id = ANY(${open.map((r) => r.id)}::text[])`;
  await db.meeting.updateMany({ where: { id: { in: meetings.map((m) => m.id) } }, data: { status: "FINALIZED" } });
  try {
    return await body();
  } finally {
    await db.$executeRaw`
      UPDATE "ReviewRecord" r SET state = v.state::"RecordState", "decidedLevel" = v.level::"RatingLevel"
        FROM unnest(${open.map((r) => r.id)}::text[], ${open.map((r) => r.state)}::text[], ${open.map((r) => r.decidedLevel)}::text[]) AS v(id, state, level)
       WHERE r.id = v.id`;
    for (const m of meetings) await db.meeting.update({ where: { id: m.id }, data: { status: m.status } });
  }
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [committee, board, standing, secretary] = await Promise.all([actorFor("danguy"), actorFor("bantochuc"), actorFor("thuongvu"), actorFor("bithu2")]);
  [commune, district, cellWest] = await Promise.all([orgByCode("HU.01"), orgByCode("HU"), orgByCode("HU.01.05")]);
  const cycle = (await getCurrentCycle(commune))!;
  // The rules are tried on typed task counts: this file runs the demo's review without the register (which
  // would keep its own counts whatever is typed), and turns it back on, recounted, afterwards.
  await db.reviewCycle.update({ where: { id: cycle.id }, data: { status: "DECIDING", options: { taskRegister: false } } });
  const own = await recordOf(commune);
  await db.reviewRecord.update({ where: { id: own.id }, data: { state: "DRAFT", selfLevel: null, proposedLevel: null, decidedLevel: null } });
});

describe("a grassroots organization's rating", () => {
  it("is rated by its committee, verified by the board, decided and published by the standing committee", async () => {
    const before = await recordOf(commune);
    const selfRatings = await db.auditLog.count({ where: { action: "unit.selfRate", entityId: before.id } });
    await withWorkBelowDone(commune, () => rateUnit(committee, { recordId: before.id, expectedVersion: before.version, level: "GOOD", ...GOOD_FACTS }));
    const rated = await recordOf(commune);
    expect(rated).toMatchObject({ state: "SUBMITTED", selfLevel: "GOOD", proposedLevel: "GOOD" });
    expect(await db.auditLog.count({ where: { action: "unit.selfRate", entityId: rated.id } })).toBe(selfRatings + 1);

    // Neither the committee nor the standing committee verifies; the board does, with its comment.
    await expect(verifyUnit(committee, { recordId: rated.id, expectedVersion: rated.version, level: "GOOD", note: "x" })).rejects.toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
    });
    await expect(verifyUnit(secretary, { recordId: rated.id, expectedVersion: rated.version, level: "GOOD", note: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(verifyUnit(board, { recordId: rated.id, expectedVersion: rated.version, level: "GOOD", note: "" })).rejects.toBeInstanceOf(ZodError);
    await verifyUnit(board, { recordId: rated.id, expectedVersion: rated.version, level: "GOOD", note: "Hồ sơ đầy đủ; thống nhất." });
    const verified = await recordOf(commune);
    expect(verified.state).toBe("REVIEWED");

    // The committee cannot decide its own organization; the standing committee decides on the district's desk.
    await expect(
      decideUnits(committee, { organizationId: district, decisions: [{ recordId: verified.id, expectedVersion: verified.version, level: "GOOD" }] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const desk = (await getUnitDesk(standing, district))!;
    const row = desk.units.find((u) => u.recordId === verified.id)!;
    expect(row.transitions).toEqual(expect.arrayContaining(["approve", "sendBackRating"]));
    expect(desk.units[0].transitions.length).toBeGreaterThan(0); // what can be acted on comes first
    await decideUnits(standing, { organizationId: district, decisions: [{ recordId: verified.id, expectedVersion: verified.version, level: "GOOD" }] });
    expect(await recordOf(commune)).toMatchObject({ state: "DECIDED", decidedLevel: "GOOD" });
    const { published } = await publishUnits(standing, { organizationId: district });
    expect(published).toBeGreaterThanOrEqual(1);
    expect((await recordOf(commune)).state).toBe("PUBLISHED");
    await expect(publishUnits(board, { organizationId: district })).rejects.toBeInstanceOf(NotFoundError);

    // Sent back with a reason: to be rated again, the decision kept as superseded.
    const published_ = await recordOf(commune);
    await expect(returnUnit(standing, { recordId: published_.id, expectedVersion: published_.version, reason: " " })).rejects.toBeInstanceOf(ZodError);
    // Published: only by a decision to rate it again, named on the record (366 Điều 15).
    await expect(
      returnUnit(standing, { recordId: published_.id, expectedVersion: published_.version, reason: "Chưa đánh giá đúng kết quả thu ngân sách." }),
    ).rejects.toMatchObject({ code: "RERATE_DECISION_REQUIRED" });
    const decision = {
      decisionNo: "05-QĐ/TU",
      decidedOn: `${new Date().getUTCFullYear()}-12-28`,
      issuer: "Ban Thường vụ",
      reason: "Chưa đánh giá đúng kết quả thu ngân sách.",
    };
    await returnUnit(standing, { recordId: published_.id, expectedVersion: published_.version, reason: decision.reason, decision });
    expect(await recordOf(commune)).toMatchObject({ state: "UNDER_REREVIEW", decidedLevel: null });
    const decisions = await db.ratingDecision.findMany({ where: { recordId: published_.id } });
    expect(decisions.map((d) => [d.level, d.supersededAt !== null])).toEqual([["GOOD", true]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "record.rerate", entityId: published_.id }, orderBy: { at: "desc" } });
    expect(audit.data).toMatchObject({ reason: decision.reason, before: { state: "PUBLISHED" }, decision: { decisionNo: "05-QĐ/TU" } });
  });

  it("refuses a level above what the facts allow, a stale edit and bad input, changing nothing", async () => {
    const current = await recordOf(commune);
    const low = await refusal(
      withWorkBelowDone(commune, () =>
        rateUnit(committee, { recordId: current.id, expectedVersion: current.version, level: "EXCELLENT", ...GOOD_FACTS, scoreItems: collectiveItems(10, 20) }),
      ),
    );
    expect(low).toMatchObject({
      code: "LEVEL_REFUSED",
      fieldErrors: { level: "LEVEL_ABOVE_RULES" },
      values: { name: "Đảng bộ xã An Bình", reason: "LEVEL_ABOVE_RULES" },
    });
    const stale = await refusal(rateUnit(committee, { recordId: current.id, expectedVersion: current.version + 7, level: "GOOD", ...GOOD_FACTS }));
    expect(stale.code).toBe("STALE_EDIT");
    // An item above its points, or one the sheet does not have: refused beside the item.
    await expect(
      withWorkBelowDone(commune, () =>
        rateUnit(committee, {
          recordId: current.id,
          expectedVersion: current.version,
          level: "GOOD",
          ...GOOD_FACTS,
          scoreItems: { ...GOOD_FACTS.scoreItems, "tt-c1": 5.5 },
        }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "scoreItems.tt-c1": "scoreRange" } });
    await expect(
      withWorkBelowDone(commune, () =>
        rateUnit(committee, {
          recordId: current.id,
          expectedVersion: current.version,
          level: "GOOD",
          ...GOOD_FACTS,
          scoreItems: { ...GOOD_FACTS.scoreItems, "nl-c1": 1 },
        }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "scoreItems.nl-c1": "scoreRange" } });
    await expect(
      rateUnit(committee, {
        recordId: current.id,
        expectedVersion: current.version,
        level: "GOOD",
        ...GOOD_FACTS,
        tasks: { assigned: 1, completed: 2, onTime: 0, exceeded: 0 },
      }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await recordOf(commune)).toEqual(current);
  });
});

describe("the cells' ratings", () => {
  it("the secretary records the cell's proposal; the committee decides its cells under the 20 % rule", async () => {
    const cell = (await getUnitRating(secretary, cellWest))!;
    expect(cell.kind).toBe("SUBORDINATE");
    expect(cell.transitions, `the cell's record is ${cell.state}`).toContain("proposeUnit");
    await withWorkBelowDone(cellWest, () => rateUnit(secretary, { recordId: cell.recordId, expectedVersion: cell.version, level: "GOOD", ...GOOD_FACTS }));
    expect((await getUnitRating(secretary, cellWest))!.state).toBe("REVIEWED");
    // Another cell's secretary reaches nothing of it.
    await expect(getUnitRating(await actorFor("bithu"), cellWest)).rejects.toBeInstanceOf(NotFoundError);

    const desk = (await getUnitDesk(committee, commune))!;
    const cells = desk.units.filter((u) => u.kind === "SUBORDINATE" && u.transitions.includes("decideUnit"));
    expect(cells.length).toBeGreaterThanOrEqual(2);
    const allExcellent = cells.map((u) => ({ recordId: u.recordId, expectedVersion: u.version, level: "EXCELLENT" as const, reason: "Tiêu biểu." }));
    const breach = await refusal(decideUnits(committee, { organizationId: commune, decisions: allExcellent }));
    expect(["QUOTA_EXCEEDED", "DECISIONS_REFUSED"]).toContain(breach.code);
    expect(await db.reviewRecord.count({ where: { id: { in: cells.map((c) => c.recordId) }, state: "DECIDED" } })).toBe(0);
    await decideUnits(committee, {
      organizationId: commune,
      decisions: cells.map((u) => ({ recordId: u.recordId, expectedVersion: u.version, level: "COMPLETED", reason: "Còn hạn chế." })),
    });
    expect(await db.reviewRecord.count({ where: { id: { in: cells.map((c) => c.recordId) }, state: "DECIDED", decidedLevel: "COMPLETED" } })).toBe(
      cells.length,
    );
    // The secretary decides nothing.
    await expect(
      decideUnits(secretary, { organizationId: commune, decisions: [{ recordId: cells[0].recordId, expectedVersion: 1, level: "GOOD" }] }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("no unit's level is written that the rules refuse", () => {
  // What every refusal leaves behind: the record as it was, no decision, no audit row.
  async function unchanged<T>(recordId: string, attempt: () => Promise<T>): Promise<DomainError> {
    const select = { state: true, version: true, selfLevel: true, proposedLevel: true, decidedLevel: true, scoreGeneralTenths: true } as const;
    const before = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId }, select });
    const [audits, decisions] = await Promise.all([db.auditLog.count(), db.ratingDecision.count({ where: { recordId } })]);
    const error = await refusal(attempt());
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId }, select })).toEqual(before);
    expect(await db.auditLog.count()).toBe(audits);
    expect(await db.ratingDecision.count({ where: { recordId } })).toBe(decisions);
    return error;
  }
  const set = (orgId: string, data: Parameters<typeof db.reviewRecord.update>[0]["data"]) =>
    recordOf(orgId).then((r) => db.reviewRecord.update({ where: { id: r.id }, data }));

  it("the cell's own proposal without a complete score", async () => {
    await set(cellWest, { state: "DRAFT", proposedLevel: null, decidedLevel: null });
    const cell = await recordOf(cellWest);
    const error = await unchanged(cell.id, () =>
      withWorkBelowDone(cellWest, () =>
        rateUnit(secretary, {
          recordId: cell.id,
          expectedVersion: cell.version,
          level: "COMPLETED",
          ...GOOD_FACTS,
          scoreItems: { ...GOOD_FACTS.scoreItems, "tt-k2": null },
        }),
      ),
    );
    expect(error).toMatchObject({
      code: "LEVEL_REFUSED",
      fieldErrors: { level: "SCORE_MISSING" },
      values: { name: "Chi bộ thôn Tây", reason: "SCORE_MISSING" },
    });
  });

  it("the committee's self-rating without a complete score", async () => {
    await set(commune, { state: "DRAFT", selfLevel: null, proposedLevel: null, decidedLevel: null });
    const own = await recordOf(commune);
    const error = await unchanged(own.id, () =>
      withWorkBelowDone(commune, () =>
        rateUnit(committee, { recordId: own.id, expectedVersion: own.version, level: "GOOD", ...GOOD_FACTS, scoreItems: { "tt-c1": 5 } }),
      ),
    );
    expect(error).toMatchObject({ code: "LEVEL_REFUSED", values: { reason: "SCORE_MISSING" } });
  });

  it("the board's verification above what the facts allow", async () => {
    // 87.5 points: at most GOOD.
    await set(commune, {
      state: "SUBMITTED",
      selfLevel: "GOOD",
      proposedLevel: "GOOD",
      scoreGeneralTenths: 275,
      scoreResultsTenths: 600,
      tasksAssigned: 10,
      tasksCompleted: 10,
      tasksOnTime: 10,
      tasksExceeded: 3,
    });
    const own = await recordOf(commune);
    const error = await unchanged(own.id, () =>
      verifyUnit(board, { recordId: own.id, expectedVersion: own.version, level: "EXCELLENT", note: "Đề nghị xuất sắc." }),
    );
    expect(error).toMatchObject({ code: "LEVEL_REFUSED", fieldErrors: { level: "LEVEL_ABOVE_RULES" }, values: { name: "Đảng bộ xã An Bình" } });
  });

  it("the standing committee's decision on an organization without a complete score", async () => {
    await set(commune, { state: "REVIEWED", scoreGeneralTenths: null, verifiedAt: new Date() });
    const own = await recordOf(commune);
    const error = await unchanged(own.id, () =>
      decideUnits(standing, { organizationId: district, decisions: [{ recordId: own.id, expectedVersion: own.version, level: "GOOD" }] }),
    );
    expect(error).toMatchObject({ code: "DECISIONS_REFUSED", fieldErrors: { [own.id]: "SCORE_MISSING" } });
    await set(commune, { scoreGeneralTenths: 275 });
  });

  it("the committee's decision on a cell above what its facts allow", async () => {
    // 60 points: at most COMPLETED.
    await set(cellWest, {
      state: "REVIEWED",
      proposedLevel: "COMPLETED",
      decidedLevel: null,
      scoreGeneralTenths: 200,
      scoreResultsTenths: 400,
      tasksAssigned: 0,
      tasksCompleted: 0,
      tasksOnTime: 0,
      tasksExceeded: 0,
      shortcomingsNamed: 0,
      shortcomingsRemedied: 0,
    });
    const cell = await recordOf(cellWest);
    const error = await unchanged(cell.id, () =>
      decideUnits(committee, {
        organizationId: commune,
        decisions: [{ recordId: cell.id, expectedVersion: cell.version, level: "GOOD", reason: "Có cố gắng." }],
      }),
    );
    expect(error).toMatchObject({ code: "DECISIONS_REFUSED", fieldErrors: { [cell.id]: "LEVEL_ABOVE_RULES" } });
  });
});

describe("the order of the review (366 Điều 7 k3, Điều 12 k2)", () => {
  const undecidedBelow = async (orgId: string) => {
    const cycle = (await getCurrentCycle(orgId))!;
    const subtree = (await db.orgClosure.findMany({ where: { ancestorId: orgId }, select: { descendantId: true } })).map((c) => c.descendantId);
    const open = { cycleId: cycle.id, state: { notIn: ["DECIDED" as const, "PUBLISHED" as const, "NOT_RATED" as const] } };
    const [members, units] = await Promise.all([
      db.reviewRecord.count({ where: { ...open, subjectKind: "MEMBER", scopeOrgId: { in: subtree } } }),
      db.reviewRecord.count({ where: { ...open, subjectKind: "ORGANIZATION", organizationId: { in: subtree.filter((id) => id !== orgId) } } }),
    ]);
    return { members, units };
  };

  it("refuses a cell's proposal before its members' minutes are finalized, and writes nothing", async () => {
    const cycle = (await getCurrentCycle(cellWest))!;
    await db.meeting.updateMany({ where: { cycleId: cycle.id, organizationId: cellWest }, data: { status: "DRAFT" } });
    await db.reviewRecord.update({ where: { id: (await recordOf(cellWest)).id }, data: { state: "DRAFT", proposedLevel: null, decidedLevel: null } });
    const cell = await recordOf(cellWest);
    const audits = await db.auditLog.count();
    const error = await refusal(rateUnit(secretary, { recordId: cell.id, expectedVersion: cell.version, level: "GOOD", ...GOOD_FACTS }));
    expect(error).toMatchObject({
      code: "ORDER_OF_WORK",
      fieldErrors: { MINUTES_NOT_FINALIZED: "MINUTES_NOT_FINALIZED" },
      values: { name: "Chi bộ thôn Tây", minutes: "missing" },
    });
    expect(await recordOf(cellWest)).toEqual(cell);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a grassroots organization's self-rating while members or cells below it are undecided, counting them", async () => {
    await db.reviewRecord.update({
      where: { id: (await recordOf(commune)).id },
      data: { state: "DRAFT", selfLevel: null, proposedLevel: null, decidedLevel: null },
    });
    const own = await recordOf(commune);
    const { members, units } = await undecidedBelow(commune);
    expect(members).toBeGreaterThan(0);
    expect(units).toBeGreaterThan(0);
    const audits = await db.auditLog.count();
    const error = await refusal(rateUnit(committee, { recordId: own.id, expectedVersion: own.version, level: "GOOD", ...GOOD_FACTS }));
    expect(error).toMatchObject({
      code: "ORDER_OF_WORK",
      fieldErrors: { MEMBERS_NOT_DECIDED: String(members), SUBORDINATES_NOT_DECIDED: String(units) },
      values: { name: "Đảng bộ xã An Bình", minutes: "done", members, units },
    });
    expect(await recordOf(commune)).toEqual(own);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("counts a cell's unconfirmed proposal to leave a member unrated as not yet decided", async () => {
    await db.reviewRecord.update({
      where: { id: (await recordOf(commune)).id },
      data: { state: "DRAFT", selfLevel: null, proposedLevel: null, decidedLevel: null },
    });
    const own = await recordOf(commune);
    const cycle = (await getCurrentCycle(commune))!;
    const member = await db.reviewRecord.findFirstOrThrow({
      where: { cycleId: cycle.id, scopeOrgId: cellWest, subjectKind: "MEMBER" },
      select: { id: true, state: true, notRatedReason: true },
    });
    const error = await refusal(
      withWorkBelowDone(commune, async () => {
        await db.reviewRecord.update({ where: { id: member.id }, data: { state: "NOT_RATED", notRatedReason: "OTHER", notRatedConfirmedAt: null } });
        try {
          return await rateUnit(committee, { recordId: own.id, expectedVersion: own.version, level: "GOOD", ...GOOD_FACTS });
        } finally {
          await db.reviewRecord.update({ where: { id: member.id }, data: { state: member.state, notRatedReason: member.notRatedReason } });
        }
      }),
    );
    expect(error).toMatchObject({ code: "ORDER_OF_WORK", values: { members: 1, units: 0 } });
  });

  it("refuses the upper committee's decision on an organization its board has not verified", async () => {
    await db.reviewRecord.update({
      where: { id: (await recordOf(commune)).id },
      data: { state: "SUBMITTED", selfLevel: "GOOD", proposedLevel: "GOOD", verifiedAt: null },
    });
    const own = await recordOf(commune);
    const audits = await db.auditLog.count();
    const error = await refusal(
      decideUnits(standing, { organizationId: district, decisions: [{ recordId: own.id, expectedVersion: own.version, level: "GOOD" }] }),
    );
    expect(error).toMatchObject({ code: "DECISIONS_REFUSED", fieldErrors: { [own.id]: "NOT_VERIFIED" } });
    expect(await recordOf(commune)).toEqual(own);
    expect(await db.auditLog.count()).toBe(audits);
  });
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(async () => {
  const cycle = (await getCurrentCycle(commune))!;
  await db.$transaction(
    async (tx) => {
      await tx.reviewCycle.update({ where: { id: cycle.id }, data: { options: { taskRegister: true } } });
      await recountCycleTaskFacts(tx, cycle.id, CURRENT_YEAR);
    },
    { timeout: 60_000 },
  );
  await expectTallyExact();
});
