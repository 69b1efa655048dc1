import type { RuleSetId } from "./rule-sets";

// Vocabulary of the rating rules (docs/rating-rules.md §1, §6, §7). Codes are stable: they are stored,
// exchanged with the command line and turned into sentences by the i18n messages of the `grading` namespace.

/** The four quality levels, best first (rating-rules §1). */
export const LEVELS = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] as const;
export type Level = (typeof LEVELS)[number];

/** `NOT_RATED` is not a level: the subject is left out of every count (rating-rules §1). */
export type LevelOrNotRated = Level | "NOT_RATED";
export const LEVELS_OR_NOT_RATED = [...LEVELS, "NOT_RATED"] as const satisfies readonly LevelOrNotRated[];

/** Grade of one criterion (cấp độ của từng tiêu chí), best first (rating-rules §1). */
export const CRITERION_GRADES = ["EXCELLENT", "GOOD", "AVERAGE", "POOR"] as const;
export type CriterionGrade = (typeof CRITERION_GRADES)[number];

export const SUBJECT_KINDS = ["MEMBER", "ORGANIZATION"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const MEMBER_STATUSES = ["ACTIVE", "EXEMPT", "SUSPENDED"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * What a member's post makes of the [366] conditions (HD 43 Mục 2, 2.1.b): Mẫu 2B, no leadership post;
 * Mẫu 2A, a leadership or management post; Mẫu 2C, not working in the political system.
 */
export const MEMBER_CATEGORIES = ["NON_LEADER", "LEADER", "OUTSIDE_SYSTEM"] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** The two readings of the 20 % rule's base (rating-rules §5). */
export const QUOTA_BASES = ["GOOD_ONLY", "GOOD_AND_EXCELLENT"] as const;
export type QuotaBase = (typeof QUOTA_BASES)[number];

/** Why a subject is left out of rating, in the order the first applicable one is reported (rating-rules §6). */
export const NOT_RATED_REASONS = ["EXEMPT", "SUSPENDED", "NEW_MEMBER", "NEW_ORGANIZATION"] as const;
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

/** Every reason code the module can report (rating-rules §6); each has a sentence in both message files. */
export const REASON_CODES = [
  ...NOT_RATED_REASONS,
  "REVIEW_MISSING",
  "CRITERIA",
  "POOR_CRITERION",
  "CIVIL_SERVICE_LEVEL",
  "DISCIPLINED_IN_YEAR",
  "DEGRADATION",
  "TARGETS_UNDER_50",
  "SICK_LEAVE",
  "SUBORDINATES_BELOW_COMPLETED",
  "SUBORDINATES_UNDER_80_GOOD",
  "LOCAL_BODIES_BELOW_GOOD",
  "SUBORDINATES_DISCIPLINED_OVER_20",
  "LEADERSHIP_DISCIPLINED",
  "DISUNITY",
  // [366], the 100-point scale
  "SCORE_MISSING",
  "SCORE_UNDER_50",
  "SCORE_UNDER_70",
  "SCORE_UNDER_90",
  "TASKS_EXCEEDED_UNDER_30",
  "TASKS_LATE",
  "TASKS_NOT_COMPLETED",
  "TASKS_FAILED_OVER_50",
  "TASKS_UNDER_70",
  "FORCE_MAJEURE",
  "SHORTCOMINGS_NOT_REMEDIED",
  "PROHIBITED_ACTS",
  "SELF_REMEDIED",
  "LED_UNITS_NOT_COMPLETED",
  "LOW_CONFIDENCE",
  "CORRUPTION_IN_SCOPE",
  "FIVE_TARGETS",
  "SUBORDINATES_DISCIPLINED",
  "LEADERSHIP_MEMBER_DISCIPLINED",
  "LEADERSHIP_MEMBER_DEGRADED",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A calendar date written `YYYY-MM-DD`, no time and no time zone. */
export type IsoDate = string;

export interface Criterion {
  /** A task-result criterion (kết quả thực hiện nhiệm vụ được giao); otherwise an "other" criterion. */
  taskResult: boolean;
  grade: CriterionGrade;
}

export interface Discipline {
  decidedOn: IsoDate;
  /** Tự phát hiện và khắc phục xong hậu quả: exempts under [124] only. */
  selfDetectedAndRemedied?: boolean;
  /** Already used to rate an earlier year: one violation counts once [21]. */
  countedInEarlierYear?: boolean;
}

/**
 * The 100-point score of [366]: a general group out of 30 and a results group out of 70, each with at
 * most one decimal place. Compare it in tenths of a point (`scoreTenths`), never as a float sum.
 */
export interface Score {
  general: number;
  results: number;
}

/** The year's tasks ([366]): how many were assigned, completed, completed on time and exceeded their requirement. */
export interface Tasks {
  assigned: number;
  completed: number;
  onTime: number;
  exceeded: number;
}

/** Shortcomings named at the previous review, and how many of them are remedied ([366] Điều 11, 1.4). */
export interface Shortcomings {
  named: number;
  remedied: number;
}

/** The localities, bodies or units a leader is answerable for, and how many were rated NOT_COMPLETED. */
export interface LedUnits {
  count: number;
  notCompleted: number;
}

// Facts left out are the harmless value (rating-rules §6): active, review done, no criteria, no discipline,
// 100 % of targets, no sick leave, not a civil servant, no subordinate facts; under [366] a member
// without a category holds no leadership post, and no tasks means no task rule (no score, though, is
// SCORE_MISSING: the [366] level cannot be decided without one).

interface SubjectInputBase {
  id: string;
  peerGroup: string;
  proposed: LevelOrNotRated;
  reviewDone?: boolean;
  criteria?: readonly Criterion[];
  targetsCompletedPercent?: number;
  score?: Score;
  tasks?: Tasks;
  shortcomings?: Shortcomings;
  /** The five basic socio-economic targets missed, where the post or organization answers for them. */
  fiveTargetsMissed?: boolean;
  /** Force majeure (bất khả kháng): read for organizations, and under [366] for leaders. */
  forceMajeure?: boolean;
}

export interface MemberInput extends SubjectInputBase {
  kind: "MEMBER";
  status?: MemberStatus;
  admittedOn?: IsoDate;
  /** The member's civil-service rating (cán bộ, công chức, viên chức); absent when not a civil servant. */
  civilServantLevel?: Level;
  disciplines?: readonly Discipline[];
  degradationConcluded?: boolean;
  sickLeaveDays?: number;
  /** [366]: NON_LEADER when absent. */
  category?: MemberCategory;
  /** Concluded to have done what members must not do, or to have failed the duty to set an example. */
  prohibitedActsConcluded?: boolean;
  /** LEADER only. */
  ledUnits?: LedUnits;
  /** LEADER only: over half low-confidence votes in the year's vote of confidence. */
  lowConfidenceOver50?: boolean;
  /** LEADER only: corruption, waste or negativity disciplined in the scope the member leads directly. */
  corruptionInScope?: boolean;
}

export interface OrganizationInput extends SubjectInputBase {
  kind: "ORGANIZATION";
  establishedOn?: IsoDate;
  /** Levels of the rated subordinates: the members of a chi bộ, the organizations of a đảng bộ. */
  subordinateLevels?: readonly LevelOrNotRated[];
  subordinateUnits?: number;
  disciplinedSubordinateUnits?: number;
  /** Government, Fatherland Front and mass organizations of the same level rated GOOD or above. */
  localBodiesAtLeastGood?: boolean;
  leadershipDisciplined?: boolean;
  disunityConcluded?: boolean;
  /** [366]: disciplines of members of its leadership collective (chi ủy, đảng ủy). */
  leadershipDisciplines?: readonly Discipline[];
  /** [366]: a member of its leadership collective concluded to show degradation. */
  leadershipMemberDegraded?: boolean;
}

export type SubjectInput = MemberInput | OrganizationInput;

/**
 * A recorded decision of the competent committee on a peer group's quota: under [21] and [124] it lets
 * the group exceed the 20 % cap (rating-rules §5); under [366] it raises the rate, to `ratePercent` (21–25,
 * default 25) (rating-rules §7.8).
 */
export interface QuotaOverride {
  peerGroup: string;
  decisionNo: string;
  decidedOn: IsoDate;
  issuer: string;
  reason: string;
  ratePercent?: number;
}

export interface GradingInput {
  ruleSet: RuleSetId;
  ratingDate: IsoDate;
  quotaBase?: QuotaBase;
  subjects: readonly SubjectInput[];
  overrides?: readonly QuotaOverride[];
}

export interface SubjectVerdict {
  id: string;
  kind: SubjectKind;
  peerGroup: string;
  proposed: LevelOrNotRated;
  rated: boolean;
  notRatedReason: NotRatedReason | null;
  /** Highest allowed level; null when not rated. */
  maxLevel: Level | null;
  /** A forcing rule applies: the only allowed level is NOT_COMPLETED. */
  forced: boolean;
  proposalValid: boolean;
  /** Every rule that capped, forced or left out the subject, sorted. */
  reasons: readonly ReasonCode[];
  /** The subject must write a self-review (bản kiểm điểm) this year. */
  selfReviewRequired: boolean;
}

export interface GroupCounts {
  excellent: number;
  good: number;
}

export interface QuotaCheck {
  excellent: number;
  good: number;
  pool: number;
  maxExcellent: number;
  excess: number;
  /** No excess, or (under [21] and [124]) an override decision lets the group exceed. */
  ok: boolean;
  /** An override decision names the group; it is reported whether or not the group exceeds. */
  overridden: boolean;
}

/** The 20 % check of one peer group, as the command line prints it (rating-rules §6). */
export interface GroupResult extends QuotaCheck {
  peerGroup: string;
  kind: SubjectKind;
}

export interface GradingResult {
  subjects: SubjectVerdict[];
  groups: GroupResult[];
  ok: boolean;
}
