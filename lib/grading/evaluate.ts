import { parseIsoDateOrThrow } from "./dates";
import { LEVEL_OF_RANK, LEVEL_RANK } from "./levels";
import { sortByKey } from "./order";
import { checkQuota, DEFAULT_QUOTA_BASE, quotaRuleOf } from "./quota";
import { reasonBit, reasonList, withReason } from "./reasons";
import { getRuleSet, type RuleSet, type RuleSetId } from "./rule-sets";
import type { Exclusion, RuleContext, SubjectRule } from "./rules/rule";
import {
  NOT_RATED_REASONS,
  type GradingInput,
  type GradingResult,
  type GroupResult,
  type IsoDate,
  type NotRatedReason,
  type QuotaOverride,
  type ReasonCode,
  type SubjectInput,
  type SubjectKind,
  type SubjectVerdict,
} from "./types";

// Shared, frozen reason lists (reasons.ts): a country-sized evaluation allocates none per subject.
const ONLY_REASON = Object.fromEntries(NOT_RATED_REASONS.map((reason) => [reason, reasonList(reasonBit(reason))])) as Record<
  NotRatedReason,
  readonly ReasonCode[]
>;
const REVIEW_MISSING_BIT = reasonBit("REVIEW_MISSING");

interface GroupTally {
  peerGroup: string;
  kind: SubjectKind;
  excellent: number;
  good: number;
}

/**
 * Evaluates a set of subjects (a cell, a committee's pool, a district's organizations): one verdict per
 * subject, sorted by id, and the 20 % rule per peer group, sorted by peer group.
 *
 * The input must be valid (see GradingInputSchema): this function does not look for duplicate ids,
 * mixed-kind groups or overrides naming unknown groups.
 */
export function evaluate(input: GradingInput): GradingResult {
  const ruleSet = getRuleSet(input.ruleSet);
  const context = contextFor(ruleSet, input.ratingDate);
  const quotaBase = input.quotaBase ?? DEFAULT_QUOTA_BASE;
  const overrideOf = overridesByGroup(input.overrides ?? []);

  const subjects = new Array<SubjectVerdict>(input.subjects.length);
  const tallies = new Map<string, GroupTally>();
  let tally: GroupTally | undefined;
  let ok = true;
  for (let i = 0; i < input.subjects.length; i++) {
    const verdict = judge(input.subjects[i], ruleSet, context);
    subjects[i] = verdict;
    ok &&= verdict.proposalValid;

    // Subjects usually come group by group: the previous subject's tally saves a lookup.
    if (tally === undefined || tally.peerGroup !== verdict.peerGroup) {
      tally = tallies.get(verdict.peerGroup);
      if (!tally) {
        tally = { peerGroup: verdict.peerGroup, kind: verdict.kind, excellent: 0, good: 0 };
        tallies.set(verdict.peerGroup, tally);
      }
    }
    // rating-rules §6 — counts use the proposals of rated subjects as given, valid or not
    if (verdict.rated) {
      if (verdict.proposed === "EXCELLENT") tally.excellent++;
      else if (verdict.proposed === "GOOD") tally.good++;
    }
  }

  const groups: GroupResult[] = [];
  for (const tally of tallies.values()) {
    const override = overrideOf.get(tally.peerGroup);
    const check = checkQuota(tally, quotaBase, override !== undefined, quotaRuleOf(ruleSet.quota, override));
    groups.push({ peerGroup: tally.peerGroup, kind: tally.kind, ...check });
    ok &&= check.ok;
  }

  return {
    subjects: sortByKey(subjects, (verdict) => verdict.id),
    groups: sortByKey(groups, (group) => group.peerGroup),
    ok,
  };
}

/**
 * The decision that applies to each overridden group. A later decision replaces an earlier one (under
 * [366] its rate counts); on the same date the one listed last wins.
 */
function overridesByGroup(overrides: readonly QuotaOverride[]): Map<string, QuotaOverride> {
  const byGroup = new Map<string, QuotaOverride>();
  for (const override of overrides) {
    const kept = byGroup.get(override.peerGroup);
    // ISO dates order as text.
    if (!kept || override.decidedOn >= kept.decidedOn) byGroup.set(override.peerGroup, override);
  }
  return byGroup;
}

/** The verdict on one subject alone, for a screen checking a level as it is entered. */
export function evaluateSubject(subject: SubjectInput, { ruleSet, ratingDate }: { ruleSet: RuleSetId; ratingDate: IsoDate }): SubjectVerdict {
  const rules = getRuleSet(ruleSet);
  return judge(subject, rules, contextFor(rules, ratingDate));
}

