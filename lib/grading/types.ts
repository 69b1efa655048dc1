import type { RuleSetId } from "./rule-sets";

// Vocabulary of the rating rules (RULES.md §1, §6). Codes are stable: they are stored, exchanged with the
// command line and turned into sentences by the i18n messages of the `grading` namespace.

/** The four quality levels, best first (RULES §1). */
export const LEVELS = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] as const;
export type Level = (typeof LEVELS)[number];

/** `NOT_RATED` is not a level: the subject is left out of every count (RULES §1). */
export type LevelOrNotRated = Level | "NOT_RATED";
export const LEVELS_OR_NOT_RATED = [...LEVELS, "NOT_RATED"] as const satisfies readonly LevelOrNotRated[];

/** Grade of one criterion (cấp độ của từng tiêu chí), best first (RULES §1). */
export const CRITERION_GRADES = ["EXCELLENT", "GOOD", "AVERAGE", "POOR"] as const;
export type CriterionGrade = (typeof CRITERION_GRADES)[number];

export const SUBJECT_KINDS = ["MEMBER", "ORGANIZATION"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const MEMBER_STATUSES = ["ACTIVE", "EXEMPT", "SUSPENDED"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** The two readings of the 20 % rule's base (RULES §5). */
export const QUOTA_BASES = ["GOOD_ONLY", "GOOD_AND_EXCELLENT"] as const;
export type QuotaBase = (typeof QUOTA_BASES)[number];

/** Why a subject is left out of rating, in the order the first applicable one is reported (RULES §6). */
export const NOT_RATED_REASONS = ["EXEMPT", "SUSPENDED", "NEW_MEMBER", "NEW_ORGANIZATION"] as const;
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

/** Every reason code the module can report (RULES §6); each has a sentence in both message files. */
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

// Facts left out are the harmless value (RULES §6): active, review done, no criteria, no discipline,
// 100 % of targets, no sick leave, not a civil servant, no subordinate facts.

interface SubjectInputBase {
  id: string;
  peerGroup: string;
  proposed: LevelOrNotRated;
  reviewDone?: boolean;
  criteria?: readonly Criterion[];
  targetsCompletedPercent?: number;
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
  forceMajeure?: boolean;
}

export type SubjectInput = MemberInput | OrganizationInput;

/** A recorded decision of the competent committee letting a peer group exceed the 20 % cap (RULES §5). */
export interface QuotaOverride {
  peerGroup: string;
  decisionNo: string;
  decidedOn: IsoDate;
  issuer: string;
  reason: string;
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
  /** No excess, or an override decision lets the group exceed. */
  ok: boolean;
  /** An override decision names the group; it is reported whether or not the group exceeds. */
  overridden: boolean;
}

/** The 20 % check of one peer group, as the command line prints it (RULES §6). */
export interface GroupResult extends QuotaCheck {
  peerGroup: string;
  kind: SubjectKind;
}

export interface GradingResult {
  subjects: SubjectVerdict[];
  groups: GroupResult[];
  ok: boolean;
}
