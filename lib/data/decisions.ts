import "server-only";
import { can, NotFoundError, type Actor, type Target } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRuleSet, quotaRuleFor, type Level, type LevelRefusal, type QuotaBase, type RuleSetId } from "@/lib/grading";
import { toIsoDate } from "@/lib/i18n/format";
import { decidedGroupCheck, yearFlags, type GroupMember } from "@/lib/review/decisions";
import { assertTransition, type RecordState } from "@/lib/review/workflow";
import type { z } from "zod";
import { PublishSchema, QuotaOverrideSchema, SaveDecisionsSchema, SendBackSchema } from "@/lib/schemas/decisions";
import { BULK_TRANSACTION, command, type CommandAudit, type CommandWrite } from "./command";
import { ancestriesOf, lockForDecisions, lockGroups, reopenRecords } from "./record-locks";
import { getCurrentCycle, loadOrgCycle, type CycleSummary } from "./cycles";
import { db, type DbClient, type Tx } from "./db";
import { storedFactsOf } from "./record-facts";
import { MEMBER_RECORD_SELECT, memberLevelRefusal, standingOf } from "./record-grading";
import { authorizeOrg, getOrgAncestry } from "./scope";
import { reopenByDecision } from "./rerating";
import { loadDeskTaskCaps } from "./task-yearend";

// The grassroots committee's decision desk (366 Điều 12, Bước 3): every member's level across its cells,
// under the 20 % rule per peer group; quota overrides; publication; sending back for re-review.
// Every write locks the peer groups it touches before it reads their counts, so two committee members
// saving at once are serialized and cannot together break the rule (docs/rating-rules.md §5, §7.8).

/** Cycle statuses in which a committee decides: not while the cycle is prepared, not once it is closed. */
export const DECIDING_STATUSES = ["SELF_REVIEW", "DECIDING", "PUBLISHED"];
/**
 * A committee's save may hold a whole organization's decisions (up to DECISIONS_PER_SAVE_MAX rows): more
 * than Prisma's default 5 s of transaction on a busy server. Every other writer waits on the group's
 * lock at most this long.
 */

/** Records that have reached the committee. */
const AT_COMMITTEE: RecordState[] = ["REVIEWED", "DECIDED", "PUBLISHED", "UNDER_REREVIEW"];

const DESK_RECORD_SELECT = {
  ...MEMBER_RECORD_SELECT,
  scopeOrgId: true,
  decidedLevel: true,
  decisionReason: true,
  voteTally: true,
  version: true,
  memberId: true,
  _count: { select: { opinions: true } },
} as const;

/**
 * The levels decided for these members in the four years before `year` (most recent first), for the
 * flags: one row per member, aggregated in SQL.
 */
async function earlierLevels(memberIds: readonly string[], upperOrgId: string, year: number, client: DbClient): Promise<Map<string, (Level | null)[]>> {
  if (memberIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ memberId: string; y1: Level | null; y2: Level | null; y3: Level | null; y4: Level | null }[]>`
    SELECT r."memberId",
           max(r."decidedLevel"::text) FILTER (WHERE c.year = ${year - 1}) AS y1,
           max(r."decidedLevel"::text) FILTER (WHERE c.year = ${year - 2}) AS y2,
           max(r."decidedLevel"::text) FILTER (WHERE c.year = ${year - 3}) AS y3,
           max(r."decidedLevel"::text) FILTER (WHERE c.year = ${year - 4}) AS y4
      FROM "ReviewRecord" r JOIN "ReviewCycle" c ON c.id = r."cycleId"
     WHERE r."memberId" = ANY(${[...memberIds]}) AND c."upperOrgId" = ${upperOrgId} AND c.year BETWEEN ${year - 4} AND ${year - 1}
     GROUP BY r."memberId"`;
  return new Map(rows.map((r) => [r.memberId, [r.y1, r.y2, r.y3, r.y4]]));
}

