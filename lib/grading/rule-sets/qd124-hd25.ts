import { criteriaPattern } from "../rules/criteria";
import { exempt, newMember, newOrganization, suspended } from "../rules/eligibility";
import { civilServiceLevel, degradation, disciplinedInYearUnlessSelfRemedied, memberTargetsUnder50, sickLeave } from "../rules/member";
import {
  disunity,
  leadershipDisciplined,
  localBodiesBelowGood,
  organizationTargetsUnder50,
  subordinatesBelowCompleted,
  subordinatesDisciplinedOver20,
  subordinatesUnder80Good,
} from "../rules/organization";
import type { RuleSet } from "./rule-set";

/**
 * Review years 2023–2024. Rules the rules document cites from [21] alone are kept: its tags name
 * sources, and the [124] texts that would replace them were not found (docs/rating-rules.md, readings).
 */
export const QD124_HD25 = {
  id: "QD124_HD25",
  source: "Quy định 124-QĐ/TW (2023), Hướng dẫn 25-HD/BTCTW",
  options: {
    // rating-rules §2.2: under [124] a member admitted under 6 months is not required to write a self-review.
    newMemberWritesSelfReview: false,
    civilServiceCapsEveryLevel: true,
  },
  // rating-rules §5: 20 %, and an override decision lets the group exceed it.
  quota: { ratePercent: 20, overrideRatePercent: null },
  member: {
    exclusions: [exempt, suspended, newMember],
    // Điều 12.4.3.d exempts a violation the member detected and remedied.
    rules: [criteriaPattern, civilServiceLevel, disciplinedInYearUnlessSelfRemedied, degradation, memberTargetsUnder50, sickLeave],
  },
  organization: {
    exclusions: [newOrganization],
    rules: [
      criteriaPattern,
      subordinatesBelowCompleted,
      subordinatesUnder80Good,
      localBodiesBelowGood,
      subordinatesDisciplinedOver20,
      leadershipDisciplined,
      organizationTargetsUnder50,
      disunity,
    ],
  },
} as const satisfies RuleSet;
