import "server-only";
import { can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkItemScores, scoreTotals, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { collectiveReportOf } from "@/lib/review/collective-report";
import { evaluateSubject, levelRefusal, type Level, type LevelOrNotRated, type LevelRefusal, type QuotaBase, type RuleSetId } from "@/lib/grading";
import { toIsoDate } from "@/lib/i18n/format";
import { NO_DERIVED_FACTS, organizationSubject, scoredItems, type DerivedOrganizationFacts, type StoredOrganizationFacts } from "@/lib/review/facts";
import { selfRatingGaps, SETTLED_STATES, type OrderGap, type UnitProgress } from "@/lib/review/order-of-work";
import { assertTransition, availableTransitions, recordKindOf, type RecordState } from "@/lib/review/workflow";
import { PublishSchema, ReturnUnitSchema, SaveDecisionsSchema, UnitSelfRatingSchema, VerifyUnitSchema } from "@/lib/schemas/decisions";
import { BULK_TRANSACTION, command, recordAudit } from "./command";
import { getCurrentCycle, loadOrgCycle } from "./cycles";
import {
  assertDistinctRecords,
  assertGroupsHold,
  decisionProblem,
  DECIDING_STATUSES,
  deskCycle,
  deskGroups,
  deskLevels,
  mayDecide,
  publicationAudit,
  saveDecisionSet,
} from "./decisions";
import { getRegisterFacts, loadDeskTaskCaps } from "./task-yearend";
import { db, type DbClient, type Tx } from "./db";
import { ancestriesOf, lockForDecisions, lockGroups } from "./record-locks";
import { factColumnsOfForm, SCORE_AND_TASK_COLUMNS, scoreAndTasksOf } from "./record-facts";
import { derivedOrganizationFacts, storedAnswers } from "./organization-facts";
import { reopenByDecision } from "./rerating";
import { authorizeOrg, getOrgAncestry } from "./scope";

// Units' ratings (366 Điều 12, Bước 2–3): a cell proposes its own level at its meeting and the
// grassroots committee decides it; a grassroots organization rates itself, the upper board verifies
// (thẩm định) and proposes, the upper standing committee decides — all under the 20 % rule per peer
// group of organizations, with the same locks, overrides and audit as the members' decisions.

const UNIT_SELECT = {
  id: true,
  cycleId: true,
  organizationId: true,
  scopeOrgId: true,
  peerGroupId: true,
  state: true,
  selfLevel: true,
  proposedLevel: true,
  decidedLevel: true,
  decisionReason: true,
  verificationNote: true,
  verifiedAt: true,
  version: true,
  voteTally: true,
  ...SCORE_AND_TASK_COLUMNS,
  targetsCompletedPercent: true,
  leadershipDisciplined: true,
  disunityConcluded: true,
  localBodiesAtLeastGood: true,
  forceMajeure: true,
  fiveTargetsMissed: true,
  leadershipMemberDegraded: true,
  leadershipDisciplines: true,
  scoreItems: true,
  collectiveReport: true,
  organization: { select: { id: true, name: true, code: true, kind: true, sector: true, establishedOn: true } },
} as const;
type UnitRow = Prisma.ReviewRecordGetPayload<{ select: typeof UNIT_SELECT }>;

/** A unit's facts for the rules: as stored, with what the app derives from its other rows. */
function factsOf(r: UnitRow, derived: DerivedOrganizationFacts = NO_DERIVED_FACTS): StoredOrganizationFacts {
  return {
    ...scoreAndTasksOf(r),
    targetsCompletedPercent: r.targetsCompletedPercent,
    leadershipDisciplined: r.leadershipDisciplined,
    disunityConcluded: r.disunityConcluded,
    localBodiesAtLeastGood: r.localBodiesAtLeastGood,
    forceMajeure: r.forceMajeure,
    fiveTargetsMissed: r.fiveTargetsMissed,
    leadershipMemberDegraded: r.leadershipMemberDegraded,
    leadershipDisciplineAnswers: storedAnswers(r.leadershipDisciplines),
    derived,
  };
}

/**
 * The levels the 80 % and 100 % conditions read, per unit, in one query: a unit with subordinate units
 * counts their levels; a cell (or a chi bộ cơ sở) counts its members'. Decided where decided, else proposed.
 */
async function subordinateLevelsOf(unitIds: readonly string[], cycleId: string, client: DbClient): Promise<Map<string, LevelOrNotRated[]>> {
  if (unitIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ unit: string; level: string | null; n: number }[]>`
    WITH units AS (SELECT unnest(${[...unitIds]}::text[]) AS id),
    levels AS (
      SELECT u.id AS unit, r.state::text AS state, r."decidedLevel"::text AS decided, r."proposedLevel"::text AS proposed
        FROM units u JOIN "Organization" child ON child."parentId" = u.id
        JOIN "ReviewRecord" r ON r."organizationId" = child.id AND r."cycleId" = ${cycleId}
      UNION ALL
      SELECT u.id, r.state::text, r."decidedLevel"::text, r."proposedLevel"::text
        FROM units u JOIN "ReviewRecord" r ON r."scopeOrgId" = u.id AND r."cycleId" = ${cycleId} AND r."subjectKind" = 'MEMBER'
       WHERE NOT EXISTS (SELECT 1 FROM "Organization" c WHERE c."parentId" = u.id)
    )
    SELECT unit,
           CASE WHEN state = 'NOT_RATED' THEN 'NOT_RATED'
                WHEN state IN ('DECIDED', 'PUBLISHED') THEN decided
                ELSE proposed END AS level,
           count(*)::int AS n
      FROM levels GROUP BY 1, 2`;
  const map = new Map<string, LevelOrNotRated[]>();
  for (const row of rows) {
    if (row.level === null) continue; // not reviewed yet: no level to count
    map.set(row.unit, [...(map.get(row.unit) ?? []), ...Array<LevelOrNotRated>(row.n).fill(row.level as LevelOrNotRated)]);
  }
  return map;
}

/**
 * The units' desk of an organization: for a grassroots committee its subordinate units (and its own
 * self-rating); for the upper board and standing committee the grassroots organizations below them.
 * Which controls each row offers comes from the workflow table.
 */
export async function getUnitDesk(actor: Actor, organizationId: string) {
  const ancestry = await getOrgAncestry(organizationId);
  const target = { organizationAncestry: ancestry };
  if (ancestry.length === 0 || !(["rating:decide", "rating:verify", "rating:approve"] as const).some((p) => can(actor, p, target))) throw new NotFoundError();
  const cycle = await getCurrentCycle(organizationId);
  if (!cycle) return null;
  const [organization, groups, records] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, kind: true } }),
    deskGroups(db, cycle.id, organizationId, "ORGANIZATION"),
    db.reviewRecord.findMany({
      where: {
        cycleId: cycle.id,
        subjectKind: "ORGANIZATION",
        // The units this organization decides, and its own record (the committee's self-rating).
        OR: [{ peerGroup: { decidingOrgId: organizationId } }, { organizationId }],
      },
      orderBy: [{ organization: { code: "asc" } }],
      select: UNIT_SELECT,
    }),
  ]);
  const unitIds = records.map((r) => r.organizationId!);
  const ownRecord = records.find((r) => r.organizationId === organizationId);
  const [levels, ancestries, derived, ownGaps, sheet] = await Promise.all([
    subordinateLevelsOf(unitIds, cycle.id, db),
    ancestriesOf(unitIds, db),
    derivedOrganizationFacts(unitIds, cycle, db),
    // The committee's own organization: what its self-rating still waits for.
    ownRecord ? unitProgress(db, ownRecord).then((p) => selfRatingGaps(recordKindOf(ownRecord.organization!.kind), p)) : [],
    collectiveSheetOf(cycle, db),
  ]);
  // Under a cycle that counts the tasks from the register: the tasks behind a task cap, for the capped rows only, in one query.
  const unitFacts = new Map(records.map((r) => [r.id, factsOf(r, derived.get(r.organizationId!))]));
  const taskCaps = await loadDeskTaskCaps(
    db,
    cycle.id,
    cycle.year,
    records.map((r) => ({ recordId: r.id, organizationId: r.organizationId, tasks: unitFacts.get(r.id)!.tasks })),
  );
  // The committee's own self-rating shows its four task numbers as the register counted them.
  const ownRegister = ownRecord ? await getRegisterFacts(actor, { organizationId }, { id: cycle.id, year: cycle.year }) : null;
  return {
    sheet,
    organization,
    cycle: deskCycle(cycle),
    groups,
    units: records
      .map((r) => {
        const kind = recordKindOf(r.organization!.kind);
        const context = { state: r.state as RecordState, kind, target: { organizationAncestry: ancestries.get(r.organizationId!) ?? [] } };
        return {
          recordId: r.id,
          organizationId: r.organizationId!,
          name: r.organization!.name,
          code: r.organization!.code,
          kind,
          own: r.organizationId === organizationId,
          ...deskLevels(r),
          verificationNote: r.verificationNote,
          establishedOn: toIsoDate(r.organization!.establishedOn),
          answersForTargets: answersForFiveTargets(r.organization!),
          scoreItems: scoredItems((r.scoreItems ?? {}) as Record<string, number>),
          report: collectiveReportOf(r.collectiveReport),
          orderGaps: r.organizationId === organizationId ? ownGaps : [],
          facts: unitFacts.get(r.id)!,
          /** The tasks behind a task cap (register cycles only): named beside the verdict's reasons. */
          taskCaps: taskCaps.get(r.id) ?? null,
          register: r.organizationId === organizationId ? ownRegister : null,
          subordinateLevels: levels.get(r.organizationId!) ?? [],
          transitions: availableTransitions(actor, context).map((t) => t.name),
          /** The upper board may propose a re-rating of a decided or published result (366 Điều 15). */
          canProposeRerate: (r.state === "DECIDED" || r.state === "PUBLISHED") && can(actor, "rating:proposeRerate", context.target),
        };
      })
      // What the reader can act on comes first, then the rest by code.
      .sort((a, b) => Number(b.transitions.length > 0) - Number(a.transitions.length > 0) || a.code.localeCompare(b.code)),
  };
}