/** The peer groups of one kind a committee decides, with the overrides recorded on each (newest first), as its desk shows them. */
export async function deskGroups(client: DbClient, cycleId: string, decidingOrgId: string, kind: "MEMBER" | "ORGANIZATION") {
  const groups = await client.peerGroup.findMany({
    where: { cycleId, decidingOrgId, kind },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      overrides: { orderBy: { decidedOn: "desc" }, select: { id: true, decisionNo: true, decidedOn: true, issuer: true, reason: true, ratePercent: true } },
    },
  });
  return groups.map((g) => ({ ...g, overrides: g.overrides.map((o) => ({ ...o, decidedOn: toIsoDate(o.decidedOn) })) }));
}

/** The cycle as a desk shows it: the rules the decisions are checked under. */
export function deskCycle(cycle: CycleSummary) {
  return {
    id: cycle.id,
    year: cycle.year,
    ruleSet: cycle.ruleSet as RuleSetId,
    ratingDate: toIsoDate(cycle.ratingDate),
    quotaBase: cycle.quotaBase as QuotaBase,
    status: cycle.status,
  };
}

/** Where a record stands as both desks show it: its state and version, its levels, the vote, the reason of a decision. */
export function deskLevels(r: {
  peerGroupId: string | null;
  state: RecordState;
  version: number;
  selfLevel: string | null;
  proposedLevel: string | null;
  decidedLevel: string | null;
  decisionReason: string | null;
  voteTally: unknown;
}) {
  return {
    peerGroupId: r.peerGroupId,
    state: r.state,
    version: r.version,
    selfLevel: r.selfLevel as Level | null,
    proposedLevel: r.proposedLevel as Level | null,
    decidedLevel: r.decidedLevel as Level | null,
    decisionReason: r.decisionReason,
    voteTally: r.voteTally as Record<string, number> | null,
  };
}

function latestOverride<T extends { peerGroupId: string; decidedOn: Date }>(overrides: readonly T[], groupId: string): T | undefined {
  return overrides.filter((o) => o.peerGroupId === groupId).sort((a, b) => b.decidedOn.getTime() - a.decidedOn.getTime())[0];
}

/**
 * The desk: the groups the committee decides, every member record that reached it (with what the rules
 * say, the vote, the opinions, last years' levels), the cells still to finish their meetings, and the
 * overrides on record. Four queries, whatever the size of the organization.
 */
