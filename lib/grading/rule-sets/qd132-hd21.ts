import { criteriaPattern } from "../rules/criteria";
import { exempt, newMember, newOrganization, suspended } from "../rules/eligibility";
import {
  civilServiceLevel,
  degradation,
  disciplinedInYear,
  memberTargetsUnder50,
  sickLeave,
} from "../rules/member";
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

/** Review years 2019–2022. */
export const QD132_HD21 = {
  id: "QD132_HD21",
  source: "Quy định 132-QĐ/TW (2018), Hướng dẫn 21-HD/BTCTW (2019)",
  options: {
    // HD 21 II.6: "vẫn phải kiểm điểm đảng viên tính từ ngày kết nạp vào Đảng".
    newMemberWritesSelfReview: true,
    civilServiceCapsEveryLevel: true,
  },
  // rating-rules §5: 20 %, and an override decision lets the group exceed it.
  quota: { ratePercent: 20, overrideRatePercent: null },
  member: {
    exclusions: [exempt, suspended, newMember],
    // HD 21 counts any discipline in the year, self-detected or not.
    rules: [criteriaPattern, civilServiceLevel, disciplinedInYear, degradation, memberTargetsUnder50, sickLeave],
  },
  organization: {
    exclusions: [newOrganization],
    // rating-rules §4: the four forced rules of [124] also apply here, HD 21's own text being missing.
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
