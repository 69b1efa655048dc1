import { QD124_HD25 } from "./qd124-hd25";
import { QD132_HD21 } from "./qd132-hd21";
import type { RuleSet } from "./rule-set";

/** Every rule set by id. Adding QD366_HD43 is its own file plus one line here. */
export const RULE_SETS = {
  QD132_HD21,
  QD124_HD25,
} as const satisfies Record<string, RuleSet>;

export type RuleSetId = keyof typeof RULE_SETS;

export const RULE_SET_IDS = Object.keys(RULE_SETS) as [RuleSetId, ...RuleSetId[]];

export function getRuleSet(id: RuleSetId): RuleSet {
  // hasOwn: an id from outside the type system must not reach Object.prototype ("toString").
  if (!Object.hasOwn(RULE_SETS, id)) throw new RangeError(`unknown rule set: ${JSON.stringify(id)}`);
  return RULE_SETS[id];
}

export type { RuleSet } from "./rule-set";
