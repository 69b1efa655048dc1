// What a member reads of their own record while the committees work on it. PURE.
//
// The cell's proposal is voted at the meeting in the member's presence (HD 43: the cell discusses each
// self-review and votes, the member taking part) and the minutes record it: the member reads it as soon as
// the minutes are finalized. What the committees decide after that — the level, its reason, a proposal
// sent back, a plan of remediation that would betray a "Không hoàn thành nhiệm vụ" — reaches the member when
// the result is published to the unit (SPEC "After the decision"), on every page and answer alike: the
// record's page and its history, the member's page, the home page, the remediation panel. The member does
// see the record's stage ("Đã quyết định xếp loại. Chờ công khai kết quả."): that the committee has
// decided is part of the calendar, what it decided is not.
//
// Officers of the unit (anyone who reads the unit's members, not only their own) read the record as the
// committee does, their own included.

import type { RecordState } from "./workflow";

/** Whether the committees' decision on a record is public to its member. */
export function decisionPublic(state: RecordState | string): boolean {
  return state === "PUBLISHED";
}

/**
 * Audit actions whose contents are the committees' deliberation: before publication the member's history
 * says that they happened (and the stage they moved the record to), not what they said.
 */
export const DELIBERATION_ACTIONS: ReadonlySet<string> = new Set(["record.decide", "record.sendBack", "record.rerateProposal", "remediation.plan"]);

/** The audit row's data as the member may read it before publication: the stages only, marked as withheld. */
export function withheldData(data: unknown): { before: { state?: unknown }; after: { state?: unknown }; withheld: true } {
  const d = data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const state = (side: unknown) => (side !== null && typeof side === "object" && "state" in side ? { state: (side as { state: unknown }).state } : {});
  return { before: state(d.before), after: state(d.after), withheld: true };
}

/**
 * Which of a record's audit rows the member reads withheld: the deliberation written since the last
 * publication (all of it when the record was never published), unless the record stands published now.
 */
export function isWithheld(entry: { action: string; at: Date }, record: { state: RecordState | string; lastPublishedAt: Date | null }): boolean {
  if (decisionPublic(record.state) || !DELIBERATION_ACTIONS.has(entry.action)) return false;
  return record.lastPublishedAt === null || entry.at > record.lastPublishedAt;
}
