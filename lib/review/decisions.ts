// Direct imports, not the barrel: this module runs in the browser, which need not load the input schema.
import { checkQuota, type QuotaRule } from "@/lib/grading/quota";
import type { Level, QuotaBase, QuotaCheck } from "@/lib/grading/types";
import type { RecordState } from "./workflow";

// What a committee's decision desk counts, PURE: the same functions run in the browser as levels are
// chosen and in the transaction that saves them, so the screen and the server never disagree.

/** One record of a peer group as the desk sees it. */
export interface GroupMember {
  state: RecordState;
  proposedLevel: Level | null;
  decidedLevel: Level | null;
}

/** The level a record stands at now: the decision once decided, else the cell's proposal. */
export function standingLevel(record: GroupMember): Level | null {
  if (record.state === "DECIDED" || record.state === "PUBLISHED") return record.decidedLevel;
  if (record.state === "REVIEWED" || record.state === "UNDER_REREVIEW" || record.state === "SUBMITTED") return record.proposedLevel;
  return null;
}

/**
 * The 20 % rule as a committee applies it while deciding (docs/rating-rules.md §5, §7.8): the pool is
 * every record of the group that stands at EXCELLENT or GOOD (decided, or proposed and not yet
 * decided); EXCELLENT counts only what has been decided. So a committee may decide a group in several
 * sittings: an EXCELLENT decided early is checked against the whole group, and the proposals not yet
 * decided can only lower the count. Once the whole group is decided it is exactly rating-rules §5.
 */
export function decidedGroupCheck(records: readonly GroupMember[], quotaBase: QuotaBase, overridden: boolean, rule: QuotaRule): QuotaCheck {
  let excellent = 0;
  let pool = 0;
  for (const record of records) {
    const level = standingLevel(record);
    if (level === "EXCELLENT" || level === "GOOD") pool++;
    if (level === "EXCELLENT" && (record.state === "DECIDED" || record.state === "PUBLISHED")) excellent++;
  }
  return checkQuota({ excellent, good: pool - excellent }, quotaBase, overridden, rule);
}

/** Flags a committee sees at decision time (HD 02-HD/BTCTW 2021; commendation after five years). */
export type YearFlag = "NOT_COMPLETED_TWICE" | "EXCELLENT_FIVE_YEARS";

/**
 * `earlier`: the levels decided in the previous years, most recent first (null where the subject was not
 * rated or has no record). `level`: the level being decided now.
 */
export function yearFlags(earlier: readonly (Level | null)[], level: Level | null): YearFlag[] {
  const flags: YearFlag[] = [];
  // Two years running at NOT_COMPLETED: education and screening (HD 02-HD/BTCTW 2021).
  if (level === "NOT_COMPLETED" && earlier[0] === "NOT_COMPLETED") flags.push("NOT_COMPLETED_TWICE");
  // Five consecutive years at EXCELLENT, this one included: a candidate for commendation.
  if (level === "EXCELLENT" && earlier.length >= 4 && earlier.slice(0, 4).every((l) => l === "EXCELLENT")) flags.push("EXCELLENT_FIVE_YEARS");
  return flags;
}
