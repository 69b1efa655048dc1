import type { DemoAccount } from "./accounts";

// The demo dataset as plain rows, one array per table, every column given (ids and timestamps included)
// so two builds of the same size are equal and the writer needs no database defaults. JSON columns are
// left out when they hold nothing.
//
// The enums are spelled out here because only lib/data may import the generated Prisma client (ESLint
// layer rule); lib/demo/seed-writer.ts passes these rows to createMany, so the compiler checks that they
// still fit the schema.

export type OrgKind = "UPPER_COMMITTEE" | "DANG_BO_CO_SO" | "CHI_BO_CO_SO" | "DANG_BO_BO_PHAN" | "CHI_BO_TRUC_THUOC";
export type OrgSector = "COMMUNE" | "AGENCY" | "SCHOOL" | "HEALTH" | "ENTERPRISE" | "ARMED_FORCES" | "RESIDENTIAL" | "OTHER";
export type Gender = "MALE" | "FEMALE";
export type MemberStatus = "ACTIVE" | "EXEMPT" | "SUSPENDED" | "LEFT";
export type MemberCategory = "NON_LEADER_IN_SYSTEM" | "LEADER_MANAGER" | "NOT_IN_POLITICAL_SYSTEM";
export type CellAssignmentKind = "OFFICIAL" | "TEMPORARY";
export type RatingLevel = "EXCELLENT" | "GOOD" | "COMPLETED" | "NOT_COMPLETED";
export type DisciplineForm = "REPRIMAND" | "WARNING" | "DISMISSAL" | "EXPULSION";
export type LeaveKind = "SICK" | "MATERNITY";
export type Role = "MEMBER" | "CELL_SECRETARY" | "GRASSROOTS_COMMITTEE" | "UPPER_BOARD" | "UPPER_STANDING" | "ADMIN";
export type RuleSetId = "QD132_HD21" | "QD124_HD25" | "QD366_HD43";
export type QuotaBase = "GOOD_ONLY" | "GOOD_AND_EXCELLENT";
export type CycleStatus = "PREPARING" | "SELF_REVIEW" | "DECIDING" | "PUBLISHED" | "CLOSED";
export type SubjectKind = "MEMBER" | "ORGANIZATION";
export type RecordState = "DRAFT" | "SUBMITTED" | "RETURNED" | "REVIEWED" | "DECIDED" | "PUBLISHED" | "ABSENT" | "NOT_RATED" | "UNDER_REREVIEW";
export type NotRatedReason = "EXEMPT" | "SUSPENDED" | "NEW_MEMBER" | "NEW_ORGANIZATION" | "OTHER";
export type OpinionSource = "RESIDENCE" | "PREVIOUS_CELL" | "TEMPORARY_CELL";
export type MeetingStatus = "DRAFT" | "FINALIZED";
export type RemediationStatus = "OPEN" | "IN_PROGRESS" | "DONE";
export type ScoreFramework = "NON_LEADER" | "LEADER" | "OUTSIDE_SYSTEM" | "COLLECTIVE";
export type TaskStatus = "OPEN" | "REPORTED" | "RETURNED" | "CONFIRMED";
export type TaskOutcome = "DONE" | "NOT_DONE";

/** A JSON value as stored in a Json column (never a bare null: an absent value is left out). */
export type Json = string | number | boolean | JsonArray | JsonObject;
export type JsonArray = ReadonlyArray<Json | null>;
export interface JsonObject {
  readonly [key: string]: Json | null | undefined;
}

