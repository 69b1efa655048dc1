// The order of the review's steps (366 Điều 7 khoản 3, Điều 12 khoản 2; HD 43 mục 4): members are
// reviewed and rated before the organization that leads them rates itself, and each level rates what is
// below it before it is rated. Pure: the use cases count what is still open and ask here what is missing.

/** What a unit's rating waits for. */
export type OrderGap =
  /** A cell proposes its own level at the meeting that reviewed its members: the minutes come first. */
  | { code: "MINUTES_NOT_FINALIZED" }
  /** A grassroots organization rates itself once its members have their decided levels (or are not rated)… */
  | { code: "MEMBERS_NOT_DECIDED"; count: number }
  /** …and its subordinate cells and đảng bộ bộ phận theirs. */
  | { code: "SUBORDINATES_NOT_DECIDED"; count: number };

/** Where a unit stands in its review, as the use case counted it. */
export interface UnitProgress {
  /** The unit holds the members' review meeting itself (a chi bộ): are its minutes finalized? */
  holdsMeeting: boolean;
  minutesFinalized: boolean;
  /** Records below the unit still without a decided level: members (not rated excepted), and units. */
  membersUndecided: number;
  subordinatesUndecided: number;
}

/** What a unit's own proposal (a cell) or self-rating (a grassroots organization) still waits for. */
export function selfRatingGaps(kind: "SUBORDINATE" | "GRASSROOTS", progress: UnitProgress): OrderGap[] {
  const gaps: OrderGap[] = [];
  if (progress.holdsMeeting && !progress.minutesFinalized) gaps.push({ code: "MINUTES_NOT_FINALIZED" });
  if (kind === "GRASSROOTS") {
    if (progress.membersUndecided > 0) gaps.push({ code: "MEMBERS_NOT_DECIDED", count: progress.membersUndecided });
    if (progress.subordinatesUndecided > 0) gaps.push({ code: "SUBORDINATES_NOT_DECIDED", count: progress.subordinatesUndecided });
  }
  return gaps;
}

/** States in which a record has its level for the year, or is out of the rating. */
export const SETTLED_STATES = ["DECIDED", "PUBLISHED", "NOT_RATED"] as const;