export type UnitDesk = NonNullable<Awaited<ReturnType<typeof getUnitDesk>>>;

/**
 * What a command on one unit's record loads: the record locked, in the order every decision save takes
 * (group, then record) — a proposal counts in its group's pool, so a verification cannot shrink a pool a
 * decision is checking — with its cycle and its unit's place in the tree.
 */
async function loadUnitRecord(tx: Tx, input: { recordId: string }) {
  await lockForDecisions(tx, [input.recordId]);
  const record = await tx.reviewRecord.findUnique({
    where: { id: input.recordId },
    select: { ...UNIT_SELECT, cycle: { select: { status: true, year: true, ruleSet: true, ratingDate: true, quotaBase: true, options: true } } },
  });
  if (!record?.organizationId) return null;
  const kind = recordKindOf(record.organization!.kind);
  return { record, kind, context: { state: record.state, kind, target: { organizationAncestry: await getOrgAncestry(record.organizationId, tx) } } };
}

type UnitRecord = NonNullable<Awaited<ReturnType<typeof loadUnitRecord>>>;

/** Out of the actor's reach, a unit's record does not exist for them (ids leak nothing). */
const mayReadUnit = (actor: Actor, { context }: UnitRecord) => can(actor, "org:read", context.target);

/** The commands on one unit's record. */
const ON_UNIT_RECORD = { load: loadUnitRecord, authorize: mayReadUnit };

