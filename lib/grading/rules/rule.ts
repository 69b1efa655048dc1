import type { CalendarDate } from "../dates";
import type { Level, MemberInput, NotRatedReason, OrganizationInput, ReasonCode } from "../types";

/** Switches a rule set turns on or off where RULES.md marks a rule "(configurable)". */
export interface RuleSetOptions {
  /** RULES §2.2: a member admitted under 6 months still writes a self-review ([21] yes, [124] no). */
  newMemberWritesSelfReview: boolean;
  /**
   * RULES §3 row 5: the party level is capped by every civil-service level (true), or only EXCELLENT
   * needs a civil-service EXCELLENT (false). The GOOD/COMPLETED part is recalled, not quoted.
   */
  civilServiceCapsEveryLevel: boolean;
}

export interface RuleContext {
  ratingDate: CalendarDate;
  /** The calendar year of the rating date (RULES §6). */
  reviewYear: number;
  options: RuleSetOptions;
}

/** What one rule allows: at most `maxLevel`, and when `forced` nothing but NOT_COMPLETED. */
export interface Limit {
  reason: ReasonCode;
  maxLevel: Level;
  forced: boolean;
}

/** A capping or forcing rule: null when it does not limit the subject. */
export type SubjectRule<Subject> = (subject: Subject, context: RuleContext) => Limit | null;
/** A rule of RULES §2 leaving the subject out of rating: null when the subject is rated. */
export type Exclusion<Subject> = (subject: Subject, context: RuleContext) => NotRatedReason | null;

export type MemberRule = SubjectRule<MemberInput>;
export type OrganizationRule = SubjectRule<OrganizationInput>;

// Limits are immutable values, built once: rules return them without allocating.
export function capAt(reason: ReasonCode, maxLevel: Exclude<Level, "EXCELLENT">): Limit {
  return Object.freeze({ reason, maxLevel, forced: false });
}

export function forceNotCompleted(reason: ReasonCode): Limit {
  return Object.freeze({ reason, maxLevel: "NOT_COMPLETED", forced: true });
}
