import "server-only";
import { toIsoDate } from "@/lib/i18n/format";
import { can, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { Prisma, RecordState } from "@/lib/generated/prisma/client";
import { checkItemScores, frameworkOf, scoreTotals, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { RULES_CATEGORY, scoredItems, type MemberRatingFacts, type MemberStanding, type StoredRecordFacts } from "@/lib/review/facts";
import { MemberRatingFactsSchema } from "@/lib/schemas/record-facts";
import { usesTaskRegister } from "@/lib/review/tasks";
import { command } from "./command";
import { getCurrentCycle } from "./cycles";
import { db } from "./db";
import { lockMemberRecord } from "./member-record";
import { authorizeMember, getOrgAncestry } from "./scope";

/** Until a level is decided the facts may still be corrected; afterwards only a re-review changes them. */
const EDITABLE_STATES: readonly RecordState[] = ["DRAFT", "SUBMITTED", "RETURNED", "ABSENT", "REVIEWED", "UNDER_REREVIEW"];
const OPEN_CYCLE_STATUSES = ["PREPARING", "SELF_REVIEW", "DECIDING"];

/** The columns of a record that the 100-point rules read (docs/rating-rules.md §7), as Prisma selects them. */
/** The facts members and organizations share: the two halves of the score, the tasks, the shortcomings. */
export const SCORE_AND_TASK_COLUMNS = {
  scoreGeneralTenths: true,
  scoreResultsTenths: true,
  tasksAssigned: true,
  tasksCompleted: true,
  tasksOnTime: true,
  tasksExceeded: true,
  shortcomingsNamed: true,
  shortcomingsRemedied: true,
} as const;

export const FACT_COLUMNS = {
  ...SCORE_AND_TASK_COLUMNS,
  degradationConcluded: true,
  prohibitedActsConcluded: true,
  ledUnitsCount: true,
  ledUnitsNotCompleted: true,
  lowConfidenceOver50: true,
  corruptionInScope: true,
  fiveTargetsMissed: true,
  forceMajeure: true,
} as const;

type FactRow = Prisma.ReviewRecordGetPayload<{ select: typeof FACT_COLUMNS }>;

type ScoreAndTaskRow = Prisma.ReviewRecordGetPayload<{ select: typeof SCORE_AND_TASK_COLUMNS }>;

/** The score, tasks and shortcomings of a member's or a unit's record; a count never entered is 0, the harmless value. */
export function scoreAndTasksOf(record: ScoreAndTaskRow) {
  return {
    scoreGeneralTenths: record.scoreGeneralTenths,
    scoreResultsTenths: record.scoreResultsTenths,
    tasks: { assigned: record.tasksAssigned ?? 0, completed: record.tasksCompleted ?? 0, onTime: record.tasksOnTime ?? 0, exceeded: record.tasksExceeded ?? 0 },
    shortcomings: { named: record.shortcomingsNamed ?? 0, remedied: record.shortcomingsRemedied ?? 0 },
  };
}

/** The task and shortcoming counts of a form, as the record's columns store them (the inverse of scoreAndTasksOf). */
export function taskColumns(input: {
  tasks: { assigned: number; completed: number; onTime: number; exceeded: number };
  shortcomings: { named: number; remedied: number };
}) {
  return {
    tasksAssigned: input.tasks.assigned,
    tasksCompleted: input.tasks.completed,
    tasksOnTime: input.tasks.onTime,
    tasksExceeded: input.tasks.exceeded,
    shortcomingsNamed: input.shortcomings.named,
    shortcomingsRemedied: input.shortcomings.remedied,
  };
}

/**
 * The task and shortcoming columns a facts form writes: as typed, unless the cycle counts the tasks from
 * the register (docs/task-register.md) — then the record keeps the counts the register gave it, whatever
 * the form sent.
 */
export function factColumnsOfForm(
  input: Parameters<typeof taskColumns>[0],
  record: Omit<ScoreAndTaskRow, "scoreGeneralTenths" | "scoreResultsTenths">,
  cycleOptions: unknown,
) {
  const typed = taskColumns(input);
  if (!usesTaskRegister(cycleOptions)) return typed;
  return {
    ...typed,
    tasksAssigned: record.tasksAssigned,
    tasksCompleted: record.tasksCompleted,
    tasksOnTime: record.tasksOnTime,
    tasksExceeded: record.tasksExceeded,
  };
}

/** A record's stored facts for the rules. */
export function storedFactsOf(record: FactRow): StoredRecordFacts {
  return {
    ...scoreAndTasksOf(record),
    degradationConcluded: record.degradationConcluded,
    prohibitedActsConcluded: record.prohibitedActsConcluded,
    ledUnits: { count: record.ledUnitsCount ?? 0, notCompleted: record.ledUnitsNotCompleted ?? 0 },
    lowConfidenceOver50: record.lowConfidenceOver50,
    corruptionInScope: record.corruptionInScope,
    fiveTargetsMissed: record.fiveTargetsMissed,
    forceMajeure: record.forceMajeure,
  };
}

const RECORD_FACTS_SELECT = {
  id: true,
  cycleId: true,
  memberId: true,
  state: true,
  version: true,
  category: true,
  scoreItems: true,
  ...FACT_COLUMNS,
  peerGroup: { select: { code: true } },
} as const;

type StoredFacts = Prisma.ReviewRecordGetPayload<{ select: typeof RECORD_FACTS_SELECT }>;

function factsOf(record: StoredFacts): MemberRatingFacts {
  const { scoreGeneralTenths: _g, scoreResultsTenths: _r, ...facts } = storedFactsOf(record);
  return { ...facts, scoreItems: (record.scoreItems ?? {}) as Record<string, number> };
}

/**
 * A member's record in the review under way, with what the 100-point rules need around it: the cycle's
 * sheet for the member's category, the member's standing and disciplines, and whether the actor may edit.
 * Null when there is no review under QD366_HD43 for the member now.
 */
export async function getMemberRatingFacts(actor: Actor, memberId: string) {
  const target = await authorizeMember(actor, "member:read", memberId);
  const cycle = await getCurrentCycle(target.cellId);
  if (!cycle || cycle.ruleSet !== "QD366_HD43") return null;
  const [record, member] = await Promise.all([
    db.reviewRecord.findUnique({ where: { cycleId_memberId: { cycleId: cycle.id, memberId } }, select: { ...RECORD_FACTS_SELECT, notRatedReason: true } }),
    db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: {
        fullName: true,
        category: true,
        status: true,
        admittedOn: true,
        disciplines: { select: { decidedOn: true, selfDetectedAndRemedied: true, countedInYear: true } },
      },
    }),
  ]);
  if (!record) return null;
  const category = record.category ?? member.category;
  const sheet = await db.scoreSheet.findUnique({
    where: { cycleId_framework: { cycleId: cycle.id, framework: frameworkOf({ kind: "MEMBER", category: RULES_CATEGORY[category] }) } },
    select: { framework: true, groups: true },
  });
  if (!sheet) return null;
  const standing: MemberStanding = {
    id: memberId,
    category,
    status: member.status === "LEFT" ? "ACTIVE" : member.status,
    admittedOn: toIsoDate(member.admittedOn),
    disciplines: member.disciplines.map((d) => ({
      decidedOn: toIsoDate(d.decidedOn),
      selfDetectedAndRemedied: d.selfDetectedAndRemedied,
      // "One violation counts once": a discipline already used for an earlier year does not count again.
      countedInEarlierYear: d.countedInYear !== null && d.countedInYear < cycle.year,
    })),
  };
  const ownRecord = actor.memberId === memberId;
  const canEdit = !ownRecord && can(actor, "member:write", target) && OPEN_CYCLE_STATUSES.includes(cycle.status) && EDITABLE_STATES.includes(record.state);
  return {
    cycle,
    memberName: member.fullName,
    record: { id: record.id, version: record.version, state: record.state, notRatedReason: record.notRatedReason, peerGroup: record.peerGroup?.code ?? "" },
    sheet: { framework: sheet.framework, content: sheet.groups as unknown as ScoreSheetContent },
    standing,
    facts: factsOf(record),
    canEdit,
    ownRecord,
  };
}