/** The cycle's sheet for organizations (Mẫu 01, part B), or null when its rule set scores nothing. */
async function collectiveSheetOf(cycle: { id: string; ruleSet: string }, client: DbClient): Promise<ScoreSheetContent | null> {
  if (cycle.ruleSet !== "QD366_HD43") return null;
  const sheet = await client.scoreSheet.findUnique({ where: { cycleId_framework: { cycleId: cycle.id, framework: "COLLECTIVE" } }, select: { groups: true } });
  return sheet ? (sheet.groups as unknown as ScoreSheetContent) : null;
}

/**
 * A collective's score on the cycle's sheet for organizations (under QD366_HD43): every item within its
 * points, the totals computed; a partial sheet is kept as typed, without totals. Other rule sets score nothing.
 */
async function collectiveScore(
  tx: Tx,
  record: { cycleId: string; cycle: { ruleSet: string } },
  raw: Record<string, number | null>,
): Promise<{ items: Record<string, number>; generalTenths: number | null; resultsTenths: number | null }> {
  if (record.cycle.ruleSet !== "QD366_HD43") return { items: {}, generalTenths: null, resultsTenths: null };
  const sheet = await tx.scoreSheet.findUniqueOrThrow({
    where: { cycleId_framework: { cycleId: record.cycleId, framework: "COLLECTIVE" } },
    select: { groups: true },
  });
  const content = sheet.groups as unknown as ScoreSheetContent;
  const items = { ...scoredItems(raw) };
  const problems = checkItemScores(content, items);
  if (problems.length > 0) throw new DomainError("INVALID_INPUT", Object.fromEntries(problems.map((p) => [`scoreItems.${p.itemKey}`, "scoreRange"])));
  const totals = scoreTotals(content, items);
  return { items, generalTenths: totals.complete ? totals.generalTenths : null, resultsTenths: totals.complete ? totals.resultsTenths : null };
}

