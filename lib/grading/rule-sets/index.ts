import { QD124_HD25 } from "./qd124-hd25";
import { QD132_HD21 } from "./qd132-hd21";
import { QD366_HD43 } from "./qd366-hd43";
import type { RuleSet } from "./rule-set";

/** Every rule set by id. A new regulation is its own file plus one line here (and one in ruleSetForYear). */
export const RULE_SETS = {
  QD132_HD21,
  QD124_HD25,
  QD366_HD43,
} as const satisfies Record<string, RuleSet>;

export type RuleSetId = keyof typeof RULE_SETS;

export const RULE_SET_IDS = Object.keys(RULE_SETS) as [RuleSetId, ...RuleSetId[]];

export function getRuleSet(id: RuleSetId): RuleSet {
  // hasOwn: an id from outside the type system must not reach Object.prototype ("toString").
  if (!Object.hasOwn(RULE_SETS, id)) throw new RangeError(`unknown rule set: ${JSON.stringify(id)}`);
  return RULE_SETS[id];
}

/** The first review year of each rule set, latest first. */
const FIRST_YEARS: readonly (readonly [number, RuleSetId])[] = [
  [2025, "QD366_HD43"],
  [2023, "QD124_HD25"],
  [2019, "QD132_HD21"],
];

/**
 * The rule set of a review year: 2019–2022 QD132_HD21, 2023–2024 QD124_HD25, 2025 on QD366_HD43.
 * Null before 2019 (and for anything that is not a whole year): the app knows no rule set there, and
 * the caller must say so rather than rate by a later regulation.
 */
export function ruleSetForYear(year: number): RuleSetId | null {
  if (!Number.isInteger(year)) return null;
  for (const [firstYear, id] of FIRST_YEARS) if (year >= firstYear) return id;
  return null;
}

export type { QuotaPolicy, RuleSet } from "./rule-set";
