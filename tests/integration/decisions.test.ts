import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { loadActor } from "@/lib/data/actors";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { getDecisionDesk, publishDecisions, recordQuotaOverride, saveDecisions, sendBackRecords } from "@/lib/data/decisions";
import { createRemediationPlan, getRemediation, updateRemediationStatus } from "@/lib/data/remediation";
import { getPublishedResults } from "@/lib/data/results";
import { listRecordHistory } from "@/lib/data/history";
import { getHome } from "@/lib/data/home";
import { getMemberPage } from "@/lib/data/members";
import { describeAuditEntry } from "@/lib/review/history";
import { recordRereview } from "@/lib/data/meetings";
import { maxExcellent } from "@/lib/grading";
import { DomainError } from "@/lib/errors";
import { actorFor, dayOfCurrentYear, ensureDemoDistrict } from "./fixtures";
import { expectTallyExact } from "./tally";

// The grassroots committee's decisions on the real database: a set of decisions within the rules and
// the 20 % rule is saved with its superseded decisions and audit rows; a breach, a level above the rules,
// a departure without a reason, a stale edit, a foreign actor and bad input change nothing; an override
// lets the group reach the raised rate; two committee members saving at once never break the rule.

const CONCURRENCY_TRIALS = Number(process.env.DECISION_TRIALS ?? 200);

let committee: Actor; // a committee member of a commune other than the demo accounts' (its records are the test's own)
let otherCommittee: Actor; // danguy, committee of another commune
let orgId: string;
let groupId: string;
let recordIds: string[]; // the group's member records, all REVIEWED at GOOD with facts allowing EXCELLENT
let cycleId: string;
let ruleSetRaises: boolean;

async function reset(): Promise<void> {
  await db.quotaOverride.deleteMany({ where: { peerGroupId: groupId } });
  await db.ratingDecision.deleteMany({ where: { recordId: { in: recordIds } } });
  await db.reviewRecord.updateMany({
    where: { id: { in: recordIds } },
    data: { state: "REVIEWED", proposedLevel: "GOOD", decidedLevel: null, decisionReason: null, decidedAt: null, publishedAt: null, version: 0 },
  });
}

const decide = (ids: readonly string[], level: "EXCELLENT" | "GOOD" | "COMPLETED" | "NOT_COMPLETED", reason = "Vượt trội trong năm.") =>
  ids.map((recordId) => ({ recordId, expectedVersion: 0, level, reason }));

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const pool = () => recordIds.length;
const cap20 = () => maxExcellent(pool(), "GOOD_ONLY", 20);

