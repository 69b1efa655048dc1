import { criteriaPattern } from "../rules/criteria";
import { exempt, newMember, suspended } from "../rules/eligibility";
import { civilServiceLevel, degradation, disciplinedInYear, memberTargetsUnder50, sickLeave } from "../rules/member";
import { QD124_HD25 } from "./qd124-hd25";
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
  // rating-rules §4: [124]'s organization rules (its four forced rules included) apply here too, HD 21's
  // own text being missing.
  organization: QD124_HD25.organization,
} as const satisfies RuleSet;