/** 366 Điều 11 k4: the five basic socio-economic targets are set for localities (xã, phường, đặc khu). */
export function answersForFiveTargets(organization: { kind: string; sector: string }): boolean {
  return organization.sector === "COMMUNE" && (organization.kind === "DANG_BO_CO_SO" || organization.kind === "CHI_BO_CO_SO");
}

function assertOpen(status: string) {
  if (!DECIDING_STATUSES.includes(status)) throw new DomainError("CYCLE_CLOSED");
}

/**
 * Why the rules refuse to store `level` for a unit, or null: evaluated on its facts with its subordinates'
 * levels as they stand (docs/rating-rules.md §6: `proposalValid`). Every path that writes a unit's level
 * — its own proposal or self-rating, the verification, the decision — asks this before it writes.
 */
function unitLevelRefusal(
  record: UnitRow,
  cycle: { ruleSet: string; ratingDate: Date },
  around: { subordinateLevels: readonly LevelOrNotRated[]; derived: DerivedOrganizationFacts | undefined },
  level: Level,
): LevelRefusal | null {
  const { subordinateLevels } = around;
  return levelRefusal(
    evaluateSubject(
      organizationSubject(record.id, factsOf(record, around.derived), {
        peerGroup: record.peerGroupId ?? "",
        proposed: level,
        subordinateLevels,
        establishedOn: toIsoDate(record.organization!.establishedOn),
      }),
      { ruleSet: cycle.ruleSet as RuleSetId, ratingDate: toIsoDate(cycle.ratingDate) },
    ),
  );
}

/**
 * Where a unit stands before it rates itself (lib/review/order-of-work.ts): its members' minutes, and the
 * records below it still without a decided level — one aggregate over its subtree.
 */
