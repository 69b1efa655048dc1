import type { Level, RuleSetId } from "@/lib/grading";
import type { ScoreSheetContent } from "@/lib/grading/score-sheet";
import type { RecordState } from "./workflow";

// Every change of state is audited in the transaction that makes it (lib/data/command.ts). This is the one
// list of what an audit row may say: each action's name, the kind of row it is about, and the shape of its
// `data`. The writers (lib/data) are type-checked against it, and the history's sentences
// (lib/review/history.ts) must have one per action — a test fails for an action without a sentence.
//
// To audit a new change: add its name here with its entity and payload, then its sentence in history.ts
// and in the `cell.history.actions` messages (vi and en).

/** The states of a record before and after a change, with the levels that moved with it. */
type RecordSide = { state: RecordState; selfLevel?: Level | null; proposedLevel?: Level | null; decidedLevel?: Level | null; notRatedReason?: string | null };
type StateChange<Extra = object> = { before: RecordSide; after: RecordSide } & Extra;
/** A vote as the minutes record it. */
type Tally = Readonly<Record<string, number>>;
/** An opinion as its history shows it. */
type OpinionSnapshot = { givenBy: string; givenOn: string; text: string };
/** The decision that orders a result rated again (366 Điều 15). */
type RerateDecisionNamed = { id: string; decisionNo: string; decidedOn: string; issuer: string };
/** What a member's profile edit changes; the member themself changes only the residence and the e-mail. */
type MemberProfileFacts = { post: string | null; residenceCell: string | null; email: string | null; category: string; isCivilServant: boolean };
/** A fact of a record as its column stores it: a count, a yes/no, a total in tenths, or not entered. */
type FactValue = number | boolean | null | Readonly<Record<string, number>>;
type RemediationStatus = "OPEN" | "IN_PROGRESS" | "DONE";

/** A cycle's plan: its deadlines (written as ISO strings) and the base its cells' votes are counted on. */
type CyclePlan = { selfReviewDue: Date; meetingsDue: Date; grassrootsDue: Date; upperDecisionDue: Date; adoptionBase: "REQUIRED" | "PRESENT" };

/** A task as its history shows it (lib/review/tasks.ts): what it is, and its result when one is reported. */
type TaskSnapshot = { title: string; source: string; assignedOn: string; dueOn: string; expectedProduct: string; qualityMeasure: string };
type TaskResultSnapshot =
  | { outcome: "DONE"; doneOn: string; product: string; productLink: string; exceeded: boolean; exceededGrounds: string }
  | { outcome: "NOT_DONE"; notDoneReason: string; forceMajeure: boolean };
/** The task facts of §7.4 as a record stores them. */
type TaskFacts = { assigned: number | null; completed: number | null; onTime: number | null; exceeded: number | null };
type QuarterAssessment = { year: number; quarter: number; level: Level; note: string };

/** Data written as it was before the rows were typed: read defensively by the history. */
type Loose = Record<string, unknown>;

export interface AuditPayloads {
  // ── Accounts and sessions (lib/data/actors.ts, passwords.ts, sessions.ts, users.ts)
  "user.sign-in": undefined;
  "user.sign-in-failed": undefined;
  "user.password": { endedSessions: number };
  "user.locale": { before: string | null; after: string };
  "session.revoke": { reason: "sign-out" | "self" | "administrator"; sessions: number };

  // ── Cycles and their score sheets (lib/data/cycles.ts)
  "cycle.open": { year: number; ruleSet: RuleSetId; peerGroups: number; memberRecords: number; organizationRecords: number };
  "cycle.deadlines": { before: CyclePlan; after: CyclePlan };
  "cycle.startSelfReviews": { before: { status: "PREPARING" }; after: { status: "SELF_REVIEW" } };
  "scoreSheet.update": { framework: string; before: unknown; after: ScoreSheetContent };

  // ── The register (lib/data/members.ts, import.ts)
  "member.update": { before: MemberProfileFacts; after: Partial<MemberProfileFacts> };
  "register.import": {
    rows: number;
    orgsNew: number;
    orgsChanged: number;
    membersNew: number;
    membersChanged: number;
    changedMembers: { id: string; before: object }[];
  };

  // ── A member's record (lib/data/self-reviews.ts, opinions.ts, record-facts.ts, not-rated.ts, meetings.ts)
  "selfReview.submit": StateChange;
  "selfReview.submitOnBehalf": StateChange;
  "selfReview.return": StateChange<{ reason: string }>;
  "opinion.add": { opinionId: string; source: string; after: OpinionSnapshot };
  "opinion.edit": { opinionId: string; source: string; before: OpinionSnapshot; after: OpinionSnapshot };
  "opinion.delete": { opinionId: string; source: string; before: OpinionSnapshot };
  "record.facts": {
    memberId: string | null;
    before: { scoreItems: unknown; [column: string]: unknown };
    after: { scoreItems: Readonly<Record<string, number>>; [column: string]: FactValue };
  };
  "record.notRated": StateChange<{ reason?: string }>;
  "record.reinstate": StateChange<{ reason: string }>;
  "record.notRatedConfirm": StateChange<{ reason: string }>;
  "record.notRatedReject": StateChange<{ reason: string }>;
  "meeting.finalize": { reviewed: { recordId: string; level: Level; tally: Tally }[]; absent: string[]; votersPresent: number };
  "record.review": StateChange<{ tally: Tally; meetingId: string }>;
  "record.absent": StateChange<{ meetingId: string }>;
  "record.rereview": StateChange<{ tally: Tally; heldOn: string; reason?: string | null }>;

