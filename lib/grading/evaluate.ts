import { parseIsoDateOrThrow } from "./dates";
import { isAtLeast, lowerLevel } from "./levels";
import { compareCodeUnits, sortByKey } from "./order";
import { checkQuota, DEFAULT_QUOTA_BASE } from "./quota";
import { getRuleSet, type RuleSet, type RuleSetId } from "./rule-sets";
import type { Exclusion, RuleContext, SubjectRule } from "./rules/rule";
import {
  NOT_RATED_REASONS,
  type GradingInput,
  type GradingResult,
  type GroupResult,
  type IsoDate,
  type Level,
  type NotRatedReason,
  type ReasonCode,
  type SubjectInput,
  type SubjectKind,
  type SubjectVerdict,
} from "./types";

// Shared, frozen reason lists: a country-sized evaluation allocates none for the common cases.
const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);
const ONLY_REASON = Object.fromEntries(
  NOT_RATED_REASONS.map((reason) => [reason, Object.freeze([reason])]),
) as Record<NotRatedReason, readonly ReasonCode[]>;

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
  const overriddenGroups = new Set((input.overrides ?? []).map((override) => override.peerGroup));

  const subjects = new Array<SubjectVerdict>(input.subjects.length);
  const tallies = new Map<string, GroupTally>();
  let ok = true;
  for (let i = 0; i < input.subjects.length; i++) {
    const verdict = judge(input.subjects[i], ruleSet, context);
    subjects[i] = verdict;
    ok &&= verdict.proposalValid;

    let tally = tallies.get(verdict.peerGroup);
    if (!tally) {
      tally = { peerGroup: verdict.peerGroup, kind: verdict.kind, excellent: 0, good: 0 };
      tallies.set(verdict.peerGroup, tally);
    }
    // RULES §6 — counts use the proposals of rated subjects as given, valid or not
    if (verdict.rated) {
      if (verdict.proposed === "EXCELLENT") tally.excellent++;
      else if (verdict.proposed === "GOOD") tally.good++;
    }
  }

  const groups: GroupResult[] = [];
  for (const tally of tallies.values()) {
    const check = checkQuota(tally, quotaBase, overriddenGroups.has(tally.peerGroup));
    groups.push({ peerGroup: tally.peerGroup, kind: tally.kind, ...check });
    ok &&= check.ok;
  }

  return {
    subjects: sortByKey(subjects, (verdict) => verdict.id),
    groups: sortByKey(groups, (group) => group.peerGroup),
    ok,
  };
}

/** The verdict on one subject alone, for a screen checking a level as it is entered. */
export function evaluateSubject(
  subject: SubjectInput,
  { ruleSet, ratingDate }: { ruleSet: RuleSetId; ratingDate: IsoDate },
): SubjectVerdict {
  const rules = getRuleSet(ruleSet);
  return judge(subject, rules, contextFor(rules, ratingDate));
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

  // RULES §6 — a not-rated subject reports its first not-rated reason alone
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
        // RULES §6 — only NOT_RATED is a valid proposal for a subject left out of rating
        proposalValid: proposed === "NOT_RATED",
        reasons: ONLY_REASON[notRatedReason],
        selfReviewRequired: writesSelfReviewWhenNotRated(notRatedReason, context),
      };
    }
  }

  // RULES §3 — the maximum is the lowest limit; every rule limiting below EXCELLENT is a reason
  let maxLevel: Level = "EXCELLENT";
  let forced = false;
  let reasons: ReasonCode[] | null = null;
  for (const rule of rules) {
    const limit = rule(subject, context);
    if (!limit) continue;
    maxLevel = lowerLevel(maxLevel, limit.maxLevel);
    forced ||= limit.forced;
    (reasons ??= []).push(limit.reason);
  }

  // RULES §2.4 — [21] HD 21 II.6: no decided level before the review (kiểm điểm) is done
  const reviewDone = subject.reviewDone !== false;
  if (!reviewDone) (reasons ??= []).push("REVIEW_MISSING");

  return {
    id,
    kind,
    peerGroup,
    proposed,
    rated: true,
    notRatedReason: null,
    maxLevel,
    forced,
    // RULES §3, §6 — valid when not above the maximum; a rated subject proposed NOT_RATED is invalid
    proposalValid: reviewDone && proposed !== "NOT_RATED" && isAtLeast(maxLevel, proposed),
    reasons: reasons ? reasons.sort(compareCodeUnits) : NO_REASONS,
    selfReviewRequired: true,
  };
}

// RULES §2.1–2.2 — exempt and suspended members write no self-review; a new member does where the rule set says so
function writesSelfReviewWhenNotRated(reason: NotRatedReason, context: RuleContext): boolean {
  return reason === "NEW_MEMBER" && context.options.newMemberWritesSelfReview;
}
