// Expected failures: a code the UI turns into a sentence in the user's language (messages "errors.*").
// Anything else is a bug: logged with an id and shown as a generic message carrying that id.

export type DomainErrorCode =
  | "NOT_FOUND"
  | "STALE_EDIT"
  | "INVALID_INPUT"
  | "CYCLE_CLOSED"
  | "CYCLE_NOT_EDITABLE"
  | "CYCLE_EXISTS"
  | "CYCLE_ALREADY_STARTED"
  | "SHEET_FROZEN"
  | "FACTS_LOCKED"
  | "OWN_RECORD"
  | "OWN_PROFILE_FACTS"
  | "TRY_LATER"
  | "TRANSITION_NOT_ALLOWED"
  | "SELF_REVIEW_LOCKED"
  | "SELF_REVIEW_INCOMPLETE"
  | "MINUTES_FINALIZED"
  | "MINUTES_INCOMPLETE"
  | "QUORUM_NOT_MET"
  | "VOTE_NOT_ADOPTED"
  | "OPINIONS_LOCKED"
  | "OPINION_EXISTS"
  | "OPINION_OWN_RECORD"
  | "QUOTA_EXCEEDED"
  | "OVERRIDE_EXISTS"
  | "DECISIONS_REFUSED"
  | "LEVEL_REFUSED"
  | "ORDER_OF_WORK"
  | "NOT_RATED_FACTS"
  | "RERATE_DECISION_REQUIRED"
  | "NOTHING_TO_PUBLISH"
  | "REMEDIATION_NOT_NEEDED"
  | "REMINDER_NOT_DUE"
  | "TASK_STATE"
  | "OWN_TASK"
  | "TASK_PAST_DUE"
  | "TASK_FILE_LIMIT";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly fieldErrors?: Record<string, string>,
    /** Values the message names (a record's name, a refusal's cause), e.g. "{name}: {reason}". */
    readonly values?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}