beforeAll(async () => {
  await ensureDemoDistrict();
  otherCommittee = await actorFor("danguy");
  // The commune with the most member records, other than the demo accounts' (HU.01).
  const [largest] = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Organization" o JOIN "ReviewRecord" r ON r."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = o.id)
     WHERE o.kind = 'DANG_BO_CO_SO' AND o.code <> 'HU.01' AND r."subjectKind" = 'MEMBER'
     GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1`;
  orgId = largest.id;
  const user = await db.user.upsert({
    where: { username: "test-committee" },
    update: {},
    create: {
      username: "test-committee",
      passwordHash: "x",
      displayName: "Ủy viên thử nghiệm",
      roleAssignments: { create: { role: "GRASSROOTS_COMMITTEE", organizationId: orgId } },
    },
  });
  committee = (await loadActor(user.id))!;
  const cycle = (await getCurrentCycle(orgId))!;
  cycleId = cycle.id;
  ruleSetRaises = cycle.ruleSet === "QD366_HD43";
  const group = await db.peerGroup.findFirstOrThrow({ where: { cycleId, decidingOrgId: orgId, kind: "MEMBER" }, select: { id: true } });
  groupId = group.id;
  // Every rated member of the group: facts that allow EXCELLENT (95 points, every task done, on time
  // and exceeded; nothing concluded against them), without disciplines.
  const records = await db.reviewRecord.findMany({
    where: { cycleId, peerGroupId: groupId, state: { not: "NOT_RATED" }, member: { disciplines: { none: {} }, status: "ACTIVE" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await db.reviewRecord.updateMany({
    where: { cycleId, peerGroupId: groupId, id: { notIn: records.map((r) => r.id) } },
    data: { state: "NOT_RATED", notRatedReason: "OTHER" },
  });
  recordIds = records.map((r) => r.id);
  await db.reviewRecord.updateMany({
    where: { id: { in: recordIds } },
    data: {
      scoreGeneralTenths: 290,
      scoreResultsTenths: 660,
      tasksAssigned: 10,
      tasksCompleted: 10,
      tasksOnTime: 10,
      tasksExceeded: 5,
      shortcomingsNamed: 0,
      shortcomingsRemedied: 0,
      degradationConcluded: false,
      prohibitedActsConcluded: false,
      lowConfidenceOver50: false,
      corruptionInScope: false,
      fiveTargetsMissed: false,
      category: "NON_LEADER_IN_SYSTEM",
    },
  });
  await db.reviewCycle.update({ where: { id: cycleId }, data: { status: "DECIDING" } });
  await reset();
  expect(cap20()).toBeGreaterThanOrEqual(2);
});

describe("the decision desk", () => {
  it("lists every record that reached the committee, with its group, cell, facts and earlier years", async () => {
    const desk = (await getDecisionDesk(committee, orgId))!;
    expect(desk.groups.map((g) => g.id)).toContain(groupId);
    const mine = desk.records.filter((r) => r.peerGroupId === groupId);
    expect(mine.map((r) => r.recordId).sort()).toEqual([...recordIds].sort());
    expect(mine.every((r) => r.state === "REVIEWED" && r.proposedLevel === "GOOD" && r.earlierLevels.length === 4)).toBe(true);
    expect(desk.cells.length).toBeGreaterThan(1);
  });

  it("is not shown to a secretary or to another commune's committee", async () => {
    await expect(getDecisionDesk(await actorFor("bithu"), orgId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecisionDesk(otherCommittee, orgId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("saving decisions", () => {
  it("decides within the rule: records DECIDED, decisions kept, one audit row each", async () => {
    await reset();
    const excellent = recordIds.slice(0, cap20());
    const good = recordIds.slice(cap20());
    await saveDecisions(committee, { organizationId: orgId, decisions: [...decide(excellent, "EXCELLENT"), ...decide(good, "GOOD", "")] });
    const rows = await db.reviewRecord.findMany({ where: { id: { in: recordIds } }, select: { state: true, decidedLevel: true, version: true } });
    expect(rows.every((r) => r.state === "DECIDED" && r.version === 1)).toBe(true);
    expect(rows.filter((r) => r.decidedLevel === "EXCELLENT")).toHaveLength(cap20());
    const audit = await db.auditLog.count({ where: { action: "record.decide", entityId: { in: recordIds } } });
    expect(audit).toBeGreaterThanOrEqual(recordIds.length);
    // Deciding again supersedes, and keeps, the earlier decision.
    await saveDecisions(committee, {
      organizationId: orgId,
      decisions: [{ recordId: excellent[0], expectedVersion: 1, level: "GOOD", reason: "Cân nhắc lại." }],
    });
    const decisions = await db.ratingDecision.findMany({ where: { recordId: excellent[0] }, orderBy: { decidedAt: "asc" } });
    expect(decisions.map((d) => [d.level, d.supersededAt !== null])).toEqual([
      ["EXCELLENT", true],
      ["GOOD", false],
    ]);
  });

  it("refuses a set that breaks the 20 % rule, naming the group, and changes nothing", async () => {
    await reset();
    const before = await db.auditLog.count();
    const error = await refusal(saveDecisions(committee, { organizationId: orgId, decisions: decide(recordIds.slice(0, cap20() + 1), "EXCELLENT") }));
    expect(error.code).toBe("QUOTA_EXCEEDED");
    expect(error.fieldErrors).toMatchObject({ excellent: String(cap20() + 1), max: String(cap20()) });
    expect(await db.reviewRecord.count({ where: { id: { in: recordIds }, state: "DECIDED" } })).toBe(0);
    expect(await db.ratingDecision.count({ where: { recordId: { in: recordIds } } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("accepts the group over the cap once an override decision is recorded, and audits the override", async () => {
    await reset();
    const raisedCap = ruleSetRaises ? maxExcellent(pool(), "GOOD_ONLY", 25) : cap20() + 1;
    await recordQuotaOverride(committee, {
      peerGroupId: groupId,
      decisionNo: "15-QĐ/ĐU",
      decidedOn: dayOfCurrentYear(12, 1),
      issuer: "Đảng ủy xã",
      reason: "Nhiều đảng viên tiêu biểu.",
      ratePercent: 25,
    });
    expect(await db.auditLog.count({ where: { action: "quota.override", entityId: groupId } })).toBe(1);
    if (raisedCap > cap20()) {
      await saveDecisions(committee, { organizationId: orgId, decisions: decide(recordIds.slice(0, raisedCap), "EXCELLENT") });
      expect(await db.reviewRecord.count({ where: { id: { in: recordIds }, decidedLevel: "EXCELLENT" } })).toBe(raisedCap);
    }
    if (ruleSetRaises) {
      // Under QD366_HD43 the decision raises the rate; the cap still binds at 25 %.
      const error = await refusal(
        saveDecisions(committee, {
          organizationId: orgId,
          decisions: [{ recordId: recordIds[raisedCap], expectedVersion: 0, level: "EXCELLENT", reason: "x" }],
        }),
      );
      expect(error.code).toBe("QUOTA_EXCEEDED");
    }
  });

  it("records an override decision once: the same decision sent twice, one after the other or at once, is refused the second time", async () => {
    await reset();
    const override = {
      peerGroupId: groupId,
      decisionNo: "16-QĐ/ĐU",
      decidedOn: dayOfCurrentYear(12, 1),
      issuer: "Đảng ủy xã",
      reason: "Nhiều đảng viên tiêu biểu.",
      ratePercent: 25,
    };
    await recordQuotaOverride(committee, override);
    const again = await refusal(recordQuotaOverride(committee, override));
    expect(again.code).toBe("OVERRIDE_EXISTS");
    expect(again.values).toEqual({ no: "16-QĐ/ĐU" });
    // A double click: two sends at once, the group's lock orders them and the second finds the first.
    const both = await Promise.allSettled([
      recordQuotaOverride(committee, { ...override, decisionNo: "17-QĐ/ĐU" }),
      recordQuotaOverride(committee, { ...override, decisionNo: "17-QĐ/ĐU" }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "OVERRIDE_EXISTS" } });
    expect(await db.quotaOverride.count({ where: { peerGroupId: groupId } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "quota.override", entityId: groupId, data: { path: ["decisionNo"], equals: "17-QĐ/ĐU" } } })).toBe(1);
  });

  it("refuses a level above what the rules allow, and a departure from the proposal without a reason", async () => {
    await reset();
    await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { prohibitedActsConcluded: true } });
    try {
      const above = await refusal(saveDecisions(committee, { organizationId: orgId, decisions: decide([recordIds[0]], "GOOD", "") }));
      expect(above.code).toBe("DECISIONS_REFUSED");
      expect(above.fieldErrors).toEqual({ [recordIds[0]]: "LEVEL_ABOVE_RULES" });
    } finally {
      await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { prohibitedActsConcluded: false } });
    }
    const noReason = await refusal(saveDecisions(committee, { organizationId: orgId, decisions: decide([recordIds[1]], "COMPLETED", "") }));
    expect(noReason.fieldErrors).toEqual({ [recordIds[1]]: "DECISION_REASON_REQUIRED" });
    expect(await db.reviewRecord.count({ where: { id: { in: recordIds }, state: "DECIDED" } })).toBe(0);
  });

  it("refuses to decide a member without a complete score (SCORE_MISSING) or whom the rules leave unrated, changing nothing", async () => {
    await reset();
    await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { scoreResultsTenths: null } });
    const newMember = await db.reviewRecord.findUniqueOrThrow({
      where: { id: recordIds[1] },
      select: { memberId: true, member: { select: { admittedOn: true } } },
    });
    const cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { ratingDate: true } });
    // Admitted a month before the rating date: under six months, not rated (rating-rules §7.1).
    await db.member.update({ where: { id: newMember.memberId! }, data: { admittedOn: new Date(cycle.ratingDate.getTime() - 30 * 86_400_000) } });
    try {
      const auditsBefore = await db.auditLog.count();
      const error = await refusal(
        saveDecisions(committee, {
          organizationId: orgId,
          decisions: [...decide([recordIds[0]], "GOOD", ""), ...decide([recordIds[1]], "GOOD", ""), ...decide([recordIds[2]], "GOOD", "")],
        }),
      );
      expect(error.code).toBe("DECISIONS_REFUSED");
      expect(error.fieldErrors).toEqual({ [recordIds[0]]: "SCORE_MISSING", [recordIds[1]]: "NOT_RATED_BY_RULES" });
      expect(await db.reviewRecord.count({ where: { id: { in: recordIds }, state: "DECIDED" } })).toBe(0);
      expect(await db.ratingDecision.count({ where: { recordId: { in: recordIds } } })).toBe(0);
      expect(await db.auditLog.count()).toBe(auditsBefore);
    } finally {
      await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { scoreResultsTenths: 660 } });
      await db.member.update({ where: { id: newMember.memberId! }, data: { admittedOn: newMember.member!.admittedOn } });
    }
  });

  it("refuses a stale edit, a foreign committee, a secretary, and bad input, changing nothing", async () => {
    await reset();
    await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { version: 5 } });
    const stale = await refusal(saveDecisions(committee, { organizationId: orgId, decisions: decide([recordIds[0]], "GOOD", "") }));
    expect(stale.code).toBe("STALE_EDIT");
    await expect(saveDecisions(otherCommittee, { organizationId: orgId, decisions: decide([recordIds[1]], "GOOD", "") })).rejects.toBeInstanceOf(NotFoundError);
    // Another commune's committee naming its own organization cannot reach these records either.
    const otherOrg = otherCommittee.roles[0].organizationId;
    await expect(saveDecisions(otherCommittee, { organizationId: otherOrg, decisions: decide([recordIds[1]], "GOOD", "") })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(saveDecisions(await actorFor("bithu"), { organizationId: orgId, decisions: decide([recordIds[1]], "GOOD", "") })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      saveDecisions(committee, { organizationId: orgId, decisions: [{ recordId: recordIds[1], expectedVersion: 0, level: "BEST" }] }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(saveDecisions(committee, { organizationId: orgId, decisions: [] })).rejects.toBeInstanceOf(ZodError);
    expect(await db.reviewRecord.count({ where: { id: { in: recordIds }, state: "DECIDED" } })).toBe(0);
  });
});

describe("publication and sending back", () => {
  it("publishes what is decided; a member's record sent back is under re-review, its decision kept as superseded", async () => {
    await reset();
    await saveDecisions(committee, { organizationId: orgId, decisions: decide(recordIds, "GOOD", "") });
    const { published } = await publishDecisions(committee, { organizationId: orgId });
    expect(published).toBeGreaterThanOrEqual(recordIds.length);
    expect(await db.reviewRecord.count({ where: { id: { in: recordIds }, state: "PUBLISHED", publishedAt: { not: null } } })).toBe(recordIds.length);
    await expect(publishDecisions(otherCommittee, { organizationId: orgId })).rejects.toBeInstanceOf(NotFoundError);

    await expect(sendBackRecords(committee, { organizationId: orgId, recordIds: [recordIds[0]], reason: "" })).rejects.toBeInstanceOf(ZodError);
    // A published result reopens only by a decision to rate it again (366 Điều 15), which it names.
    const audits = await db.auditLog.count();
    await expect(
      sendBackRecords(committee, { organizationId: orgId, recordIds: [recordIds[0]], reason: "Có đơn khiếu nại cần xem xét lại." }),
    ).rejects.toMatchObject({ code: "RERATE_DECISION_REQUIRED" });
    expect((await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[0] }, select: { state: true } })).state).toBe("PUBLISHED");
    expect(await db.auditLog.count()).toBe(audits);
    const decision = { decisionNo: "21-QĐ/ĐU", decidedOn: dayOfCurrentYear(12, 22), issuer: "Đảng ủy xã", reason: "Có đơn khiếu nại cần xem xét lại." };
    await sendBackRecords(committee, { organizationId: orgId, recordIds: [recordIds[0]], reason: "Có đơn khiếu nại cần xem xét lại.", decision });
    const record = await db.reviewRecord.findUniqueOrThrow({
      where: { id: recordIds[0] },
      select: { state: true, decidedLevel: true, decisions: { select: { level: true, supersededAt: true } } },
    });
    expect(record.state).toBe("UNDER_REREVIEW");
    expect(record.decisions).toEqual([{ level: "GOOD", supersededAt: expect.any(Date) }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "record.rerate", entityId: recordIds[0] } });
    expect(audit.data).toMatchObject({ reason: decision.reason, before: { state: "PUBLISHED" }, decision: { decisionNo: "21-QĐ/ĐU", issuer: "Đảng ủy xã" } });
    expect(await db.rerateDecision.count({ where: { recordIds: { has: recordIds[0] }, decisionNo: "21-QĐ/ĐU" } })).toBe(1);
    // A record under re-review cannot be decided until the cell has reviewed it again.
    const refused = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[0] }, select: { version: true } });
    await expect(
      saveDecisions(committee, { organizationId: orgId, decisions: [{ recordId: recordIds[0], expectedVersion: refused.version, level: "GOOD" }] }),
    ).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });

    // The cell reviews it again: the committee cannot record the cell's vote; the secretary can, once adopted.
    const cell = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[0] }, select: { scopeOrgId: true } });
    const secretary: Actor = {
      userId: committee.userId,
      displayName: "",
      memberId: null,
      roles: [{ role: "CELL_SECRETARY", organizationId: cell.scopeOrgId }],
    };
    // The cell's official members who must attend a meeting on that day: the quorum's and the vote's base.
    const heldOn = dayOfCurrentYear(12, 20);
    const required = await db.member.count({
      where: {
        reviewRecords: { some: { cycleId, scopeOrgId: cell.scopeOrgId, subjectKind: "MEMBER" } },
        status: { notIn: ["EXEMPT", "SUSPENDED"] },
        officialOn: { lte: new Date(heldOn) },
      },
    });
    const majority = Math.floor(required / 2) + 1;
    expect(majority).toBeGreaterThanOrEqual(3);
    const vote = {
      recordId: recordIds[0],
      expectedVersion: refused.version,
      heldOn,
      votersPresent: majority,
      note: "Chi bộ kiểm điểm lại, thống nhất mức hoàn thành nhiệm vụ.",
    };
    await expect(recordRereview(committee, { ...vote, tally: { EXCELLENT: 0, GOOD: 0, COMPLETED: majority, NOT_COMPLETED: 0 } })).rejects.toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
    });
    // A re-review meeting needs its quorum like the first one.
    const noQuorum = await refusal(
      recordRereview(secretary, { ...vote, votersPresent: majority - 1, tally: { EXCELLENT: 0, GOOD: 0, COMPLETED: majority - 1, NOT_COMPLETED: 0 } }),
    );
    expect(noQuorum).toMatchObject({ code: "QUORUM_NOT_MET", fieldErrors: { votersPresent: "quorumNotMet" }, values: { required, needed: majority } });
    // More than half of those present is not enough: the vote counts against the members who must attend.
    const notAdopted = await refusal(recordRereview(secretary, { ...vote, tally: { EXCELLENT: 0, GOOD: 1, COMPLETED: majority - 1, NOT_COMPLETED: 0 } }));
    expect(notAdopted).toMatchObject({
      code: "VOTE_NOT_ADOPTED",
      fieldErrors: { tally: "NO_MAJORITY" },
      values: { needed: majority, required, baseKind: "REQUIRED" },
    });
    // A vote for a member without a complete score is refused, naming the member; nothing is written.
    await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { scoreGeneralTenths: null } });
    const auditsBefore = await db.auditLog.count();
    const unscored = await refusal(recordRereview(secretary, { ...vote, tally: { EXCELLENT: 0, GOOD: 0, COMPLETED: majority, NOT_COMPLETED: 0 } }));
    const name = (await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[0] }, select: { member: { select: { fullName: true } } } })).member!
      .fullName;
    expect(unscored).toMatchObject({ code: "LEVEL_REFUSED", fieldErrors: { tally: "SCORE_MISSING" }, values: { name, reason: "SCORE_MISSING" } });
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[0] }, select: { state: true, version: true } })).toEqual({
      state: "UNDER_REREVIEW",
      version: refused.version,
    });
    expect(await db.auditLog.count()).toBe(auditsBefore);
    await db.reviewRecord.update({ where: { id: recordIds[0] }, data: { scoreGeneralTenths: 290 } });
    await recordRereview(secretary, { ...vote, tally: { EXCELLENT: 0, GOOD: 0, COMPLETED: majority, NOT_COMPLETED: 0 } });
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[0] }, select: { state: true, proposedLevel: true } })).toEqual({
      state: "REVIEWED",
      proposedLevel: "COMPLETED",
    });
    expect(await db.auditLog.count({ where: { action: "record.rereview", entityId: recordIds[0] } })).toBe(1);
  });
});

describe("what a member sees, and the remediation plan", () => {
  it("sees no level before publication, then their own level, the cell's results and their plan", async () => {
    await reset();
    const record = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordIds[2] }, select: { memberId: true, scopeOrgId: true } });
    const member: Actor = { userId: "u-member", displayName: "", memberId: record.memberId, roles: [{ role: "MEMBER", organizationId: record.scopeOrgId }] };
    const since = new Date();
    await saveDecisions(committee, {
      organizationId: orgId,
      decisions: [{ recordId: recordIds[2], expectedVersion: 0, level: "NOT_COMPLETED", reason: "Vi phạm quy định về nêu gương." }],
    });
    const before = await getPublishedResults(member, record.scopeOrgId);
    expect(before.own).toMatchObject({ state: "DECIDED", level: null, reason: null });
    expect(before.members.map((m) => m.recordId)).not.toContain(recordIds[2]);

    // The committee records the plan; the member does not see it before publication.
    const plan = await getRemediation(committee, recordIds[2]);
    expect(plan).toMatchObject({ needed: true, canPlan: true });
    await expect(
      createRemediationPlan(member, {
        recordId: recordIds[2],
        items: [{ shortcoming: "a", measures: "b", responsible: "c", deadline: dayOfCurrentYear(12, 31) }],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(createRemediationPlan(committee, { recordId: recordIds[2], items: [] })).rejects.toBeInstanceOf(ZodError);
    await createRemediationPlan(committee, {
      recordId: recordIds[2],
      items: [
        {
          shortcoming: "Chưa gương mẫu trong sinh hoạt",
          measures: "Kiểm điểm lại tại chi bộ",
          responsible: "Bí thư chi bộ",
          deadline: dayOfCurrentYear(12, 31),
        },
      ],
    });
    expect(await db.auditLog.count({ where: { action: "remediation.plan", entityId: recordIds[2] } })).toBe(1);
    expect(await getRemediation(member, recordIds[2])).toMatchObject({ items: [], needed: false });
    // Nor on any other page: the record's history says that the committee decided and planned, not what;
    // the member's page and home show the cell's proposal (voted in their presence), not the decision.
    const history = (await listRecordHistory(member, recordIds[2])).entries.filter((e) => e.at >= since);
    const deliberation = history.filter((e) => e.action === "record.decide" || e.action === "remediation.plan");
    expect(deliberation).toHaveLength(2);
    expect(JSON.stringify(history)).not.toMatch(/NOT_COMPLETED|Vi phạm quy định|gương mẫu/);
    for (const e of deliberation) expect(describeAuditEntry(e.action, e.data).details.map((d) => d.key)).toContain("details.withheld");
    const ownPage = await getMemberPage(member, record.memberId!);
    expect(ownPage.member.reviewRecords.find((r) => r.id === recordIds[2])).toMatchObject({ state: "DECIDED", proposedLevel: "GOOD", decidedLevel: null });
    const [home] = await getHome(member);
    expect(home.own).toMatchObject({ id: recordIds[2], state: "DECIDED", decidedLevel: null });
    // The committee reads it whole meanwhile.
    const officersHistory = await listRecordHistory(committee, recordIds[2]);
    expect(JSON.stringify(officersHistory)).toContain("Vi phạm quy định về nêu gương.");

    await publishDecisions(committee, { organizationId: orgId });
    const after = await getPublishedResults(member, record.scopeOrgId);
    expect(after.own).toMatchObject({ state: "PUBLISHED", level: "NOT_COMPLETED", reason: "Vi phạm quy định về nêu gương.", remediationPlan: true });
    expect(before.own).toMatchObject({ remediationPlan: false });
    const published = (await listRecordHistory(member, recordIds[2])).entries.filter((e) => e.at >= since);
    const decided = published.find((e) => e.action === "record.decide")!;
    expect(describeAuditEntry(decided.action, decided.data).details).toContainEqual({
      key: "details.decidedLevel",
      refs: { level: "grading.levels.NOT_COMPLETED" },
    });
    expect((await getMemberPage(member, record.memberId!)).member.reviewRecords.find((r) => r.id === recordIds[2])).toMatchObject({
      decidedLevel: "NOT_COMPLETED",
    });
    expect((await getHome(member))[0].own).toMatchObject({ decidedLevel: "NOT_COMPLETED" });
    const seen = await getRemediation(member, recordIds[2]);
    expect(seen.items).toHaveLength(1);
    expect(seen).toMatchObject({ canPlan: false, canFollowUp: false });
    // Followed up by the committee (no secretary account in this commune); the member cannot.
    await expect(updateRemediationStatus(member, { itemId: seen.items[0].id, status: "DONE" })).rejects.toBeInstanceOf(NotFoundError);
    await updateRemediationStatus(committee, { itemId: seen.items[0].id, status: "IN_PROGRESS" });
    expect((await getRemediation(member, recordIds[2])).items[0].status).toBe("IN_PROGRESS");
    // Another commune's committee reads nothing of it.
    await expect(getPublishedResults(otherCommittee, record.scopeOrgId)).rejects.toBeInstanceOf(NotFoundError);
    await db.remediationItem.deleteMany({ where: { memberId: record.memberId! } });
    // NOT_COMPLETED without a plan yet: the link is there, the plan being due. Another level without a
    // plan has none to offer (remediation follows NOT_COMPLETED only, or a plan the committee chose to make).
    expect((await getPublishedResults(member, record.scopeOrgId)).own).toMatchObject({ remediationPlan: true });
    await db.reviewRecord.update({ where: { id: recordIds[2] }, data: { decidedLevel: "COMPLETED" } });
    expect((await getPublishedResults(member, record.scopeOrgId)).own).toMatchObject({ level: "COMPLETED", remediationPlan: false });
  });
});

describe("two committee members deciding the same group at once", () => {
  it(`never commit together more EXCELLENT than the cap (${CONCURRENCY_TRIALS} trials)`, async () => {
    const cap = cap20();
    let refusedTrials = 0;
    for (let trial = 0; trial < CONCURRENCY_TRIALS; trial++) {
      await reset();
      // Each save alone fits the cap exactly; together they would exceed it.
      const a = recordIds.slice(0, cap);
      const b = recordIds.slice(cap, 2 * cap);
      const results = await Promise.allSettled([
        saveDecisions(committee, { organizationId: orgId, decisions: decide(a, "EXCELLENT") }),
        saveDecisions(committee, { organizationId: orgId, decisions: decide(b, "EXCELLENT") }),
      ]);
      const excellent = await db.reviewRecord.count({ where: { id: { in: recordIds }, state: "DECIDED", decidedLevel: "EXCELLENT" } });
      expect(excellent).toBeLessThanOrEqual(cap);
      const refused = results.filter((r) => r.status === "rejected");
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "QUOTA_EXCEEDED" });
      refusedTrials++;
    }
    expect(refusedTrials).toBe(CONCURRENCY_TRIALS);
  }, 600_000);
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