export async function getDecisionDesk(actor: Actor, organizationId: string) {
  await authorizeOrg(actor, "rating:decide", organizationId);
  const cycle = await getCurrentCycle(organizationId);
  if (!cycle) return null;
  const [organization, groups, records, cellRows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, code: true } }),
    deskGroups(db, cycle.id, organizationId, "MEMBER"),
    db.reviewRecord.findMany({
      where: { cycleId: cycle.id, subjectKind: "MEMBER", peerGroup: { decidingOrgId: organizationId }, state: { in: AT_COMMITTEE } },
      orderBy: [{ scopeOrg: { position: "asc" } }, { member: { nameSearch: "asc" } }],
      select: DESK_RECORD_SELECT,
    }),
    // Where every cell stands: its records per state, and whether its minutes are finalized.
    db.$queryRaw<{ id: string; name: string; finalized: boolean; state: RecordState; n: number }[]>`
      SELECT o.id, o.name, COALESCE(m.status = 'FINALIZED', false) AS finalized, r.state::text AS state, count(r.id)::int AS n
        FROM "OrgClosure" c
        JOIN "Organization" o ON o.id = c."descendantId"
        LEFT JOIN "Meeting" m ON m."organizationId" = o.id AND m."cycleId" = ${cycle.id}
        LEFT JOIN "ReviewRecord" r ON r."scopeOrgId" = o.id AND r."cycleId" = ${cycle.id} AND r."subjectKind" = 'MEMBER'
       WHERE c."ancestorId" = ${organizationId} AND EXISTS (SELECT 1 FROM "ReviewRecord" x WHERE x."scopeOrgId" = o.id AND x."cycleId" = ${cycle.id} AND x."subjectKind" = 'MEMBER')
       GROUP BY o.id, o.name, o.position, m.status, r.state
       ORDER BY o.position, o.name`,
  ]);
  const earlier = await earlierLevels(
    records.map((r) => r.memberId!),
    cycle.upperOrgId,
    cycle.year,
    db,
  );
  const cells = new Map<string, { id: string; name: string; finalized: boolean; counts: Partial<Record<RecordState, number>> }>();
  for (const row of cellRows) {
    const cell = cells.get(row.id) ?? { id: row.id, name: row.name, finalized: row.finalized, counts: {} };
    if (row.state) cell.counts[row.state] = row.n;
    cells.set(row.id, cell);
  }
  const remediation = await db.remediationItem.groupBy({
    by: ["memberId"],
    where: { year: cycle.year, memberId: { in: records.map((r) => r.memberId!) } },
    _count: true,
  });
  const withPlan = new Set(remediation.map((r) => r.memberId));
  // Under a cycle that counts the tasks from the register: the tasks behind a task cap, for the capped rows only, in one query.
  const facts = new Map(records.map((r) => [r.id, storedFactsOf(r)]));
  const taskCaps = await loadDeskTaskCaps(
    db,
    cycle.id,
    cycle.year,
    records.map((r) => ({ recordId: r.id, memberId: r.memberId, tasks: facts.get(r.id)!.tasks })),
  );
  return {
    organization,
    cycle: deskCycle(cycle),
    groups,
    cells: [...cells.values()],
    records: records.map((r) => ({
      recordId: r.id,
      memberId: r.memberId!,
      fullName: r.member!.fullName,
      cellId: r.scopeOrgId,
      ...deskLevels(r),
      opinions: r._count.opinions,
      earlierLevels: earlier.get(r.memberId!) ?? [null, null, null, null],
      hasRemediationPlan: withPlan.has(r.memberId!),
      /** The actor's own record: another member of the committee decides it (workflow "decide", ownRecord forbidden). */
      own: actor.memberId === r.memberId,
      standing: standingOf(r, cycle.year),
      facts: facts.get(r.id)!,
      /** The tasks behind a task cap (register cycles only): named beside the verdict's reasons. */
      taskCaps: taskCaps.get(r.id) ?? null,
    })),
  };
}

export type DecisionDesk = NonNullable<Awaited<ReturnType<typeof getDecisionDesk>>>;

/**
 * Why one decision of a set is refused, or null: a record changed since the desk read it, a level the
 * rules refuse (above the facts' maximum, no complete score, not rated under them), a departure from the
 * proposal without a reason.
 */
export function decisionProblem(
  decision: { expectedVersion: number; level: Level; reason: string },
  record: { version: number; proposedLevel: string | null },
  refusal: () => LevelRefusal | null,
): "STALE_EDIT" | LevelRefusal | "DECISION_REASON_REQUIRED" | null {
  if (record.version !== decision.expectedVersion) return "STALE_EDIT";
  const refused = refusal();
  if (refused) return refused;
  if (decision.level !== record.proposedLevel && decision.reason === "") return "DECISION_REASON_REQUIRED";
  return null;
}

/** Refuses the whole set when any decision has a problem, naming each record; a stale one first. */
function assertNoProblems(problems: Record<string, string>): void {
  if (Object.values(problems).includes("STALE_EDIT")) throw new DomainError("STALE_EDIT", problems);
  if (Object.keys(problems).length > 0) throw new DomainError("DECISIONS_REFUSED", problems);
}

