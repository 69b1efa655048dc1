import { compareCodeUnits } from "./order";
import { getRuleSet, type QuotaPolicy, type RuleSetId } from "./rule-sets";
import type { GroupCounts, Level, LevelOrNotRated, QuotaBase, QuotaCheck, QuotaOverride } from "./types";

// The quota of EXCELLENT per peer group (rating-rules §5, §7.8), in whole numbers only: never a rounded percentage.

export const DEFAULT_QUOTA_BASE: QuotaBase = "GOOD_ONLY";

/** The rate of rating-rules §5 and the default of §7.8. */
export const DEFAULT_RATE_PERCENT = 20;

/** How one group's quota is computed: its rate, and whether an override lets the group exceed the cap. */
export interface QuotaRule {
  /** r: EXCELLENT at most r % of the base. */
  ratePercent: number;
  /** rating-rules §5 ([21], [124]): an override lets the group exceed. §7.8 ([366]): it raised the rate, the cap still binds. */
  overrideLiftsCap: boolean;
}

/** rating-rules §5, the rule of [21] and [124]: 20 %, an override lets the group exceed. The default everywhere. */
export const QUOTA_RULE_20: QuotaRule = Object.freeze({ ratePercent: DEFAULT_RATE_PERCENT, overrideLiftsCap: true });

/** ⌊n · numerator / denominator⌋ for whole numbers, exact wherever the result is (n · numerator itself may not be). */
function floorOfFraction(n: number, numerator: number, denominator: number): number {
  const rest = n % denominator;
  const restTimes = rest * numerator;
  return ((n - rest) / denominator) * numerator + (restTimes - (restTimes % denominator)) / denominator;
}

/**
 * The most EXCELLENT subjects a pool P = E + H may hold at r %:
 * GOOD_ONLY, "E ≤ r % of those rated GOOD": 100·E ≤ r·(P − E) ⇔ E ≤ r·P / (100 + r), so ⌊r·P / (100 + r)⌋
 * (r = 20: ⌊P / 6⌋; r = 25: ⌊P / 5⌋);
 * GOOD_AND_EXCELLENT, "E ≤ r % of those rated GOOD or above": 100·E ≤ r·P, so ⌊r·P / 100⌋ (r = 20: ⌊P / 5⌋).
 */
// rating-rules §5, §7.8 — [21] HD 21 II.B.2.3, [124], 366 Điều 11, 1.5: a ceiling rounded down, never a target
export function maxExcellent(pool: number, quotaBase: QuotaBase = DEFAULT_QUOTA_BASE, ratePercent: number = DEFAULT_RATE_PERCENT): number {
  if (!Number.isInteger(ratePercent) || ratePercent < 0 || ratePercent > 100) {
    throw new RangeError(`not a whole percentage: ${ratePercent}`);
  }
  const { numerator, denominator } = quotaFraction(quotaBase, ratePercent);
  return floorOfFraction(pool, numerator, denominator);
}

/** The cap is ⌊pool · numerator / denominator⌋: r / (100 + r) of the pool under GOOD_ONLY, r / 100 otherwise. */
export function quotaFraction(quotaBase: QuotaBase, ratePercent: number): { numerator: number; denominator: number } {
  return { numerator: ratePercent, denominator: quotaBase === "GOOD_ONLY" ? 100 + ratePercent : 100 };
}

/** How a group's cap is counted, for a screen to explain it: the very terms `maxExcellent` computes with. */
export interface QuotaArithmetic {
  /** P: the group's subjects at GOOD or EXCELLENT; lowering an excellent one to GOOD keeps it in P. */
  pool: number;
  ratePercent: number;
  quotaBase: QuotaBase;
  /** cap = ⌊pool · numerator / denominator⌋. */
  numerator: number;
  denominator: number;
  /** pool · numerator / denominator before rounding down, in hundredths, truncated (1366 for 13.666…). */
  exactHundredths: number;
  /** Whether pool · numerator / denominator is a whole number (nothing was rounded down). */
  whole: boolean;
  /** Whether the quotient has digits beyond its hundredths (13.66… rather than 13.5). */
  moreDigits: boolean;
  maxExcellent: number;
  /** The smallest pool whose cap is at least one: below it a group has no excellent slot at all. */
  smallestPoolForOne: number;
}

