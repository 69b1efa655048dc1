import type { Exclusion, MemberRule, OrganizationRule, RuleSetOptions } from "../rules/rule";
import type { MemberInput, OrganizationInput } from "../types";

/**
 * A rule set is data: which exclusions and rules apply to each kind of subject, and its options. A new
 * regulation is a new file listing its rules (new small rule functions where its text differs) plus one
 * line in the registry.
 */
export interface RuleSet {
  id: string;
  /** The regulation and its guidance, as cited in docs/rating-rules.md. */
  source: string;
  options: RuleSetOptions;
  quota: QuotaPolicy;
  member: { exclusions: readonly Exclusion<MemberInput>[]; rules: readonly MemberRule[] };
  organization: { exclusions: readonly Exclusion<OrganizationInput>[]; rules: readonly OrganizationRule[] };
}

/** The quota of EXCELLENT per peer group (rating-rules §5, §7.8). */
export interface QuotaPolicy {
  /** r: EXCELLENT at most r % of the base. */
  ratePercent: number;
  /**
   * What an override decision does: null, it lets the group exceed the cap ([21], [124]); a number, it
   * raises the rate instead, to this unless the decision names its own rate ([366]).
   */
  overrideRatePercent: number | null;
}