/**
 * Every reason the rules leave the subject out of rating (rating-rules §2, §7.1), not only the first the
 * verdict reports: a screen checking "not rated because…" asks whether that reason holds on the facts.
 */
export function notRatedReasonsOf(subject: SubjectInput, { ruleSet, ratingDate }: { ruleSet: RuleSetId; ratingDate: IsoDate }): NotRatedReason[] {
  const rules = getRuleSet(ruleSet);
  const context = contextFor(rules, ratingDate);
  const reasons: NotRatedReason[] = [];
  if (subject.kind === "MEMBER") {
    for (const exclusion of rules.member.exclusions) {
      const reason = exclusion(subject, context);
      if (reason) reasons.push(reason);
    }
  } else {
    for (const exclusion of rules.organization.exclusions) {
      const reason = exclusion(subject, context);
      if (reason) reasons.push(reason);
    }
  }
  return reasons;
}

function contextFor(ruleSet: RuleSet, ratingDate: IsoDate): RuleContext {
  const date = parseIsoDateOrThrow(ratingDate);
  return { ratingDate: date, reviewYear: date.year, options: ruleSet.options };
}

function judge(subject: SubjectInput, ruleSet: RuleSet, context: RuleContext): SubjectVerdict {
  return subject.kind === "MEMBER"
    ? judgeWith(subject, ruleSet.member.exclusions, ruleSet.member.rules, context)
    : judgeWith(subject, ruleSet.organization.exclusions, ruleSet.organization.rules, context);
}

function judgeWith<Subject extends SubjectInput>(
  subject: Subject,
  exclusions: readonly Exclusion<Subject>[],
  rules: readonly SubjectRule<Subject>[],
  context: RuleContext,
): SubjectVerdict {
  const { id, kind, peerGroup, proposed } = subject;

  // rating-rules §6 — a not-rated subject reports its first not-rated reason alone
  for (const exclusion of exclusions) {
    const notRatedReason = exclusion(subject, context);
    if (notRatedReason) {
      return {
        id,
        kind,
        peerGroup,
        proposed,
        rated: false,
        notRatedReason,
        maxLevel: null,
        forced: false,
        // rating-rules §6 — only NOT_RATED is a valid proposal for a subject left out of rating
        proposalValid: proposed === "NOT_RATED",
        reasons: ONLY_REASON[notRatedReason],
        selfReviewRequired: writesSelfReviewWhenNotRated(notRatedReason, context),
      };
    }
  }

  // rating-rules §2.4 — [21] HD 21 II.6: no decided level before the review (kiểm điểm) is done; rating-rules §7.3: nor
  // under [366] before the score is given
  const reviewDone = subject.reviewDone !== false;
  let decidable = reviewDone;
  // rating-rules §3, §7.9 — the maximum is the lowest limit; every rule that returns a limit is a reason: those
  // capping below EXCELLENT, the notes for the competent body and the missing facts
  // (as ranks: plain integer comparisons in a loop run some twenty times per subject)
  let maxRank = LEVEL_RANK.EXCELLENT;
  let forced = false;
  let reasons = 0;
  for (let i = 0; i < rules.length; i++) {
    const limit = rules[i](subject, context);
    if (limit === null) continue;
    if (limit.maxRank < maxRank) maxRank = limit.maxRank;
    forced ||= limit.forced;
    if (limit.undecidable) decidable = false;
    reasons = withReason(reasons, limit.reasonBit);
  }
  if (!reviewDone) reasons = withReason(reasons, REVIEW_MISSING_BIT);
  const maxLevel = LEVEL_OF_RANK[maxRank];

  return {
    id,
    kind,
    peerGroup,
    proposed,
    rated: true,
    notRatedReason: null,
    maxLevel,
    forced,
    // rating-rules §3, §6 — valid when not above the maximum; a rated subject proposed NOT_RATED is invalid
    proposalValid: decidable && proposed !== "NOT_RATED" && maxRank >= LEVEL_RANK[proposed],
    reasons: reasonList(reasons),
    selfReviewRequired: true,
  };
}

// rating-rules §2.1–2.2 — exempt and suspended members write no self-review; a new member does where the rule set says so
function writesSelfReviewWhenNotRated(reason: NotRatedReason, context: RuleContext): boolean {
  return reason === "NEW_MEMBER" && context.options.newMemberWritesSelfReview;
}
