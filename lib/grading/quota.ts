import { compareCodeUnits } from "./order";
import type { GroupCounts, Level, LevelOrNotRated, QuotaBase, QuotaCheck } from "./types";

// The 20 % rule per peer group (RULES §5), in whole numbers only: never a rounded percentage.

export const DEFAULT_QUOTA_BASE: QuotaBase = "GOOD_ONLY";

/**
 * The pool P = E + H holds at most ⌊P / d⌋ excellent subjects:
 * GOOD_ONLY, "E ≤ 20 % of those rated GOOD": 5·E ≤ H = P − E ⇔ 6·E ≤ P;
 * GOOD_AND_EXCELLENT, "E ≤ 20 % of those rated GOOD or above": 5·E ≤ P ⇔ 4·E ≤ H.
 */
const POOL_DIVISOR: Record<QuotaBase, number> = { GOOD_ONLY: 6, GOOD_AND_EXCELLENT: 5 };

// RULES §5 — [21] HD 21 II.B.2.3, [124] "không vượt quá 20%": a ceiling rounded down, never a target
export function maxExcellent(pool: number, quotaBase: QuotaBase = DEFAULT_QUOTA_BASE): number {
  const divisor = POOL_DIVISOR[quotaBase];
  return (pool - (pool % divisor)) / divisor;
}

// RULES §5, §6 — the group holds when excess is 0; an override of the competent committee lets it exceed, visibly
export function checkQuota(counts: GroupCounts, quotaBase: QuotaBase, overridden: boolean): QuotaCheck {
  const pool = counts.excellent + counts.good;
  const cap = maxExcellent(pool, quotaBase);
  const excess = Math.max(0, counts.excellent - cap);
  return {
    excellent: counts.excellent,
    good: counts.good,
    pool,
    maxExcellent: cap,
    excess,
    ok: excess === 0 || overridden,
    overridden,
  };
}

/** One subject's current proposal in a group; a SubjectVerdict fits. */
export interface GroupProposal {
  id: string;
  proposed: LevelOrNotRated;
  rated: boolean;
  /** The subject's highest allowed level, when known. */
  maxLevel?: Level | null;
}

/**
 * How to remove an excess. Lowering one EXCELLENT proposal to GOOD takes one subject out of E and adds
 * it to H: the pool, hence the cap, is unchanged, so each such change removes exactly one excess. No
 * single change removes more (any other moves the pool by one, so the cap by at most one), and only
 * this one always works without raising anyone's level.
 */
export interface QuotaFix {
  from: "EXCELLENT";
  to: "GOOD";
  /** How many EXCELLENT proposals must be lowered: the excess. */
  changesNeeded: number;
  /** Whether lowering a single proposal is enough. */
  singleChangeFixes: boolean;
  /**
   * Ids of the EXCELLENT proposals that may be lowered, the ones whose own maximum is below
   * EXCELLENT (their proposal is invalid anyway) first, then by id.
   */
  candidates: string[];
}

export interface WhatIf extends QuotaCheck {
  /** How many more GOOD proposals may be raised to EXCELLENT while the group holds. */
  slotsRemaining: number;
  /** The change that removes the excess, or null when there is none. */
  fix: QuotaFix | null;
}

/** Counts a group's rated proposals: NOT_RATED subjects count nowhere (RULES §5). */
export function countProposals(proposals: readonly GroupProposal[]): GroupCounts {
  let excellent = 0;
  let good = 0;
  for (const { rated, proposed } of proposals) {
    if (!rated) continue;
    if (proposed === "EXCELLENT") excellent++;
    else if (proposed === "GOOD") good++;
  }
  return { excellent, good };
}

/** The live check for a screen: given a group's current proposals, slots left or the change that fixes an excess. */
export function whatIf(
  proposals: readonly GroupProposal[],
  quotaBase: QuotaBase = DEFAULT_QUOTA_BASE,
  overridden = false,
): WhatIf {
  const check = checkQuota(countProposals(proposals), quotaBase, overridden);
  // Raising a GOOD proposal to EXCELLENT keeps the pool, hence the cap: the free slots are the difference.
  const slotsRemaining = Math.max(0, check.maxExcellent - check.excellent);
  return { ...check, slotsRemaining, fix: check.excess > 0 ? fixFor(proposals, check.excess) : null };
}

function fixFor(proposals: readonly GroupProposal[], excess: number): QuotaFix {
  const excellent = proposals.filter((proposal) => proposal.rated && proposal.proposed === "EXCELLENT");
  const overMaximum = (proposal: GroupProposal) => proposal.maxLevel != null && proposal.maxLevel !== "EXCELLENT";
  const candidates = excellent
    .sort((a, b) => Number(overMaximum(b)) - Number(overMaximum(a)) || compareCodeUnits(a.id, b.id))
    .map((proposal) => proposal.id);
  return { from: "EXCELLENT", to: "GOOD", changesNeeded: excess, singleChangeFixes: excess === 1, candidates };
}
