import type { Discipline, IsoDate, LevelOrNotRated, MemberCategory, MemberInput, MemberStatus, OrganizationInput } from "@/lib/grading";
import { scoreTotals, type ItemScores, type ScoreSheetContent } from "@/lib/grading/score-sheet";

// What a review record stores of the facts the rules of QD366_HD43 read, and how they become the input
// of lib/grading. Pure: the server uses it to show a verdict, the browser to show it live as facts are
// typed — one mapping, so both always agree.

/** The database's member categories and the rules' names for them (docs/rating-rules.md §7.2). */
export const RULES_CATEGORY = {
  NON_LEADER_IN_SYSTEM: "NON_LEADER",
  LEADER_MANAGER: "LEADER",
  NOT_IN_POLITICAL_SYSTEM: "OUTSIDE_SYSTEM",
} as const satisfies Record<string, MemberCategory>;
export type StoredMemberCategory = keyof typeof RULES_CATEGORY;

/** The facts of one member's record as they are entered (counts default to 0: no task, no shortcoming). */
export interface MemberRatingFacts {
  /** Points per item of the cycle's sheet; null or absent = not scored yet. */
  scoreItems: Record<string, number | null>;
  tasks: { assigned: number; completed: number; onTime: number; exceeded: number };
  shortcomings: { named: number; remedied: number };
  degradationConcluded: boolean;
  prohibitedActsConcluded: boolean;
  /** Leaders only; ignored for the other categories. */
  ledUnits: { count: number; notCompleted: number };
  lowConfidenceOver50: boolean;
  corruptionInScope: boolean;
  fiveTargetsMissed: boolean;
  forceMajeure: boolean;
}

/** What the record does not hold but the rules read: the member's standing, from their own data. */
export interface MemberStanding {
  id: string;
  category: StoredMemberCategory;
  status: MemberStatus;
  admittedOn: IsoDate;
  /** Disciplines of the member (every year: the rules pick the review year's). */
  disciplines: readonly Discipline[];
}

/** Only the items that hold a score: a blank item is "not scored", never 0. */
export function scoredItems(scores: MemberRatingFacts["scoreItems"]): ItemScores {
  const out: Record<string, number> = {};
  for (const [key, points] of Object.entries(scores)) if (points !== null && points !== undefined && Number.isFinite(points)) out[key] = points;
  return out;
}

/**
 * The grading input of a member's record under QD366_HD43. The score is a fact only once every item of
 * the sheet is scored; until then the rules report SCORE_MISSING rather than rate a partial sum.
 */
export function memberSubject(
  standing: MemberStanding,
  facts: MemberRatingFacts,
  sheet: ScoreSheetContent,
  options: { peerGroup: string; proposed: LevelOrNotRated },
): MemberInput {
  const totals = scoreTotals(sheet, scoredItems(facts.scoreItems));
  const { scoreItems: _items, ...rest } = facts;
  return recordSubject(
    standing,
    { ...rest, scoreGeneralTenths: totals.complete ? totals.generalTenths : null, scoreResultsTenths: totals.complete ? totals.resultsTenths : null },
    options,
  );
}

/** A member's record as stored once its facts are entered: the totals already computed in tenths. */
export interface StoredRecordFacts {
  scoreGeneralTenths: number | null;
  scoreResultsTenths: number | null;
  tasks: MemberRatingFacts["tasks"];
  shortcomings: MemberRatingFacts["shortcomings"];
  degradationConcluded: boolean;
  prohibitedActsConcluded: boolean;
  ledUnits: MemberRatingFacts["ledUnits"];
  lowConfidenceOver50: boolean;
  corruptionInScope: boolean;
  fiveTargetsMissed: boolean;
  forceMajeure: boolean;
}

/** The grading input of a stored record (the meeting's panel, the committee's desk): no sheet needed. */
export function recordSubject(standing: MemberStanding, stored: StoredRecordFacts, options: { peerGroup: string; proposed: LevelOrNotRated }): MemberInput {
  const category = RULES_CATEGORY[standing.category];
  const leader = category === "LEADER";
  const scored = stored.scoreGeneralTenths !== null && stored.scoreResultsTenths !== null;
  return {
    id: standing.id,
    kind: "MEMBER",
    peerGroup: options.peerGroup,
    proposed: options.proposed,
    status: standing.status,
    admittedOn: standing.admittedOn,
    disciplines: standing.disciplines,
    category,
    ...(scored ? { score: { general: stored.scoreGeneralTenths! / 10, results: stored.scoreResultsTenths! / 10 } } : {}),
    tasks: stored.tasks,
    shortcomings: stored.shortcomings,
    degradationConcluded: stored.degradationConcluded,
    prohibitedActsConcluded: stored.prohibitedActsConcluded,
    ...(leader
      ? {
          ledUnits: stored.ledUnits,
          lowConfidenceOver50: stored.lowConfidenceOver50,
          corruptionInScope: stored.corruptionInScope,
          fiveTargetsMissed: stored.fiveTargetsMissed,
          forceMajeure: stored.forceMajeure,
        }
      : {}),
  };
}