  // ── The committees' decisions (lib/data/decisions.ts, unit-ratings.ts, rerating.ts, remediation.ts)
  "record.decide": StateChange<{ proposedLevel: Level | null; reason?: string }>;
  "record.publish": StateChange<{ level: Level | null }>;
  "record.sendBack": StateChange<{ reason: string }>;
  "decisions.publish": { cycleId: string; published: number };
  "quota.override": { group: string; decisionNo: string; decidedOn: string; issuer: string; reason: string; ratePercent: number | null };
  "record.rerate": StateChange<{ decision: RerateDecisionNamed; reason: string }>;
  "record.rerateProposal": { reason: string; proposalId: string };
  "unit.propose": StateChange<{ after: RecordSide & Loose; note?: string }>;
  "unit.selfRate": StateChange<{ after: RecordSide & Loose; note?: string }>;
  "unit.verify": StateChange<{ note: string }>;
  "unit.returnRating": StateChange<{ reason: string }>;
  "unit.sendBackUnit": StateChange<{ reason: string }>;
  "unit.sendBackRating": StateChange<{ reason: string }>;
  "remediation.plan": { items: { shortcoming: string; measures: string; responsible: string; deadline: string }[] };
  "remediation.status": { before: { status: RemediationStatus }; after: { status: RemediationStatus } };

  // ── The task register (lib/data/tasks.ts, task-files.ts, task-quarters.ts)
  "task.declare": { after: TaskSnapshot };
  "task.edit": { before: TaskSnapshot; after: TaskSnapshot };
  "task.report": { result: TaskResultSnapshot; before: { status: string } };
  "task.confirm": { result: TaskResultSnapshot | null };
  "task.return": { reason: string };
  "task.correct": { reason: string; before: TaskResultSnapshot | null; after: TaskResultSnapshot };
  "task.withdraw": { reason: string; before: TaskSnapshot };
  "task.fileAdd": { fileId: string; fileName: string; size: number; sha256: string };
  "task.fileRemove": { fileId: string; fileName: string };
  "task.import": { file: string; rows: number; created: number };
  "taskQuarter.assess": { before: QuarterAssessment | null; after: QuarterAssessment };
  "taskQuarter.confirm": { before: { level: Level | null; note: string | null }; after: { level: Level; note: string }; self: QuarterAssessment };
  "record.taskFacts": { before: TaskFacts; after: TaskFacts; taskId: string | null };
  "cycle.taskRegister": { before: boolean; after: boolean; records: number };

  // ── Reminders (lib/data/reminders.ts)
  "reminder.send": { sentOn: string; records: string[] };
  "reminder.dismiss": { dismissed: number };

  // ── The database itself (scripts/db-backup.mjs writes it in SQL on a restore)
  "database.restore": Loose;
}

export type AuditAction = keyof AuditPayloads;

/** The kind of row each action is about: the audit row's entityType. */
export const AUDIT_ENTITY = {
  "user.sign-in": "User",
  "user.sign-in-failed": "SignIn",
  "user.password": "User",
  "user.locale": "User",
  "session.revoke": "User",
  "cycle.open": "ReviewCycle",
  "cycle.deadlines": "ReviewCycle",
  "cycle.startSelfReviews": "ReviewCycle",
  "scoreSheet.update": "ScoreSheet",
  "member.update": "Member",
  "register.import": "RegisterImport",
  "selfReview.submit": "ReviewRecord",
  "selfReview.submitOnBehalf": "ReviewRecord",
  "selfReview.return": "ReviewRecord",
  "opinion.add": "ReviewRecord",
  "opinion.edit": "ReviewRecord",
  "opinion.delete": "ReviewRecord",
  "record.facts": "ReviewRecord",
  "record.notRated": "ReviewRecord",
  "record.reinstate": "ReviewRecord",
  "record.notRatedConfirm": "ReviewRecord",
  "record.notRatedReject": "ReviewRecord",
  "meeting.finalize": "Meeting",
  "record.review": "ReviewRecord",
  "record.absent": "ReviewRecord",
  "record.rereview": "ReviewRecord",
  "record.decide": "ReviewRecord",
  "record.publish": "ReviewRecord",
  "record.sendBack": "ReviewRecord",
  "decisions.publish": "Organization",
  "quota.override": "PeerGroup",
  "record.rerate": "ReviewRecord",
  "record.rerateProposal": "ReviewRecord",
  "unit.propose": "ReviewRecord",
  "unit.selfRate": "ReviewRecord",
  "unit.verify": "ReviewRecord",
  "unit.returnRating": "ReviewRecord",
  "unit.sendBackUnit": "ReviewRecord",
  "unit.sendBackRating": "ReviewRecord",
  "remediation.plan": "ReviewRecord",
  "remediation.status": "RemediationItem",
  "task.declare": "Task",
  "task.edit": "Task",
  "task.report": "Task",
  "task.confirm": "Task",
  "task.return": "Task",
  "task.correct": "Task",
  "task.withdraw": "Task",
  "task.fileAdd": "Task",
  "task.fileRemove": "Task",
  "task.import": "TaskImport",
  "taskQuarter.assess": "TaskQuarterReview",
  "taskQuarter.confirm": "TaskQuarterReview",
  "record.taskFacts": "ReviewRecord",
  "cycle.taskRegister": "ReviewCycle",
  "reminder.send": "Organization",
  "reminder.dismiss": "ReviewRecord",
  "database.restore": "Backup",
} as const satisfies Record<AuditAction, string>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ENTITY) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ENTITY, action);
}