export interface OrganizationRow {
  id: string;
  code: string;
  name: string;
  nameSearch: string;
  kind: OrgKind;
  sector: OrgSector;
  parentId: string | null;
  depth: number;
  position: number;
  establishedOn: Date;
  dissolvedOn: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrgClosureRow {
  ancestorId: string;
  descendantId: string;
  distance: number;
}

export interface MemberRow {
  id: string;
  cardNumber: string;
  fullName: string;
  nameSearch: string;
  gender: Gender;
  birthDate: Date;
  admittedOn: Date;
  officialOn: Date | null;
  category: MemberCategory;
  post: string | null;
  isCivilServant: boolean;
  status: MemberStatus;
  statusSince: Date | null;
  cellId: string;
  grassrootsId: string;
  residenceCell: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CellAssignmentRow {
  id: string;
  memberId: string;
  cellId: string;
  kind: CellAssignmentKind;
  fromDate: Date;
  /** Exclusive: the day the member started elsewhere (a transfer's new row starts on it). */
  toDate: Date | null;
  note: string | null;
}

export interface CivilServiceRatingRow {
  memberId: string;
  year: number;
  level: RatingLevel;
}

export interface DisciplineRow {
  id: string;
  memberId: string;
  decidedOn: Date;
  form: DisciplineForm;
  reason: string;
  selfDetectedAndRemedied: boolean;
  countedInYear: number | null;
}

export interface LeaveRow {
  id: string;
  memberId: string;
  kind: LeaveKind;
  fromDate: Date;
  toDate: Date;
}

/** A user without its password hash: hashing is salted, so the writer adds it. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  memberId: string | null;
  locale: string;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoleAssignmentRow {
  id: string;
  userId: string;
  role: Role;
  organizationId: string;
  createdAt: Date;
}

export interface ReviewCycleRow {
  id: string;
  upperOrgId: string;
  year: number;
  ruleSet: RuleSetId;
  ratingDate: Date;
  quotaBase: QuotaBase;
  status: CycleStatus;
  selfReviewDue: Date;
  meetingsDue: Date;
  grassrootsDue: Date;
  upperDecisionDue: Date;
  options: Json;
  peerGroupsFrozenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One of the four score sheets of a QD366_HD43 cycle: `groups` holds a ScoreSheetContent ({ groups: [...] }). */
export interface ScoreSheetRow {
  id: string;
  cycleId: string;
  framework: ScoreFramework;
  groups: Json;
  version: number;
  updatedAt: Date;
}

export interface PeerGroupRow {
  id: string;
  cycleId: string;
  kind: SubjectKind;
  code: string;
  name: string;
  decidingOrgId: string;
}

export interface ReviewRecordRow {
  id: string;
  cycleId: string;
  subjectKind: SubjectKind;
  memberId: string | null;
  organizationId: string | null;
  scopeOrgId: string;
  peerGroupId: string | null;
  state: RecordState;
  notRatedReason: NotRatedReason | null;
  selfLevel: RatingLevel | null;
  proposedLevel: RatingLevel | null;
  decidedLevel: RatingLevel | null;
  criteria?: Json;
  voteTally?: Json;
  targetsCompletedPercent: number | null;
  degradationConcluded: boolean;
  leadershipDisciplined: boolean;
  disunityConcluded: boolean;
  localBodiesAtLeastGood: boolean;
  forceMajeure: boolean;
  // Facts of QD366_HD43 (docs/rating-rules.md §7); null or false in the cycles of older rule sets.
  category: MemberCategory | null;
  /** Points per item of the cycle's score sheet, { [itemKey]: points }; the totals are computed from it. */
  scoreItems?: Json;
  scoreGeneralTenths: number | null;
  scoreResultsTenths: number | null;
  tasksAssigned: number | null;
  tasksCompleted: number | null;
  tasksOnTime: number | null;
  tasksExceeded: number | null;
  shortcomingsNamed: number | null;
  shortcomingsRemedied: number | null;
  prohibitedActsConcluded: boolean;
  ledUnitsCount: number | null;
  ledUnitsNotCompleted: number | null;
  lowConfidenceOver50: boolean;
  corruptionInScope: boolean;
  fiveTargetsMissed: boolean;
  leadershipMemberDegraded: boolean;
  leadershipDisciplines?: Json;
  decisionReason: string | null;
  /** A grassroots organization's rating as verified by the upper board. */
  verificationNote?: string | null;
  verifiedAt?: Date | null;
  decidedAt: Date | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SelfReviewRow {
  id: string;
  recordId: string;
  template: string;
  content: Json;
  enteredOnBehalfById: string | null;
  submittedAt: Date | null;
  version: number;
  updatedAt: Date;
}

export interface OpinionRow {
  id: string;
  recordId: string;
  source: OpinionSource;
  text: string;
  givenOn: Date;
  givenBy: string;
  createdAt: Date;
}

export interface MeetingRow {
  id: string;
  cycleId: string;
  organizationId: string;
  heldOn: Date | null;
  place: string | null;
  chairName: string | null;
  recorderName: string | null;
  minutes: Json;
  status: MeetingStatus;
  finalizedAt: Date | null;
  version: number;
  updatedAt: Date;
}

/** A committee's decision raising a peer group's rate of EXCELLENT (QD366_HD43: to at most 25 %). */
export interface QuotaOverrideRow {
  id: string;
  cycleId: string;
  peerGroupId: string;
  decisionNo: string;
  decidedOn: Date;
  issuer: string;
  reason: string;
  ratePercent: number | null;
  createdById: string;
  createdAt: Date;
}

export interface RatingDecisionRow {
  id: string;
  recordId: string;
  level: RatingLevel;
  reason: string | null;
  decidedById: string;
  decidedAt: Date;
  supersededAt: Date | null;
}

export interface RemediationItemRow {
  id: string;
  memberId: string;
  year: number;
  shortcoming: string;
  measures: string;
  responsible: string;
  deadline: Date;
  status: RemediationStatus;
  updatedAt: Date;
}

/** One task of the register (sổ theo dõi nhiệm vụ) of a member or an organization (lib/demo/tasks.ts). */
export interface TaskRow {
  id: string;
  subjectKind: SubjectKind;
  memberId: string | null;
  organizationId: string | null;
  year: number;
  title: string;
  source: string;
  assignedOn: Date;
  dueOn: Date;
  expectedProduct: string;
  qualityMeasure: string;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  doneOn: Date | null;
  product: string | null;
  productLink: string | null;
  exceeded: boolean;
  exceededGrounds: string | null;
  notDoneReason: string | null;
  forceMajeure: boolean;
  returnReason: string | null;
  reportedAt: Date | null;
  confirmedAt: Date | null;
  confirmedById: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A small evidence file of a task's product, bytes in the database. */
export interface TaskFileRow {
  id: string;
  taskId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Uint8Array<ArrayBuffer>;
  uploadedById: string | null;
  createdAt: Date;
}

/** A leader's or an organization's quarter: its own assessment and the committee's confirmation. */
export interface TaskQuarterReviewRow {
  id: string;
  subjectKind: SubjectKind;
  memberId: string | null;
  organizationId: string | null;
  year: number;
  quarter: number;
  selfLevel: RatingLevel | null;
  selfNote: string | null;
  selfAt: Date | null;
  confirmedLevel: RatingLevel | null;
  confirmedNote: string | null;
  confirmedAt: Date | null;
  confirmedById: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A demo account as built, with the ids a test needs to act as it. */
export interface BuiltAccount extends Omit<DemoAccount, "username"> {
  /** The demo username, suffixed with ".<namespace>" in a namespaced fixture. */
  username: string;
  userId: string;
  organizationId: string;
  memberId: string | null;
  memberCellId: string | null;
}

/** The review rows of all cycles: what lib/demo/reviews.ts builds. */
export interface ReviewBuild {
  cycles: ReviewCycleRow[];
  scoreSheets: ScoreSheetRow[];
  peerGroups: PeerGroupRow[];
  quotaOverrides: QuotaOverrideRow[];
  records: ReviewRecordRow[];
  selfReviews: SelfReviewRow[];
  opinions: OpinionRow[];
  meetings: MeetingRow[];
  decisions: RatingDecisionRow[];
  remediationItems: RemediationItemRow[];
  /** The task register of the cycle that uses it (the current year under QD366_HD43). */
  tasks: TaskRow[];
  taskFiles: TaskFileRow[];
  taskQuarterReviews: TaskQuarterReviewRow[];
}

export interface DemoDataset extends ReviewBuild {
  organizations: OrganizationRow[];
  closure: OrgClosureRow[];
  members: MemberRow[];
  cellAssignments: CellAssignmentRow[];
  civilServiceRatings: CivilServiceRatingRow[];
  disciplines: DisciplineRow[];
  leaves: LeaveRow[];
  users: UserRow[];
  roleAssignments: RoleAssignmentRow[];
  accounts: BuiltAccount[];
}