// rating-rules §5, §7.8 — the arithmetic of maxExcellent spelled out (the screens explain "at most 13" with it)
export function quotaArithmetic(pool: number, quotaBase: QuotaBase = DEFAULT_QUOTA_BASE, ratePercent: number = DEFAULT_RATE_PERCENT): QuotaArithmetic {
  const { numerator, denominator } = quotaFraction(quotaBase, ratePercent);
  let smallestPoolForOne = 1;
  while (ratePercent > 0 && maxExcellent(smallestPoolForOne, quotaBase, ratePercent) < 1) smallestPoolForOne++;
  return {
    pool,
    ratePercent,
    quotaBase,
    numerator,
    denominator,
    exactHundredths: floorOfFraction(pool, numerator * 100, denominator),
    whole: ((pool % denominator) * numerator) % denominator === 0,
    moreDigits: ((pool % denominator) * numerator * 100) % denominator !== 0,
    maxExcellent: maxExcellent(pool, quotaBase, ratePercent),
    smallestPoolForOne,
  };
}

// rating-rules §5, §6, §7.8 — the group holds when excess is 0; under [21] and [124] an override lets it exceed, visibly
export function checkQuota(counts: GroupCounts, quotaBase: QuotaBase, overridden: boolean, rule: QuotaRule = QUOTA_RULE_20): QuotaCheck {
  const pool = counts.excellent + counts.good;
  const cap = maxExcellent(pool, quotaBase, rule.ratePercent);
  const excess = Math.max(0, counts.excellent - cap);
  return {
    excellent: counts.excellent,
    good: counts.good,
    pool,
    maxExcellent: cap,
    excess,
    ok: excess === 0 || (overridden && rule.overrideLiftsCap),
    overridden,
  };
}

/** The quota rule of a group under a rule set's policy, given the override naming the group, if any. */
export function quotaRuleOf(policy: QuotaPolicy, override?: Pick<QuotaOverride, "ratePercent"> | null): QuotaRule {
  if (policy.overrideRatePercent === null) return { ratePercent: policy.ratePercent, overrideLiftsCap: true };
  // rating-rules §7.8 — 366 Điều 11, 1.5: the competent body's decision raises the rate, up to 25 %
  const ratePercent = override ? (override.ratePercent ?? policy.overrideRatePercent) : policy.ratePercent;
  return { ratePercent, overrideLiftsCap: false };
}

/**
 * The quota rule of a group for a screen: `quotaRuleFor("QD366_HD43", override)` is 20 % without a
 * decision, the decision's rate (25 % by default) with one; under the older rule sets, 20 % lifted by a
 * decision. Pass it to `checkQuota` or `whatIf`.
 */
export function quotaRuleFor(ruleSet: RuleSetId, override?: Pick<QuotaOverride, "ratePercent"> | null): QuotaRule {
  return quotaRuleOf(getRuleSet(ruleSet).quota, override);
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
  /** The rate the cap was computed at (20, or up to 25 by decision under [366]). */
  ratePercent: number;
  /** How many more GOOD proposals may be raised to EXCELLENT while the group holds. */
  slotsRemaining: number;
  /** The change that removes the excess, or null when there is none. */
  fix: QuotaFix | null;
}

/** Counts a group's rated proposals: NOT_RATED subjects count nowhere (rating-rules §5). */
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

/**
 * The live check for a screen: given a group's current proposals, slots left or the change that fixes an
 * excess. Under [366] pass the group's rule, `quotaRuleFor(ruleSet, override)`.
 */
export function whatIf(
  proposals: readonly GroupProposal[],
  quotaBase: QuotaBase = DEFAULT_QUOTA_BASE,
  overridden = false,
  rule: QuotaRule = QUOTA_RULE_20,
): WhatIf {
  const check = checkQuota(countProposals(proposals), quotaBase, overridden, rule);
  // Raising a GOOD proposal to EXCELLENT keeps the pool, hence the cap: the free slots are the difference.
  const slotsRemaining = Math.max(0, check.maxExcellent - check.excellent);
  return {
    ...check,
    ratePercent: rule.ratePercent,
    slotsRemaining,
    fix: check.excess > 0 ? fixFor(proposals, check.excess) : null,
  };
}

function fixFor(proposals: readonly GroupProposal[], excess: number): QuotaFix {
  const excellent = proposals.filter((proposal) => proposal.rated && proposal.proposed === "EXCELLENT");
  const overMaximum = (proposal: GroupProposal) => proposal.maxLevel != null && proposal.maxLevel !== "EXCELLENT";
  const candidates = excellent.sort((a, b) => Number(overMaximum(b)) - Number(overMaximum(a)) || compareCodeUnits(a.id, b.id)).map((proposal) => proposal.id);
  return { from: "EXCELLENT", to: "GOOD", changesNeeded: excess, singleChangeFixes: excess === 1, candidates };
}