async function unitProgress(tx: DbClient, record: Pick<UnitRow, "organizationId" | "cycleId" | "organization">): Promise<UnitProgress> {
  const orgId = record.organizationId!;
  const settled = [...SETTLED_STATES];
  // Each count reads the records of the unit's subtree only, through (cycleId, scopeOrgId, state) and
  // (cycleId, organizationId); a cell's proposal to leave a member unrated for another reason is not
  // settled until the committee confirms it.
  const [row] = await tx.$queryRaw<{ members: number; units: number; finalized: boolean }[]>`
    WITH subtree AS (SELECT "descendantId" AS id FROM "OrgClosure" WHERE "ancestorId" = ${orgId})
    SELECT (SELECT count(*) FROM "ReviewRecord" r
             WHERE r."cycleId" = ${record.cycleId} AND r."subjectKind" = 'MEMBER' AND r."scopeOrgId" IN (SELECT id FROM subtree)
               AND (r.state::text <> ALL(${settled}::text[]) OR (r.state = 'NOT_RATED' AND r."notRatedReason" = 'OTHER' AND r."notRatedConfirmedAt" IS NULL)))::int AS members,
           (SELECT count(*) FROM "ReviewRecord" r
             WHERE r."cycleId" = ${record.cycleId} AND r."subjectKind" = 'ORGANIZATION' AND r."organizationId" IN (SELECT id FROM subtree) AND r."organizationId" <> ${orgId}
               AND r.state::text <> ALL(${settled}::text[]))::int AS units,
           EXISTS (SELECT 1 FROM "Meeting" m WHERE m."cycleId" = ${record.cycleId} AND m."organizationId" = ${orgId} AND m.status = 'FINALIZED') AS finalized`;
  const kind = record.organization!.kind;
  return {
    holdsMeeting: kind === "CHI_BO_TRUC_THUOC" || kind === "CHI_BO_CO_SO",
    minutesFinalized: row.finalized,
    membersUndecided: row.members,
    subordinatesUndecided: row.units,
  };
}

/** Refuses a unit's own rating while what must come before it is not done, saying what is missing. */
async function assertOrderOfWork(
  tx: Tx,
  record: Pick<UnitRow, "organizationId" | "cycleId" | "organization">,
  kind: "SUBORDINATE" | "GRASSROOTS",
): Promise<void> {
  const gaps = selfRatingGaps(kind, await unitProgress(tx, record));
  if (gaps.length === 0) return;
  const count = (code: OrderGap["code"]) => gaps.reduce((n, g) => (g.code === code && "count" in g ? n + g.count : n), 0);
  throw new DomainError("ORDER_OF_WORK", Object.fromEntries(gaps.map((g) => [g.code, "count" in g ? String(g.count) : g.code])), {
    name: record.organization!.name,
    minutes: gaps.some((g) => g.code === "MINUTES_NOT_FINALIZED") ? "missing" : "done",
    members: count("MEMBERS_NOT_DECIDED"),
    units: count("SUBORDINATES_NOT_DECIDED"),
  });
}

/** Refuses a single unit's level the rules refuse, naming the unit and the cause. */
async function assertUnitLevelAllowed(
  tx: Tx,
  record: UnitRow & { cycle: { year: number; ruleSet: string; ratingDate: Date } },
  level: Level,
  derived?: DerivedOrganizationFacts,
): Promise<void> {
  const orgId = record.organizationId!;
  // The caller may already hold the derived facts (the self-rating checks its answers against them).
  const [levels, derivedFacts] = await Promise.all([
    subordinateLevelsOf([orgId], record.cycleId, tx),
    derived ?? derivedOrganizationFacts([orgId], { id: record.cycleId, year: record.cycle.year }, tx).then((m) => m.get(orgId)!),
  ]);
  const refusal = unitLevelRefusal(record, record.cycle, { subordinateLevels: levels.get(orgId) ?? [], derived: derivedFacts }, level);
  if (refusal) throw new DomainError("LEVEL_REFUSED", { level: refusal }, { name: record.organization!.name, reason: refusal });
}

/**
 * A unit rates itself: a cell's proposal voted at its meeting (recorded by its secretary), or a grassroots
 * committee's self-rating of its organization. The facts the organization rules read are saved with it,
 * and the level may not exceed what they allow.
 */
