import type { Exclusion, MemberRule, OrganizationRule, RuleSetOptions } from "../rules/rule";
import type { MemberInput, OrganizationInput } from "../types";

/**
 * A rule set is data: which exclusions and rules apply to each kind of subject, and its options. A new
 * regulation is a new file listing its rules (new small rule functions where its text differs) plus one
 * line in the registry.
 */
export interface RuleSet {
  id: string;
  /** The regulation and its guidance, as cited in RULES.md. */
  source: string;
  options: RuleSetOptions;
  member: { exclusions: readonly Exclusion<MemberInput>[]; rules: readonly MemberRule[] };
  organization: { exclusions: readonly Exclusion<OrganizationInput>[]; rules: readonly OrganizationRule[] };
}