/** Every group holds the rule after the writes, or the whole save is refused naming the first that breaks. */
export async function assertGroupsHold(tx: Tx, groupIds: readonly string[], ruleSet: RuleSetId, quotaBase: QuotaBase): Promise<void> {
  if (groupIds.length === 0) return;
  const ids = [...new Set(groupIds)];
  const [groups, members, overrides] = await Promise.all([
    tx.peerGroup.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    // A grassroots organization's self-rating (SUBMITTED) already proposes a level; a member's does not.
    tx.reviewRecord.findMany({
      where: { peerGroupId: { in: ids }, state: { in: ["SUBMITTED", ...AT_COMMITTEE] } },
      select: { peerGroupId: true, state: true, proposedLevel: true, decidedLevel: true },
    }),
    tx.quotaOverride.findMany({ where: { peerGroupId: { in: ids } }, select: { peerGroupId: true, decidedOn: true, ratePercent: true } }),
  ]);
  for (const group of groups.sort((a, b) => a.name.localeCompare(b.name, "vi"))) {
    const override = latestOverride(overrides, group.id);
    const check = decidedGroupCheck(
      members.filter((m) => m.peerGroupId === group.id) as GroupMember[],
      quotaBase,
      override !== undefined,
      quotaRuleFor(ruleSet, override ? { ratePercent: override.ratePercent ?? undefined } : null),
    );
    if (!check.ok) {
      throw new DomainError("QUOTA_EXCEEDED", {
        group: group.name,
        excellent: String(check.excellent),
        max: String(check.maxExcellent),
        pool: String(check.pool),
      });
    }
  }
}

/**
 * Saves a set of decisions of the grassroots committee: each record must have reached it (REVIEWED, or
 * DECIDED and not yet published), be unchanged since the desk read it, stay within what the rules allow,
 * and carry a reason when it departs from the cell's proposal; then every touched peer group must hold
 * the 20 % rule. One transaction: the earlier decisions are superseded (kept), the new ones written, and
 * an audit row per record.
 */
export const saveDecisions = command({
  input: SaveDecisionsSchema,
  load: (tx, input) => {
    assertDistinctRecords(input.decisions);
    return loadOrgCycle(tx, input.organizationId);
  },
  authorize: (actor, { target }) => can(actor, "rating:decide", target),
  write: ({ tx, actor, input, loaded: { cycle } }) =>
    saveDecisionSet(tx, actor, input, cycle, {
      read: (ids) =>
        tx.reviewRecord.findMany({
          where: { id: { in: ids }, cycleId: cycle.id, subjectKind: "MEMBER", peerGroup: { decidingOrgId: input.organizationId } },
          select: DESK_RECORD_SELECT,
        }),
      checker: async (records) => {
        const ancestries = await ancestriesOf(
          records.map((r) => r.scopeOrgId),
          tx,
        );
        return (decision, record) => {
          assertTransition(actor, "decide", {
            state: record.state,
            kind: "MEMBER",
            target: { organizationAncestry: ancestries.get(record.scopeOrgId) ?? [], memberId: record.memberId! },
          });
          return decisionProblem(decision, record, () => memberLevelRefusal(record, cycle, decision.level));
        };
      },
    }),
  transactionOptions: BULK_TRANSACTION,
});

type DecisionInput = z.output<typeof SaveDecisionsSchema>["decisions"][number];
type DecidedRecord = { id: string; peerGroupId: string | null; version: number; state: RecordState; decidedLevel: Level | null; proposedLevel: Level | null };

/**
 * Saves a set of decisions, the members' (saveDecisions) or the units' (decideUnits): the cycle still
 * deciding; the peer groups, then the records locked; every record found among the committee's; each
 * decision checked (`checker` prepares the check for all the records at once, with what it reads of them,
 * then it runs per decision: the workflow, and the problem it names, if any); then written, and every
 * touched group holding the 20 % rule after the writes — or nothing is written.
 */
