// Public API of the rating rules (RULES.md). Pure: no framework, database or file-system imports.

export { evaluate, evaluateSubject } from "./evaluate";
export { checkQuota, countProposals, DEFAULT_QUOTA_BASE, maxExcellent, whatIf } from "./quota";
export type { GroupProposal, QuotaFix, WhatIf } from "./quota";
export { toReport } from "./report";
export type { GradingReport, SubjectReport } from "./report";
export { formatPath, GradingInputSchema, parseGradingInput } from "./input-schema";
export type { InputProblem, ParsedGradingInput } from "./input-schema";
export { getRuleSet, RULE_SET_IDS, RULE_SETS } from "./rule-sets";
export type { RuleSet, RuleSetId } from "./rule-sets";
export * from "./types";