/** A discipline of a member of the unit's leadership collective, as the register holds it. */
export interface LeadershipDisciplineSource {
  disciplineId: string;
  memberName: string;
  decidedOn: string;
  form: string;
  selfDetectedAndRemedied: boolean;
  /** Already used to rate an earlier year ("một vi phạm chỉ tính một lần"). */
  countedInEarlierYear: boolean;
}

/**
 * What the app knows of a unit from its other rows (lib/data/organization-facts.ts), so that nobody types
 * it again: the disciplines of the members holding an office in its leadership (its chi ủy or đảng ủy, as
 * the app's role assignments record the offices), those of them whose record this year concludes
 * degradation, and its directly subordinate units whose own record says their collective was disciplined.
 */
export interface DerivedOrganizationFacts {
  leadershipDisciplines: LeadershipDisciplineSource[];
  degradedLeaders: string[];
  disciplinedSubordinates: string[];
  /** Directly subordinate units reviewed this year (the older rule sets' 20 % rule counts against them). */
  subordinateUnits: number;
}

export const NO_DERIVED_FACTS: DerivedOrganizationFacts = Object.freeze({
  leadershipDisciplines: [],
  degradedLeaders: [],
  disciplinedSubordinates: [],
  subordinateUnits: 0,
});

/**
 * The committee's answer on one such discipline (366 Điều 11 khoản 4): a violation committed at a former
 * unit, or not tied to the duties of the collective it sits in now, does not count against this unit.
 */
export interface LeadershipDisciplineAnswer {
  disciplineId: string;
  atFormerUnit: boolean;
  unrelatedToDuties: boolean;
}

/** The disciplines that count against the unit: those the committee did not set aside by its answers. */
export function countingLeadershipDisciplines(derived: DerivedOrganizationFacts, answers: readonly LeadershipDisciplineAnswer[]) {
  const setAside = new Set(answers.filter((a) => a.atFormerUnit || a.unrelatedToDuties).map((a) => a.disciplineId));
  return derived.leadershipDisciplines.filter((d) => !setAside.has(d.disciplineId));
}

/** A unit's record as stored: the facts the organization rules read (docs/rating-rules.md §4, §7). */
export interface StoredOrganizationFacts {
  scoreGeneralTenths: number | null;
  scoreResultsTenths: number | null;
  targetsCompletedPercent: number | null;
  tasks: MemberRatingFacts["tasks"];
  shortcomings: MemberRatingFacts["shortcomings"];
  leadershipDisciplined: boolean;
  disunityConcluded: boolean;
  localBodiesAtLeastGood: boolean;
  forceMajeure: boolean;
  fiveTargetsMissed: boolean;
  leadershipMemberDegraded: boolean;
  leadershipDisciplineAnswers: LeadershipDisciplineAnswer[];
  derived: DerivedOrganizationFacts;
}

/**
 * The grading input of a unit's record: a cell with its members' levels (decided, else proposed), or a
 * grassroots organization with its subordinate units' levels — what the 80 % and 100 % conditions read.
 */
export function organizationSubject(
  id: string,
  stored: StoredOrganizationFacts,
  options: { peerGroup: string; proposed: LevelOrNotRated; subordinateLevels: readonly LevelOrNotRated[]; establishedOn?: string },
): OrganizationInput {
  const scored = stored.scoreGeneralTenths !== null && stored.scoreResultsTenths !== null;
  return {
    id,
    kind: "ORGANIZATION",
    peerGroup: options.peerGroup,
    proposed: options.proposed,
    ...(options.establishedOn ? { establishedOn: options.establishedOn } : {}),
    ...(scored ? { score: { general: stored.scoreGeneralTenths! / 10, results: stored.scoreResultsTenths! / 10 } } : {}),
    ...(stored.targetsCompletedPercent !== null ? { targetsCompletedPercent: stored.targetsCompletedPercent } : {}),
    tasks: stored.tasks,
    shortcomings: stored.shortcomings,
    subordinateLevels: options.subordinateLevels,
    leadershipDisciplined: stored.leadershipDisciplined,
    disunityConcluded: stored.disunityConcluded,
    localBodiesAtLeastGood: stored.localBodiesAtLeastGood,
    forceMajeure: stored.forceMajeure,
    fiveTargetsMissed: stored.fiveTargetsMissed,
    // Derived from the register where the app holds it, asked otherwise: either one counts.
    leadershipMemberDegraded: stored.leadershipMemberDegraded || stored.derived.degradedLeaders.length > 0,
    leadershipDisciplines: countingLeadershipDisciplines(stored.derived, stored.leadershipDisciplineAnswers).map((d) => ({
      decidedOn: d.decidedOn,
      selfDetectedAndRemedied: d.selfDetectedAndRemedied,
      countedInEarlierYear: d.countedInEarlierYear,
    })),
    subordinateUnits: stored.derived.subordinateUnits,
    disciplinedSubordinateUnits: stored.derived.disciplinedSubordinates.length,
  };
}