export async function saveDecisionSet<R extends DecidedRecord>(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof SaveDecisionsSchema>,
  cycle: CycleSummary,
  records: { read(ids: string[]): Promise<R[]>; checker(records: R[]): Promise<(decision: DecisionInput, record: R) => string | null> },
): Promise<CommandWrite<{ decided: number }>> {
  if (!DECIDING_STATUSES.includes(cycle.status)) throw new DomainError("CYCLE_CLOSED");
  const ids = input.decisions.map((d) => d.recordId);
  await lockForDecisions(tx, ids);
  const found = await records.read(ids);
  // Records of another organization or cycle look missing: ids leak nothing.
  if (found.length !== ids.length) throw new NotFoundError();
  const byId = new Map(found.map((r) => [r.id, r]));
  const problemOf = await records.checker(found);
  const problems: Record<string, string> = {};
  for (const decision of input.decisions) {
    const problem = problemOf(decision, byId.get(decision.recordId)!);
    if (problem) problems[decision.recordId] = problem;
  }
  assertNoProblems(problems);
  const audit = await writeDecisions(tx, actor, input.organizationId, input.decisions, byId);
  await assertGroupsHold(tx, [...new Set(found.map((r) => r.peerGroupId!))], cycle.ruleSet as RuleSetId, cycle.quotaBase as QuotaBase);
  return { result: { decided: input.decisions.length }, audit };
}

/** A set of decisions names each record once: a record twice is refused before anything is read. */
export function assertDistinctRecords(decisions: readonly { recordId: string }[]): void {
  if (new Set(decisions.map((d) => d.recordId)).size !== decisions.length) throw new DomainError("INVALID_INPUT", { decisions: "duplicate" });
}

/**
 * Writes a set of decisions that passed their checks: the earlier decisions superseded (kept), the new
 * ones, the records (one statement for the whole set). Returns the audit rows, one per record.
 */
async function writeDecisions(
  tx: Tx,
  actor: Actor,
  organizationId: string,
  decisions: readonly DecisionInput[],
  before: ReadonlyMap<string, { state: RecordState; decidedLevel: Level | null; proposedLevel: Level | null }>,
): Promise<CommandAudit[]> {
  const ids = decisions.map((d) => d.recordId);
  const now = new Date();
  await tx.ratingDecision.updateMany({ where: { recordId: { in: ids }, supersededAt: null }, data: { supersededAt: now } });
  await tx.ratingDecision.createMany({
    data: decisions.map((d) => ({ recordId: d.recordId, level: d.level, reason: d.reason || null, decidedById: actor.userId, decidedAt: now })),
  });
  await tx.$executeRaw`
    UPDATE "ReviewRecord" AS r
       SET state = 'DECIDED', "decidedLevel" = v.level::"RatingLevel", "decisionReason" = NULLIF(v.reason, ''),
           "decidedAt" = ${now}, version = r.version + 1, "updatedAt" = ${now}
      FROM unnest(${ids}::text[], ${decisions.map((d) => d.level)}::text[], ${decisions.map((d) => d.reason)}::text[]) AS v(id, level, reason)
     WHERE r.id = v.id`;
  return decisions.map((d) => {
    const record = before.get(d.recordId)!;
    return {
      action: "record.decide",
      entityId: d.recordId,
      organizationId,
      data: {
        before: { state: record.state, decidedLevel: record.decidedLevel },
        after: { state: "DECIDED", decidedLevel: d.level },
        proposedLevel: record.proposedLevel,
        ...(d.reason ? { reason: d.reason } : {}),
      },
    };
  });
}

/** The flags of a member at decision time, for the desk and the tests (lib/review/decisions.ts). */
export { yearFlags };

/**
 * Records an override decision for a peer group: under the older rule sets it lets the group exceed the
 * cap, under QD366_HD43 it raises the rate to 21–25 % (rating-rules §5, §7.8). The committee that decides
 * the group records it; the group is shown as exceeding with a decision from then on.
 */