export const rateUnit = command({
  input: UnitSelfRatingSchema,
  ...ON_UNIT_RECORD,
  transition: ({ kind, context }) => ({ name: kind === "GRASSROOTS" ? "selfRate" : "proposeUnit", record: context }),
  write: async ({ tx, input, loaded: { record, kind }, transition }) => {
    assertOpen(record.cycle.status);
    if (record.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    await assertOrderOfWork(tx, record, kind);
    // The committee answers on the disciplines the register holds of its leadership, and no other.
    const derived = (await derivedOrganizationFacts([record.organizationId!], { id: record.cycleId, year: record.cycle.year }, tx)).get(
      record.organizationId!,
    )!;
    const known = new Set(derived.leadershipDisciplines.map((d) => d.disciplineId));
    if (input.leadershipDisciplineAnswers.some((a) => !known.has(a.disciplineId)))
      throw new DomainError("INVALID_INPUT", { leadershipDisciplineAnswers: "invalid" });
    // The collective's score, item by item on the cycle's collective sheet (Mẫu 01, part B): the totals
    // are computed here, and only a complete sheet gives totals the rules read.
    const score = await collectiveScore(tx, record, input.scoreItems);
    const facts = {
      scoreItems: score.items,
      scoreGeneralTenths: score.generalTenths,
      scoreResultsTenths: score.resultsTenths,
      collectiveReport: collectiveReportOf(input.report),
      ...factColumnsOfForm(input, record, record.cycle.options),
      targetsCompletedPercent: input.targetsCompletedPercent,
      localBodiesAtLeastGood: input.localBodiesAtLeastGood,
      leadershipDisciplined: input.leadershipDisciplined,
      disunityConcluded: input.disunityConcluded,
      leadershipMemberDegraded: input.leadershipMemberDegraded,
      forceMajeure: input.forceMajeure,
      // The five socio-economic targets are a locality's: a commune's or ward's party organization answers for them.
      fiveTargetsMissed: answersForFiveTargets(record.organization!) && input.fiveTargetsMissed,
      leadershipDisciplines: input.leadershipDisciplineAnswers,
    };
    await assertUnitLevelAllowed(tx, { ...record, ...facts }, input.level, derived);
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: { ...facts, state: transition.to, selfLevel: input.level, proposedLevel: input.level, version: { increment: 1 } },
    });
    return {
      result: { state: transition.to },
      audit: recordAudit(record, kind === "GRASSROOTS" ? "unit.selfRate" : "unit.propose", {
        before: { state: record.state, proposedLevel: record.proposedLevel },
        after: { state: transition.to, proposedLevel: input.level, ...facts },
        ...(input.note ? { note: input.note } : {}),
      }),
    };
  },
});

/** The upper board verifies a grassroots organization's self-rating and proposes a level, with its comment. */
export const verifyUnit = command({
  input: VerifyUnitSchema,
  ...ON_UNIT_RECORD,
  transition: ({ context }) => ({ name: "verify", record: context }),
  write: async ({ tx, input, loaded: { record }, transition }) => {
    assertOpen(record.cycle.status);
    if (record.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    await assertUnitLevelAllowed(tx, record, input.level);
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: { state: transition.to, proposedLevel: input.level, verificationNote: input.note, verifiedAt: new Date(), version: { increment: 1 } },
    });
    return {
      result: { state: transition.to },
      audit: recordAudit(record, "unit.verify", {
        before: { state: record.state, proposedLevel: record.proposedLevel },
        after: { state: transition.to, proposedLevel: input.level },
        note: input.note,
      }),
    };
  },
});

/**
 * Sends a unit's rating back with a reason: the board returns an incomplete self-rating (returnRating);
 * a decider sends a proposal or a decision back to be rated again (sendBackUnit, sendBackRating), the
 * superseded decision kept.
 */
