import { countsThisYear, disciplinesOfYear } from "./disciplines";
import { capAt, forceNotCompleted, noteFor, type MemberRule } from "./rule";

// Rules that cap or force a rated member's level (rating-rules §3). Each returns a Limit, or null when it
// does not apply; the rule set lists which of them apply.

const CIVIL_SERVICE_NOT_COMPLETED = forceNotCompleted("CIVIL_SERVICE_LEVEL");
const CIVIL_SERVICE_CAP = {
  GOOD: capAt("CIVIL_SERVICE_LEVEL", "GOOD"),
  COMPLETED: capAt("CIVIL_SERVICE_LEVEL", "COMPLETED"),
} as const;

// rating-rules §3 row 5 — [21] HD 21 II.B.2: party level ≤ civil-service level; civil-service KHTNV forces KHTNV
export const civilServiceLevel: MemberRule = ({ civilServantLevel }, { options }) => {
  if (civilServantLevel === undefined || civilServantLevel === "EXCELLENT") return null;
  if (civilServantLevel === "NOT_COMPLETED") return CIVIL_SERVICE_NOT_COMPLETED;
  // Only the EXCELLENT gate is quoted; the GOOD/COMPLETED caps are a configurable recollection.
  return options.civilServiceCapsEveryLevel ? CIVIL_SERVICE_CAP[civilServantLevel] : CIVIL_SERVICE_CAP.GOOD;
};

const DISCIPLINED_IN_YEAR = forceNotCompleted("DISCIPLINED_IN_YEAR");

// rating-rules §3 rows 6 and 8 — [21] HD 21 II.B.2: disciplined (any form) in the review year; one violation counts once
export const disciplinedInYear: MemberRule = ({ disciplines }, { reviewYear }) =>
  disciplines?.some((discipline) => countsThisYear(discipline, reviewYear)) ? DISCIPLINED_IN_YEAR : null;

// rating-rules §3 rows 7 and 8 — [124] Điều 12.4.3.d: disciplined in the year, unless self-detected and remedied
export const disciplinedInYearUnlessSelfRemedied: MemberRule = ({ disciplines }, { reviewYear }) =>
  disciplines?.some((discipline) => countsThisYear(discipline, reviewYear) && discipline.selfDetectedAndRemedied !== true) ? DISCIPLINED_IN_YEAR : null;

const DEGRADATION = forceNotCompleted("DEGRADATION");

// rating-rules §3 row 9 — [21] HD 21 II.B.2, [124] Điều 12.4: concluded degradation, "tự diễn biến", "tự chuyển hóa"
export const degradation: MemberRule = ({ degradationConcluded }) => (degradationConcluded ? DEGRADATION : null);

const TARGETS_UNDER_50 = forceNotCompleted("TARGETS_UNDER_50");

// rating-rules §3 row 10 — [21] HD 21 II.B.2, kept under [124]: under 50 % of assigned targets completed
export const memberTargetsUnder50: MemberRule = ({ targetsCompletedPercent }) =>
  targetsCompletedPercent !== undefined && targetsCompletedPercent < 50 ? TARGETS_UNDER_50 : null;

/** "3 tháng" of sick leave, counted in days. */
const SICK_LEAVE_DAYS_CAP = 90;
const SICK_LEAVE = capAt("SICK_LEAVE", "COMPLETED");

// rating-rules §3 row 11 — [21] HD 21 II.6, kept under [124]: sick leave of 3 months or more ⇒ at most HTNV
export const sickLeave: MemberRule = ({ sickLeaveDays }) => (sickLeaveDays !== undefined && sickLeaveDays >= SICK_LEAVE_DAYS_CAP ? SICK_LEAVE : null);

// [366] (rating-rules §7.6). A member without a category holds no leadership post; the leader-only facts
// are not read for the other categories. The task rules and the five targets are in tasks.ts.

const PROHIBITED_ACTS = forceNotCompleted("PROHIBITED_ACTS");

// rating-rules §7.6 — 366 Điều 11, 4: concluded to have done what members must not do, or to have failed to set an example
export const prohibitedActs: MemberRule = ({ prohibitedActsConcluded }) => (prohibitedActsConcluded ? PROHIBITED_ACTS : null);

const SELF_REMEDIED = noteFor("SELF_REMEDIED");

// rating-rules §7.6 — 366 Điều 11, 4 (last paragraph): every discipline of the year self-remedied, left to the competent body
export const memberSelfRemedied: MemberRule = ({ disciplines }, { reviewYear }) =>
  disciplinesOfYear(disciplines, reviewYear) === "ALL_SELF_REMEDIED" ? SELF_REMEDIED : null;

const LED_UNITS_NOT_COMPLETED = forceNotCompleted("LED_UNITS_NOT_COMPLETED");

// rating-rules §7.6 — 366 Điều 11, 4: a leader with over half the units answered for rated KHTNV, 2·notCompleted > count
export const ledUnitsNotCompleted: MemberRule = ({ category, ledUnits }) =>
  category === "LEADER" && ledUnits !== undefined && 2 * ledUnits.notCompleted > ledUnits.count ? LED_UNITS_NOT_COMPLETED : null;

const LOW_CONFIDENCE = forceNotCompleted("LOW_CONFIDENCE");

// rating-rules §7.6 — 366 Điều 11, 4: a leader with over half low-confidence votes at the year's vote of confidence
export const lowConfidence: MemberRule = ({ category, lowConfidenceOver50 }) => (category === "LEADER" && lowConfidenceOver50 === true ? LOW_CONFIDENCE : null);

const CORRUPTION_IN_SCOPE = forceNotCompleted("CORRUPTION_IN_SCOPE");

// rating-rules §7.6 — 366 Điều 11, 4: corruption, waste or negativity disciplined in the scope a leader manages directly
export const corruptionInScope: MemberRule = ({ category, corruptionInScope: found }) => (category === "LEADER" && found === true ? CORRUPTION_IN_SCOPE : null);