/**
 * Saves the facts of a member's record: every score within its item's maximum, totals computed here
 * (never typed), counts in order. Nobody edits the facts of their own record; the record's unit's other
 * officers do. One transaction with its audit row; a stale edit is refused.
 */
export const updateMemberRatingFacts = command({
  input: MemberRatingFactsSchema,
  load: async (tx, input) => {
    await lockMemberRecord(tx, input.recordId);
    const record = await tx.reviewRecord.findUniqueOrThrow({
      where: { id: input.recordId },
      select: {
        ...RECORD_FACTS_SELECT,
        scoreGeneralTenths: true,
        scoreResultsTenths: true,
        cycle: { select: { status: true, ruleSet: true, options: true } },
        member: { select: { category: true, cellId: true } },
      },
    });
    // The facts are the member's: checked on the member's cell as it is now, as the member's page is.
    const target = { memberId: record.memberId!, cellId: record.member!.cellId, organizationAncestry: await getOrgAncestry(record.member!.cellId, tx) };
    return { ...record, target };
  },
  authorize: (actor, record) => {
    if (!can(actor, "member:write", record.target)) return false;
    if (actor.memberId === record.memberId) throw new DomainError("OWN_RECORD");
    return record.cycle.ruleSet === "QD366_HD43";
  },
  write: async ({ tx, input, loaded: record }) => {
    if (!OPEN_CYCLE_STATUSES.includes(record.cycle.status)) throw new DomainError("CYCLE_CLOSED");
    if (!EDITABLE_STATES.includes(record.state)) throw new DomainError("FACTS_LOCKED");
    if (record.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");

    const category = record.category ?? record.member!.category;
    const sheet = await tx.scoreSheet.findUniqueOrThrow({
      where: { cycleId_framework: { cycleId: record.cycleId, framework: frameworkOf({ kind: "MEMBER", category: RULES_CATEGORY[category] }) } },
      select: { groups: true },
    });
    const content = sheet.groups as unknown as ScoreSheetContent;
    const scores = scoredItems(input.scoreItems);
    const problems = checkItemScores(content, scores);
    if (problems.length > 0) {
      throw new DomainError("INVALID_INPUT", Object.fromEntries(problems.map((p) => [`scoreItems.${p.itemKey}`, "scoreRange"])));
    }
    const totals = scoreTotals(content, scores);
    const leader = RULES_CATEGORY[category] === "LEADER";
    const after = {
      scoreItems: scores,
      // A partial score is kept as typed, but only a complete one is a total the rules and reports read.
      scoreGeneralTenths: totals.complete ? totals.generalTenths : null,
      scoreResultsTenths: totals.complete ? totals.resultsTenths : null,
      ...factColumnsOfForm(input, record, record.cycle.options),
      degradationConcluded: input.degradationConcluded,
      prohibitedActsConcluded: input.prohibitedActsConcluded,
      // The leader's facts mean nothing for other categories: they are not kept.
      ledUnitsCount: leader ? input.ledUnits.count : null,
      ledUnitsNotCompleted: leader ? input.ledUnits.notCompleted : null,
      lowConfidenceOver50: leader && input.lowConfidenceOver50,
      corruptionInScope: leader && input.corruptionInScope,
      fiveTargetsMissed: leader && input.fiveTargetsMissed,
      forceMajeure: leader && input.forceMajeure,
    };
    const { id: _id, cycleId: _c, memberId, state: _s, version: _v, category: _cat, peerGroup: _p, cycle: _cy, member: _m, target, ...before } = record;
    const updated = await tx.reviewRecord.update({
      where: { id: record.id },
      data: { ...after, category, version: { increment: 1 } },
      select: { version: true },
    });
    return {
      result: {
        version: updated.version,
        totals: after.scoreGeneralTenths === null ? null : { generalTenths: after.scoreGeneralTenths, resultsTenths: after.scoreResultsTenths },
      },
      audit: { action: "record.facts", entityId: record.id, organizationId: target.cellId, data: { memberId, before, after } },
    };
  },
});