export const returnUnit = command({
  input: ReturnUnitSchema,
  load: async (tx, input, actor) => {
    const unit = await loadUnitRecord(tx, input);
    return unit && { ...unit, step: returnStepOf(actor, unit) };
  },
  authorize: (actor, unit) => mayReadUnit(actor, unit),
  transition: ({ step, context }) => ({ name: step, record: context }),
  write: async ({ tx, actor, input, loaded: { record, step }, transition }) => {
    assertOpen(record.cycle.status);
    if (record.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    // A published result is reopened only by a decision to rate it again (366 Điều 15), named on the record.
    if (record.state === "PUBLISHED") {
      if (!input.decision) throw new DomainError("RERATE_DECISION_REQUIRED", { decision: "required" }, { count: 1 });
      // The decision's audit rows say why (lib/data/rerating.ts).
      await reopenByDecision(tx, actor, [{ ...record, memberId: null }], input.decision, record.cycleId);
      return { result: { state: transition.to }, audit: [] };
    }
    await tx.ratingDecision.updateMany({ where: { recordId: record.id, supersededAt: null }, data: { supersededAt: new Date() } });
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: { state: transition.to, decidedLevel: null, decidedAt: null, publishedAt: null, version: { increment: 1 } },
    });
    return {
      result: { state: transition.to },
      audit: recordAudit(record, RETURN_ACTIONS[step], {
        before: { state: record.state, decidedLevel: record.decidedLevel, proposedLevel: record.proposedLevel },
        after: { state: transition.to },
        reason: input.reason,
      }),
    };
  },
});

/** The three ways a unit's rating is sent back, each with its audit action. */
const RETURN_ACTIONS = { returnRating: "unit.returnRating", sendBackUnit: "unit.sendBackUnit", sendBackRating: "unit.sendBackRating" } as const;

/** The one that applies, of the three, given who asks and where the record stands. */
function returnStepOf(actor: Actor, { kind, context }: UnitRecord): keyof typeof RETURN_ACTIONS {
  const steps = kind === "SUBORDINATE" ? (["sendBackUnit"] as const) : (["returnRating", "sendBackRating"] as const);
  // None available: the last is asked, and the workflow says why it is refused.
  return steps.find((n) => availableTransitions(actor, context).some((t) => t.name === n)) ?? steps[steps.length - 1];
}

/**
 * Decides units' levels: the grassroots committee its subordinate units (decideUnit), the upper standing
 * committee the grassroots organizations (approve). Same checks and guarantees as the members' decisions:
 * peer groups locked, rules, reasons, versions, the 20 % rule after the writes, superseded decisions kept.
 */
export const decideUnits = command({
  input: SaveDecisionsSchema,
  load: (tx, input) => {
    assertDistinctRecords(input.decisions);
    return loadOrgCycle(tx, input.organizationId);
  },
  authorize: (actor, { target }) => mayDecide(actor, target),
  write: ({ tx, actor, input, loaded: { cycle } }) =>
    saveDecisionSet(tx, actor, input, cycle, {
      read: (ids) =>
        tx.reviewRecord.findMany({
          where: { id: { in: ids }, cycleId: cycle.id, subjectKind: "ORGANIZATION", peerGroup: { decidingOrgId: input.organizationId } },
          select: UNIT_SELECT,
        }),
      checker: async (records) => {
        const unitIds = records.map((r) => r.organizationId!);
        const [ancestries, levels, derived] = await Promise.all([
          ancestriesOf(unitIds, tx),
          subordinateLevelsOf(unitIds, cycle.id, tx),
          derivedOrganizationFacts(unitIds, cycle, tx),
        ]);
        return (decision, record) => {
          const kind = recordKindOf(record.organization!.kind);
          // The upper committee decides a grassroots organization only after its board verified it (366 Điều 12 k2).
          if (kind === "GRASSROOTS" && (record.state === "SUBMITTED" || record.verifiedAt === null)) return "NOT_VERIFIED";
          assertTransition(actor, kind === "GRASSROOTS" ? "approve" : "decideUnit", {
            state: record.state,
            kind,
            target: { organizationAncestry: ancestries.get(record.organizationId!) ?? [] },
          });
          return decisionProblem(decision, record, () =>
            unitLevelRefusal(
              record,
              cycle,
              { subordinateLevels: levels.get(record.organizationId!) ?? [], derived: derived.get(record.organizationId!) },
              decision.level,
            ),
          );
        };
      },
    }),
  transactionOptions: BULK_TRANSACTION,
});

