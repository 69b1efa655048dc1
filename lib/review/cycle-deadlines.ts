// When a cycle's deadlines may be changed, and which days they may fall on. PURE.

/** A cycle published to the members, or closed, is the record of what was decided: its plan stays as it was. */
const FROZEN_STATUSES = ["PUBLISHED", "CLOSED"] as const;

export function deadlinesEditable(status: string): boolean {
  return !(FROZEN_STATUSES as readonly string[]).includes(status);
}

export const DEADLINE_FIELDS = ["selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"] as const;
export type DeadlineField = (typeof DEADLINE_FIELDS)[number];

/**
 * The deadlines of a review year fall in that year or the next (HD 43 Mục 4: the review closes before
 * 31 December, results go up in January): anything else is a typing slip such as 1900 or 9999.
 * Returns the fields outside that window.
 */
export function deadlinesOutsideYear(year: number, deadlines: Record<DeadlineField, string>): DeadlineField[] {
  const from = `${year}-01-01`;
  const to = `${year + 1}-12-31`;
  return DEADLINE_FIELDS.filter((field) => deadlines[field] < from || deadlines[field] > to);
}