export const recordQuotaOverride = command({
  input: QuotaOverrideSchema,
  load: async (tx, input) => {
    const group = await tx.peerGroup.findUnique({
      where: { id: input.peerGroupId },
      select: { id: true, kind: true, decidingOrgId: true, cycleId: true, name: true, cycle: { select: { ruleSet: true, status: true } } },
    });
    return group && { group, deciding: { organizationAncestry: await getOrgAncestry(group.decidingOrgId, tx) } };
  },
  // The body that decides the group records its decision: the grassroots committee (its members and
  // subordinate units), or the upper standing committee (the grassroots organizations).
  authorize: (actor, { deciding }) => mayDecide(actor, deciding),
  write: async ({ tx, actor, input, loaded: { group } }) => {
    if (!DECIDING_STATUSES.includes(group.cycle.status)) throw new DomainError("CYCLE_CLOSED");
    await lockGroups(tx, [group.id]);
    // One decision is recorded once: a form sent twice (a double click, a second tab) finds it under the
    // group's lock taken above, whichever send came first.
    const existing = await tx.quotaOverride.findFirst({ where: { peerGroupId: group.id, decisionNo: input.decisionNo }, select: { id: true } });
    if (existing) throw new DomainError("OVERRIDE_EXISTS", undefined, { no: input.decisionNo });
    const raisesRate = getRuleSet(group.cycle.ruleSet as RuleSetId).quota.overrideRatePercent !== null;
    const override = await tx.quotaOverride.create({
      data: {
        cycleId: group.cycleId,
        peerGroupId: group.id,
        decisionNo: input.decisionNo,
        decidedOn: new Date(`${input.decidedOn}T00:00:00Z`),
        issuer: input.issuer,
        reason: input.reason,
        ratePercent: raisesRate ? (input.ratePercent ?? 25) : null,
        createdById: actor.userId,
      },
      select: { id: true, ratePercent: true },
    });
    return {
      result: override,
      audit: {
        action: "quota.override",
        entityId: group.id,
        organizationId: group.decidingOrgId,
        data: {
          group: group.name,
          decisionNo: input.decisionNo,
          decidedOn: input.decidedOn,
          issuer: input.issuer,
          reason: input.reason,
          ratePercent: override.ratePercent,
        },
      },
    };
  },
});

/** Whether the actor sits on the body that decides there: the grassroots committee, or the upper standing committee. */
export function mayDecide(actor: Actor, deciding: Target): boolean {
  return can(actor, "rating:decide", deciding) || can(actor, "rating:approve", deciding);
}

/**
 * Publishes (công khai) the committee's decided levels: every member record decided by it, and its
 * subordinate units' records. What is not decided yet stays unpublished; each group must hold the rule.
 */
export const publishDecisions = command({
  input: PublishSchema,
  load: (tx, input) => loadOrgCycle(tx, input.organizationId),
  authorize: (actor, { target }) => can(actor, "rating:decide", target),
  write: async ({ tx, actor, input, loaded: { cycle } }) => {
    const groups = await tx.peerGroup.findMany({ where: { cycleId: cycle.id, decidingOrgId: input.organizationId }, select: { id: true } });
    const groupIds = groups.map((g) => g.id);
    await lockGroups(tx, groupIds);
    await assertGroupsHold(tx, groupIds, cycle.ruleSet as RuleSetId, cycle.quotaBase as QuotaBase);
    const decided = await tx.reviewRecord.findMany({
      where: { cycleId: cycle.id, peerGroupId: { in: groupIds }, state: "DECIDED" },
      select: { id: true, subjectKind: true, scopeOrgId: true, organizationId: true, memberId: true, decidedLevel: true },
    });
    if (decided.length === 0) throw new DomainError("NOTHING_TO_PUBLISH");
    const ancestries = await ancestriesOf(
      decided.map((r) => r.scopeOrgId),
      tx,
    );
    for (const record of decided) {
      const member = record.subjectKind === "MEMBER";
      assertTransition(actor, member ? "publish" : "publishUnit", {
        state: "DECIDED",
        kind: member ? "MEMBER" : "SUBORDINATE",
        target: { organizationAncestry: ancestries.get(record.scopeOrgId) ?? [], ...(member ? { memberId: record.memberId! } : {}) },
      });
    }
    await tx.reviewRecord.updateMany({
      where: { id: { in: decided.map((r) => r.id) }, state: "DECIDED" },
      data: { state: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } },
    });
    return {
      result: { published: decided.length },
      audit: publicationAudit(
        input.organizationId,
        cycle.id,
        decided.map((r) => ({ ...r, organizationId: input.organizationId })),
      ),
    };
  },
  transactionOptions: BULK_TRANSACTION,
});

