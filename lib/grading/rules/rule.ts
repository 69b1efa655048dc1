import type { CalendarDate } from "../dates";
import { LEVEL_RANK } from "../levels";
import { reasonBit } from "../reasons";
import type { Level, MemberInput, NotRatedReason, OrganizationInput, ReasonCode } from "../types";

/** Switches a rule set turns on or off where docs/rating-rules.md marks a rule "(configurable)" or "(option)". */
export interface RuleSetOptions {
  /** rating-rules §2.2: a member admitted under 6 months still writes a self-review ([21] yes, [124] no). */
  newMemberWritesSelfReview: boolean;
  /**
   * rating-rules §3 row 5: the party level is capped by every civil-service level (true), or only EXCELLENT
   * needs a civil-service EXCELLENT (false). The GOOD/COMPLETED part is recalled, not quoted.
   */
  civilServiceCapsEveryLevel: boolean;
}

export interface RuleContext {
  ratingDate: CalendarDate;
  /** The calendar year of the rating date (rating-rules §6). */
  reviewYear: number;
  options: RuleSetOptions;
}

/**
 * What one rule allows: at most `maxLevel`, and when `forced` nothing but NOT_COMPLETED. Its `reason`
 * is always reported, so a rule may also return a limit at EXCELLENT that caps nothing: a *note* for the
 * competent body ([366] leaves force majeure and self-remedied violations to its judgement), or a
 * missing fact that leaves the level `undecidable` (the proposal is invalid whatever it is).
 */
export interface Limit {
  reason: ReasonCode;
  /** The reason's bit (reasons.ts), so that the evaluation collects reasons without a list per subject. */
  reasonBit: number;
  maxLevel: Level;
  /** LEVEL_RANK of maxLevel: the evaluation keeps the lowest as a number. */
  maxRank: number;
  forced: boolean;
  undecidable: boolean;
}

/** A capping or forcing rule: null when it does not limit the subject. */
export type SubjectRule<Subject> = (subject: Subject, context: RuleContext) => Limit | null;
/** A rule of rating-rules §2 leaving the subject out of rating: null when the subject is rated. */
export type Exclusion<Subject> = (subject: Subject, context: RuleContext) => NotRatedReason | null;

export type MemberRule = SubjectRule<MemberInput>;
export type OrganizationRule = SubjectRule<OrganizationInput>;

// Limits are immutable values, built once: rules return them without allocating. All are built by
// `limit`, so the loop reading them sees one object shape.
function limit(reason: ReasonCode, maxLevel: Level, forced: boolean, undecidable: boolean): Limit {
  return Object.freeze({ reason, reasonBit: reasonBit(reason), maxLevel, maxRank: LEVEL_RANK[maxLevel], forced, undecidable });
}

export function capAt(reason: ReasonCode, maxLevel: Exclude<Level, "EXCELLENT">): Limit {
  return limit(reason, maxLevel, false, false);
}

export function forceNotCompleted(reason: ReasonCode): Limit {
  return limit(reason, "NOT_COMPLETED", true, false);
}

/** Caps nothing; reported so that the competent body sees what it has to judge. */
export function noteFor(reason: ReasonCode): Limit {
  return limit(reason, "EXCELLENT", false, false);
}

/** Caps nothing, but no level can be decided until the fact is given (like a review not done). */
export function missingFact(reason: ReasonCode): Limit {
  return limit(reason, "EXCELLENT", false, true);
}