/** The upper standing committee publishes the grassroots organizations' decided levels. */
export const publishUnits = command({
  input: PublishSchema,
  load: (tx, input) => loadOrgCycle(tx, input.organizationId),
  authorize: (actor, { target }) => can(actor, "rating:approve", target),
  write: async ({ tx, actor, input, loaded: { cycle } }) => {
    const groups = await tx.peerGroup.findMany({
      where: { cycleId: cycle.id, decidingOrgId: input.organizationId, kind: "ORGANIZATION" },
      select: { id: true },
    });
    await lockGroups(
      tx,
      groups.map((g) => g.id),
    );
    await assertGroupsHold(
      tx,
      groups.map((g) => g.id),
      cycle.ruleSet as RuleSetId,
      cycle.quotaBase as QuotaBase,
    );
    const decided = await tx.reviewRecord.findMany({
      where: { cycleId: cycle.id, peerGroupId: { in: groups.map((g) => g.id) }, state: "DECIDED" },
      select: { id: true, organizationId: true, decidedLevel: true, organization: { select: { kind: true } } },
    });
    if (decided.length === 0) throw new DomainError("NOTHING_TO_PUBLISH");
    const ancestries = await ancestriesOf(
      decided.map((r) => r.organizationId!),
      tx,
    );
    for (const r of decided) {
      assertTransition(actor, "publishApproved", {
        state: "DECIDED",
        kind: recordKindOf(r.organization!.kind),
        target: { organizationAncestry: ancestries.get(r.organizationId!) ?? [] },
      });
    }
    await tx.reviewRecord.updateMany({
      where: { id: { in: decided.map((r) => r.id) } },
      data: { state: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } },
    });
    return { result: { published: decided.length }, audit: publicationAudit(input.organizationId, cycle.id, decided) };
  },
  transactionOptions: BULK_TRANSACTION,
});

/**
 * A unit's own rating as its people see it (the cell's page): where it stands, what the rules allow with
 * its subordinates' levels, and whether the actor may record its proposal now.
 */
export async function getUnitRating(actor: Actor, organizationId: string) {
  const target = await authorizeOrg(actor, "org:read", organizationId);
  const cycle = await getCurrentCycle(organizationId);
  if (!cycle) return null;
  const record = await db.reviewRecord.findUnique({ where: { cycleId_organizationId: { cycleId: cycle.id, organizationId } }, select: UNIT_SELECT });
  if (!record) return null;
  const kind = recordKindOf(record.organization!.kind);
  const [levels, derived, sheet, progress] = await Promise.all([
    subordinateLevelsOf([organizationId], cycle.id, db),
    derivedOrganizationFacts([organizationId], cycle, db),
    collectiveSheetOf(cycle, db),
    unitProgress(db, record),
  ]);
  return {
    recordId: record.id,
    cycleId: cycle.id,
    kind,
    state: record.state as RecordState,
    version: record.version,
    selfLevel: record.selfLevel as Level | null,
    decidedLevel: record.state === "PUBLISHED" ? (record.decidedLevel as Level | null) : null,
    facts: factsOf(record, derived.get(organizationId)),
    answersForTargets: answersForFiveTargets(record.organization!),
    sheet,
    scoreItems: scoredItems((record.scoreItems ?? {}) as Record<string, number>),
    report: collectiveReportOf(record.collectiveReport),
    // What its own rating still waits for, said before anyone fills the form in.
    orderGaps: selfRatingGaps(kind, progress),
    subordinateLevels: levels.get(organizationId) ?? [],
    establishedOn: toIsoDate(record.organization!.establishedOn),
    peerGroupId: record.peerGroupId,
    cycle: { ruleSet: cycle.ruleSet as RuleSetId, ratingDate: toIsoDate(cycle.ratingDate) },
    transitions: availableTransitions(actor, { state: record.state as RecordState, kind, target }).map((t) => t.name),
  };
}
