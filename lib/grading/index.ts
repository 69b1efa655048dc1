// Public API of the rating rules (docs/rating-rules.md). Pure: no framework, database or file-system imports.

export { evaluate, evaluateSubject, notRatedReasonsOf } from "./evaluate";
export {
  checkQuota,
  countProposals,
  DEFAULT_QUOTA_BASE,
  DEFAULT_RATE_PERCENT,
  maxExcellent,
  quotaArithmetic,
  QUOTA_RULE_20,
  quotaRuleFor,
  whatIf,
} from "./quota";
export type { GroupProposal, QuotaArithmetic, QuotaFix, QuotaRule, WhatIf } from "./quota";
export { levelRefusal } from "./refusal";
export type { LevelRefusal } from "./refusal";
export { hasAtMostOneDecimal, scoreTenths } from "./rules/score";
export { toReport } from "./report";
export type { GradingReport, SubjectReport } from "./report";
export { formatPath, GradingInputSchema, parseGradingInput } from "./input-schema";
export type { InputProblem, ParsedGradingInput } from "./input-schema";
export { getRuleSet, RULE_SET_IDS, RULE_SETS, ruleSetForYear } from "./rule-sets";
export type { QuotaPolicy, RuleSet, RuleSetId } from "./rule-sets";
export * from "./types";
