import { isAtLeast } from "./levels";
import type { LevelOrNotRated, SubjectVerdict } from "./types";

// What every path that stores a level asks before it writes — the server at each write, the browser
// before it sends: may this level stand for this subject under the rules? It is `proposalValid`
// (rating-rules §6) for any level, read off one verdict (a verdict depends on the proposal only through
// `proposalValid`), with the cause named so the refusal can explain itself.

/**
 * Why the rules refuse a level, most fundamental first:
 * - `NOT_RATED_BY_RULES`: the rules leave the subject out of rating (a new member, an exempt one…), so
 *   no level may be written — or "not rated" was asked of a subject the rules rate;
 * - `REVIEW_MISSING`, `SCORE_MISSING`: a fact without which no level can be decided is not given yet;
 * - `LEVEL_ABOVE_RULES`: the level is above the highest the facts allow (anything but NOT_COMPLETED when forced).
 */
export type LevelRefusal = "NOT_RATED_BY_RULES" | "REVIEW_MISSING" | "SCORE_MISSING" | "LEVEL_ABOVE_RULES";

/** Null when the rules accept `level` (by default the verdict's own proposal) for the subject; else why not. */
export function levelRefusal(
  verdict: Pick<SubjectVerdict, "rated" | "proposed" | "maxLevel" | "reasons">,
  level: LevelOrNotRated = verdict.proposed,
): LevelRefusal | null {
  if (!verdict.rated) return level === "NOT_RATED" ? null : "NOT_RATED_BY_RULES";
  if (level === "NOT_RATED") return "NOT_RATED_BY_RULES";
  // The facts without which no level is decidable (evaluate.ts: `undecidable` limits and reviewDone).
  if (verdict.reasons.includes("REVIEW_MISSING")) return "REVIEW_MISSING";
  if (verdict.reasons.includes("SCORE_MISSING")) return "SCORE_MISSING";
  return verdict.maxLevel !== null && isAtLeast(verdict.maxLevel, level) ? null : "LEVEL_ABOVE_RULES";
}
