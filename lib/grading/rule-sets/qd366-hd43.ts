import { exempt, newMember, newOrganization, suspended } from "../rules/eligibility";
import {
  corruptionInScope,
  degradation,
  disciplinedInYearUnlessSelfRemedied,
  ledUnitsNotCompleted,
  lowConfidence,
  memberSelfRemedied,
  prohibitedActs,
} from "../rules/member";
import {
  disunity,
  leadershipDisciplined,
  leadershipMemberDegraded,
  leadershipMemberDisciplined,
  leadershipSelfRemedied,
  subordinatesDisciplined,
} from "../rules/organization";
import { scoreBand } from "../rules/score";
import { shortcomingsNotRemedied } from "../rules/shortcomings";
import { fiveTargets, forceMajeure, tasksExceededUnder30, tasksFailedOver50, tasksLate, tasksNotCompleted, tasksUnder70 } from "../rules/tasks";
import type { RuleSet } from "./rule-set";

/**
 * Review years 2025 on: the 100-point scale (rating-rules §7). Criteria grades, the civil-service and
 * sick-leave caps, the 50 % targets rule and the subordinate-level, local-body and 20 %-disciplined
 * rules of the older sets are not listed, so their facts change nothing here.
 */
export const QD366_HD43 = {
  id: "QD366_HD43",
  source: "Quy định 366-QĐ/TW (2025), Hướng dẫn 43-HD/BTCTW (2025)",
  options: {
    // HD 43 2.1: a member admitted under 6 months is not reviewed at all.
    newMemberWritesSelfReview: false,
    // Not read: 366 has no civil-service rule.
    civilServiceCapsEveryLevel: true,
  },
  // 366 Điều 11, 1.5: 20 %, up to 25 % by decision of the competent body.
  quota: { ratePercent: 20, overrideRatePercent: 25 },
  member: {
    exclusions: [exempt, suspended, newMember],
    rules: [
      scoreBand,
      tasksExceededUnder30,
      tasksLate,
      tasksNotCompleted,
      tasksFailedOver50,
      tasksUnder70,
      fiveTargets,
      forceMajeure,
      shortcomingsNotRemedied,
      degradation,
      prohibitedActs,
      disciplinedInYearUnlessSelfRemedied,
      memberSelfRemedied,
      ledUnitsNotCompleted,
      lowConfidence,
      corruptionInScope,
    ],
  },
  organization: {
    // Kept from [21]: 366 and HD 43 say nothing of new organizations (rating-rules §7.1, configurable).
    exclusions: [newOrganization],
    rules: [
      scoreBand,
      tasksExceededUnder30,
      tasksLate,
      tasksNotCompleted,
      tasksUnder70,
      fiveTargets,
      forceMajeure,
      shortcomingsNotRemedied,
      subordinatesDisciplined,
      leadershipMemberDisciplined,
      leadershipSelfRemedied,
      leadershipDisciplined,
      leadershipMemberDegraded,
      disunity,
    ],
  },
} as const satisfies RuleSet;
