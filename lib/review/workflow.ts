import { can, type Actor, type Permission, type Target } from "@/lib/review/permissions";

// Where a review record stands and who may move it where (lib/review/README.md). PURE: the server
// asks it inside the transaction of a use case (load → authorize → this → rating rules → write + audit),
// the UI asks the same functions to show or hide a control. The transitions are data: adding the
// organizations' half (the committees' self-reviews, the upper board's verification, the standing
// committee's decision) is adding rows to TRANSITIONS, and permissions to lib/review/permissions.ts.

/** The Prisma enum RecordState, restated here because pure modules do not import Prisma. */
export const RECORD_STATES = [
  "DRAFT", // no self-review submitted yet
  "SUBMITTED", // self-review submitted
  "RETURNED", // sent back to its author to correct
  "REVIEWED", // reviewed at the meeting, with a proposed level and its vote
  "DECIDED", // the competent committee decided the level
  "PUBLISHED", // the level is made public (công khai)
  "ABSENT", // absent from the meeting: reviewed as soon as possible
  "NOT_RATED", // not rated, with a NotRatedReason
  "UNDER_REREVIEW", // reviewed again after a complaint or an order from above
] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** The Prisma enum NotRatedReason (the rules' reasons, and OTHER for a case the secretary explains). */
export const NOT_RATED_REASONS = ["EXEMPT", "SUSPENDED", "NEW_MEMBER", "NEW_ORGANIZATION", "OTHER"] as const;
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

/**
 * Whose record: a member's, a subordinate unit's (chi bộ trực thuộc, đảng bộ bộ phận: its level is
 * decided by the grassroots committee above it), or a grassroots organization's (đảng bộ cơ sở, chi bộ
 * cơ sở: verified by the upper board, decided by the upper standing committee). 366 Điều 12, Bước 3.
 */
export const RECORD_KINDS = ["MEMBER", "SUBORDINATE", "GRASSROOTS"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Grassroots organizations are decided by the upper committee; cells and đảng bộ bộ phận by their grassroots committee. */
export function recordKindOf(orgKind: string): Exclude<RecordKind, "MEMBER"> {
  return orgKind === "DANG_BO_CO_SO" || orgKind === "CHI_BO_CO_SO" ? "GRASSROOTS" : "SUBORDINATE";
}

/** What a use case must collect with a transition before it may apply it. */
export type TransitionInput =
  | "reason" // a written reason, kept in the audit row
  | "vote" // the proposed level and the tally that adopted it (meeting.ts)
  | "notRatedReason" // one of NOT_RATED_REASONS
  | "level"; // the decided level (its reason too when it differs from the proposal)

export interface Transition {
  name: string;
  from: readonly RecordState[];
  to: RecordState;
  /** The one permission that grants it, checked with `can` against the record's unit. */
  permission: Permission;
  kinds: readonly RecordKind[];
  /**
   * "only": the actor's own record alone; "forbidden": never the actor's own record; "any": either.
   * A unit's record is the actor's own when they hold an office in that very unit.
   */
  ownRecord: "only" | "forbidden" | "any";
  requires: readonly TransitionInput[];
}

const MEMBER_ONLY = ["MEMBER"] as const;
const SUBORDINATE = ["SUBORDINATE"] as const;
const GRASSROOTS = ["GRASSROOTS"] as const;
const ALL_KINDS = RECORD_KINDS;

export const TRANSITIONS = [
  // 366 Điều 12 Bước 1: the member writes and submits their own self-review; an absent member may still send it in.
  {
    name: "submit",
    from: ["DRAFT", "RETURNED", "ABSENT"],
    to: "SUBMITTED",
    permission: "assessment:submit",
    kinds: MEMBER_ONLY,
    ownRecord: "only",
    requires: [],
  },
  // The app's choice: the secretary types in a paper self-review for a member without a device.
  {
    name: "submitOnBehalf",
    from: ["DRAFT", "RETURNED", "ABSENT"],
    to: "SUBMITTED",
    permission: "minutes:write",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: [],
  },
  // The app's choice: a submitted form is read-only unless the secretary returns it, saying what to correct.
  { name: "return", from: ["SUBMITTED"], to: "RETURNED", permission: "minutes:write", kinds: MEMBER_ONLY, ownRecord: "forbidden", requires: ["reason"] },
  // RecordState ABSENT: a member absent from the meeting is reviewed as soon as possible.
  {
    name: "markAbsent",
    from: ["DRAFT", "SUBMITTED", "RETURNED"],
    to: "ABSENT",
    permission: "minutes:write",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: [],
  },
  // HD 43 Mục 2, 2.1 and rating-rules §7.1: exempt, suspended and new members are not reviewed; the reason is kept.
  {
    name: "markNotRated",
    from: ["DRAFT", "SUBMITTED", "RETURNED", "ABSENT"],
    to: "NOT_RATED",
    permission: "minutes:write",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: ["notRatedReason"],
  },
  // A reason that no longer holds (a suspension lifted before the meeting): the member is reviewed after all.
  { name: "reinstate", from: ["NOT_RATED"], to: "DRAFT", permission: "minutes:write", kinds: MEMBER_ONLY, ownRecord: "forbidden", requires: ["reason"] },
  // HD 43 lists who is not rated; any other reason the cell gives is its proposal, which the grassroots
  // committee confirms with its grounds (the record stays NOT_RATED, now confirmed) or turns down (the
  // member is reviewed after all).
  {
    name: "confirmNotRated",
    from: ["NOT_RATED"],
    to: "NOT_RATED",
    permission: "rating:decide",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: ["reason"],
  },
  { name: "rejectNotRated", from: ["NOT_RATED"], to: "DRAFT", permission: "rating:decide", kinds: MEMBER_ONLY, ownRecord: "forbidden", requires: ["reason"] },
  // 366 Điều 12 Bước 2: the cell's meeting reviews the member and votes the proposed level (finalizing the minutes).
  {
    name: "review",
    from: ["SUBMITTED", "ABSENT"],
    to: "REVIEWED",
    permission: "minutes:write",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: ["vote"],
  },
  // 366 Điều 12 Bước 3: the competent committee decides the level (rating-rules §5, §7.8 for the quota);
  // until it is published, it may decide again (the earlier decision stays, superseded).
  {
    name: "decide",
    from: ["REVIEWED", "DECIDED"],
    to: "DECIDED",
    permission: "rating:decide",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: ["level"],
  },
  // 366 Điều 15: the result is made public.
  { name: "publish", from: ["DECIDED"], to: "PUBLISHED", permission: "rating:decide", kinds: MEMBER_ONLY, ownRecord: "forbidden", requires: [] },
  // 366 Điều 12 Bước 2–3: a proposal the committee does not accept goes back to the cell, with a reason.
  { name: "sendBack", from: ["REVIEWED"], to: "UNDER_REREVIEW", permission: "rating:decide", kinds: MEMBER_ONLY, ownRecord: "forbidden", requires: ["reason"] },
  // 366 Điều 15: the deciding body revises its result after a complaint; the superseded decision stays.
  {
    name: "reopen",
    from: ["DECIDED", "PUBLISHED"],
    to: "UNDER_REREVIEW",
    permission: "rating:decide",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: ["reason"],
  },
  // 366 Điều 12 Bước 3: the upper committee orders a check and a new rating; the superseded decision stays.
  {
    name: "startRereview",
    from: ["DECIDED", "PUBLISHED"],
    to: "UNDER_REREVIEW",
    permission: "rating:rereview",
    kinds: ALL_KINDS,
    ownRecord: "forbidden",
    requires: ["reason"],
  },
  // The cell reviews the member again and votes; the committee then decides anew.
  {
    name: "finishRereview",
    from: ["UNDER_REREVIEW"],
    to: "REVIEWED",
    permission: "minutes:write",
    kinds: MEMBER_ONLY,
    ownRecord: "forbidden",
    requires: ["vote"],
  },

  // ── A subordinate unit (chi bộ trực thuộc): it rates itself at its meeting, the grassroots committee decides.
  // 366 Điều 12 Bước 2: the cell's collective review and its own proposed level, recorded by its secretary.
  {
    name: "proposeUnit",
    from: ["DRAFT", "REVIEWED", "UNDER_REREVIEW"],
    to: "REVIEWED",
    permission: "minutes:write",
    kinds: SUBORDINATE,
    ownRecord: "any",
    requires: ["level"],
  },
  // 366 Điều 12 Bước 3: the grassroots committee decides its subordinate units' levels (rating-rules §5 per peer group).
  {
    name: "decideUnit",
    from: ["REVIEWED", "DECIDED"],
    to: "DECIDED",
    permission: "rating:decide",
    kinds: SUBORDINATE,
    ownRecord: "forbidden",
    requires: ["level"],
  },
  { name: "publishUnit", from: ["DECIDED"], to: "PUBLISHED", permission: "rating:decide", kinds: SUBORDINATE, ownRecord: "forbidden", requires: [] },
  {
    name: "sendBackUnit",
    from: ["REVIEWED", "DECIDED", "PUBLISHED"],
    to: "UNDER_REREVIEW",
    permission: "rating:decide",
    kinds: SUBORDINATE,
    ownRecord: "forbidden",
    requires: ["reason"],
  },

  // ── A grassroots organization: it rates itself, the upper board verifies, the standing committee decides.
  // 366 Điều 12 Bước 2: the committee's self-rating of its organization, with the facts and a proposed level.
  {
    name: "selfRate",
    from: ["DRAFT", "RETURNED", "UNDER_REREVIEW"],
    to: "SUBMITTED",
    permission: "rating:decide",
    kinds: GRASSROOTS,
    ownRecord: "only",
    requires: ["level"],
  },
  // 366 Điều 12 Bước 3: the organization board verifies (thẩm định) and proposes a level, with its comment.
  {
    name: "verify",
    from: ["SUBMITTED", "REVIEWED"],
    to: "REVIEWED",
    permission: "rating:verify",
    kinds: GRASSROOTS,
    ownRecord: "forbidden",
    requires: ["level", "reason"],
  },
  // The board sends an incomplete self-rating back to the committee, saying what is missing.
  { name: "returnRating", from: ["SUBMITTED"], to: "RETURNED", permission: "rating:verify", kinds: GRASSROOTS, ownRecord: "forbidden", requires: ["reason"] },
  // 366 Điều 12 Bước 3: the upper standing committee decides the grassroots organizations' levels.
  {
    name: "approve",
    from: ["REVIEWED", "DECIDED"],
    to: "DECIDED",
    permission: "rating:approve",
    kinds: GRASSROOTS,
    ownRecord: "forbidden",
    requires: ["level"],
  },
  { name: "publishApproved", from: ["DECIDED"], to: "PUBLISHED", permission: "rating:approve", kinds: GRASSROOTS, ownRecord: "forbidden", requires: [] },
  // The standing committee sends a rating back for the committee to rate again, with a reason.
  {
    name: "sendBackRating",
    from: ["SUBMITTED", "REVIEWED", "DECIDED", "PUBLISHED"],
    to: "UNDER_REREVIEW",
    permission: "rating:approve",
    kinds: GRASSROOTS,
    ownRecord: "forbidden",
    requires: ["reason"],
  },
] as const satisfies readonly Transition[];

export type TransitionName = (typeof TRANSITIONS)[number]["name"];
export const TRANSITION_NAMES: readonly TransitionName[] = TRANSITIONS.map((t) => t.name);

const BY_NAME = new Map<string, Transition>(TRANSITIONS.map((t) => [t.name, t]));

export function transitionNamed(name: string): Transition | undefined {
  return BY_NAME.get(name);
}

/** The record a transition is asked about. */
export interface RecordContext {
  state: RecordState;
  kind: RecordKind;
  /**
   * The record's unit and its ancestors (closure table); memberId for a member's record. For a unit's
   * record the first ancestor is the unit itself.
   */
  target: Target;
}

/** The transitions that leave a state, whoever asks. */
export function transitionsFrom(state: RecordState, kind: RecordKind): Transition[] {
  return TRANSITIONS.filter((t) => (t.from as readonly RecordState[]).includes(state) && (t.kinds as readonly RecordKind[]).includes(kind));
}

/** Where a transition takes a record, or null when it does not leave that state for that kind. */
export function nextState(name: string, record: Pick<RecordContext, "state" | "kind">): RecordState | null {
  const t = BY_NAME.get(name);
  return t && t.from.includes(record.state) && (t.kinds as readonly RecordKind[]).includes(record.kind) ? t.to : null;
}

/** Why a transition is refused; null when it is allowed. For logs and tests: the user sees one code. */
export type Refusal = "UNKNOWN" | "KIND" | "STATE" | "OWN_RECORD" | "PERMISSION";

export function refusal(actor: Actor, name: string, record: RecordContext): Refusal | null {
  const t = BY_NAME.get(name);
  if (!t) return "UNKNOWN";
  if (!t.kinds.includes(record.kind)) return "KIND";
  if (!t.from.includes(record.state)) return "STATE";
  // A member's record must say whose it is, or nobody could be kept off their own.
  if (record.kind === "MEMBER" && record.target.memberId === undefined) return "PERMISSION";
  const own = isOwnRecord(actor, record);
  // Nobody acts on their own record but to submit their self-review (docs/security.md, "Scope");
  // a committee rates its own organization but never decides it.
  if (t.ownRecord === "only" && !own) return "OWN_RECORD";
  if (t.ownRecord === "forbidden" && own) return "OWN_RECORD";
  return can(actor, t.permission, record.target) ? null : "PERMISSION";
}

/** A member's own record, or the record of a unit in which the actor holds an office. */
export function isOwnRecord(actor: Actor, record: Pick<RecordContext, "kind" | "target">): boolean {
  if (record.kind === "MEMBER") return actor.memberId !== null && record.target.memberId === actor.memberId;
  const unit = record.target.organizationAncestry[0];
  return unit !== undefined && actor.roles.some((grant) => grant.organizationId === unit);
}

export function canTransition(actor: Actor, name: string, record: RecordContext): boolean {
  return refusal(actor, name, record) === null;
}

/** The transitions this actor may apply to this record now: the controls a screen shows. */
export function availableTransitions(actor: Actor, record: RecordContext): Transition[] {
  return transitionsFrom(record.state, record.kind).filter((t) => canTransition(actor, t.name, record));
}

export type WorkflowErrorCode = "TRANSITION_NOT_ALLOWED";

/** An expected refusal; the server turns it into DomainError(code) (lib/errors.ts). */
export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    readonly transition: string,
    readonly state: RecordState,
    readonly refusal: Refusal,
  ) {
    super(code);
    this.name = "WorkflowError";
  }
}

/** The transition, and the state it leads to, when the actor may apply it; throws WorkflowError otherwise. */
export function assertTransition(actor: Actor, name: string, record: RecordContext): Transition {
  const why = refusal(actor, name, record);
  if (why !== null) throw new WorkflowError("TRANSITION_NOT_ALLOWED", name, record.state, why);
  return BY_NAME.get(name)!;
}