/** What a publication says: a row for the organization that published, one per record published. */
export function publicationAudit(
  organizationId: string,
  cycleId: string,
  published: readonly { id: string; organizationId: string | null; decidedLevel: Level | null }[],
): CommandAudit[] {
  return [
    { action: "decisions.publish", entityId: organizationId, organizationId, data: { cycleId, published: published.length } },
    ...published.map((r): CommandAudit => ({
      action: "record.publish",
      entityId: r.id,
      organizationId: r.organizationId,
      data: { before: { state: "DECIDED" }, after: { state: "PUBLISHED" }, level: r.decidedLevel },
    })),
  ];
}

/**
 * Sends records back for re-review, with a reason: chosen records, or every record of a cell that has
 * reached the committee. A proposal goes back to the cell (sendBack), a decision is reopened (reopen);
 * the superseded decision stays readable in the record's decisions and history. The quota is checked
 * again when the new decision comes.
 */
export const sendBackRecords = command({
  input: SendBackSchema,
  load: (tx, input) => loadOrgCycle(tx, input.organizationId),
  authorize: (actor, { target }) => can(actor, "rating:decide", target),
  write: async ({ tx, actor, input, loaded: { cycle } }) => {
    const where: Prisma.ReviewRecordWhereInput = {
      cycleId: cycle.id,
      subjectKind: "MEMBER",
      peerGroup: { decidingOrgId: input.organizationId },
      // A whole cell: every record that reached the committee, but the actor's own (another member of the committee sends it).
      ...(input.recordIds?.length
        ? { id: { in: input.recordIds } }
        : { scopeOrgId: input.cellId, state: { in: ["REVIEWED", "DECIDED", "PUBLISHED"] }, ...(actor.memberId ? { memberId: { not: actor.memberId } } : {}) }),
    };
    const located = await tx.reviewRecord.findMany({ where, select: { id: true, peerGroupId: true } });
    if (located.length === 0 || (input.recordIds?.length && located.length !== input.recordIds.length)) throw new NotFoundError();
    await lockGroups(
      tx,
      located.map((r) => r.peerGroupId!),
    );
    const records = await tx.reviewRecord.findMany({
      where: { id: { in: located.map((r) => r.id) } },
      select: {
        id: true,
        state: true,
        cycleId: true,
        scopeOrgId: true,
        memberId: true,
        organizationId: true,
        organization: { select: { kind: true } },
        decidedLevel: true,
        proposedLevel: true,
      },
    });
    const ancestries = await ancestriesOf(
      records.map((r) => r.scopeOrgId),
      tx,
    );
    for (const record of records) {
      assertTransition(actor, record.state === "REVIEWED" ? "sendBack" : "reopen", {
        state: record.state,
        kind: "MEMBER",
        target: { organizationAncestry: ancestries.get(record.scopeOrgId) ?? [], memberId: record.memberId! },
      });
    }
    // A published result is reopened only by a decision to rate it again, named on every record (366 Điều 15).
    const published = records.filter((r) => r.state === "PUBLISHED");
    if (published.length > 0 && !input.decision) throw new DomainError("RERATE_DECISION_REQUIRED", { decision: "required" }, { count: published.length });
    if (published.length > 0) await reopenByDecision(tx, actor, published, input.decision!, published[0].cycleId);
    const unpublished = records.filter((r) => r.state !== "PUBLISHED");
    await reopenRecords(
      tx,
      unpublished.map((r) => r.id),
    );
    return {
      result: { sentBack: records.length },
      audit: unpublished.map((r) => ({
        action: "record.sendBack" as const,
        entityId: r.id,
        organizationId: input.organizationId,
        data: {
          before: { state: r.state, decidedLevel: r.decidedLevel, proposedLevel: r.proposedLevel },
          after: { state: "UNDER_REREVIEW" as const },
          reason: input.reason,
        },
      })),
    };
  },
  transactionOptions: BULK_TRANSACTION,
});
