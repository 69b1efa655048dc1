import { parseIsoDateOrThrow } from "../dates";
import type { Discipline } from "../types";
import { capAt, forceNotCompleted, type MemberRule } from "./rule";

// Rules that cap or force a rated member's level (RULES §3). Each returns a Limit, or null when it
// does not apply; the rule set lists which of them apply.

const CIVIL_SERVICE_NOT_COMPLETED = forceNotCompleted("CIVIL_SERVICE_LEVEL");
const CIVIL_SERVICE_CAP = {
  GOOD: capAt("CIVIL_SERVICE_LEVEL", "GOOD"),
  COMPLETED: capAt("CIVIL_SERVICE_LEVEL", "COMPLETED"),
} as const;

// RULES §3 row 5 — [21] HD 21 II.B.2: party level ≤ civil-service level; civil-service KHTNV forces KHTNV
export const civilServiceLevel: MemberRule = ({ civilServantLevel }, { options }) => {
  if (civilServantLevel === undefined || civilServantLevel === "EXCELLENT") return null;
  if (civilServantLevel === "NOT_COMPLETED") return CIVIL_SERVICE_NOT_COMPLETED;
  // Only the EXCELLENT gate is quoted; the GOOD/COMPLETED caps are a configurable recollection.
  return options.civilServiceCapsEveryLevel ? CIVIL_SERVICE_CAP[civilServantLevel] : CIVIL_SERVICE_CAP.GOOD;
};

const DISCIPLINED_IN_YEAR = forceNotCompleted("DISCIPLINED_IN_YEAR");

/** A discipline decided in the review year and not already used to rate an earlier year ([21] counts once). */
function countsThisYear(discipline: Discipline, reviewYear: number): boolean {
  return parseIsoDateOrThrow(discipline.decidedOn).year === reviewYear && discipline.countedInEarlierYear !== true;
}

// RULES §3 rows 6 and 8 — [21] HD 21 II.B.2: disciplined (any form) in the review year; one violation counts once
export const disciplinedInYear: MemberRule = ({ disciplines }, { reviewYear }) =>
  disciplines?.some((discipline) => countsThisYear(discipline, reviewYear)) ? DISCIPLINED_IN_YEAR : null;

// RULES §3 rows 7 and 8 — [124] Điều 12.4.3.d: disciplined in the year, unless self-detected and remedied
export const disciplinedInYearUnlessSelfRemedied: MemberRule = ({ disciplines }, { reviewYear }) =>
  disciplines?.some(
    (discipline) => countsThisYear(discipline, reviewYear) && discipline.selfDetectedAndRemedied !== true,
  )
    ? DISCIPLINED_IN_YEAR
    : null;

const DEGRADATION = forceNotCompleted("DEGRADATION");

// RULES §3 row 9 — [21] HD 21 II.B.2, [124] Điều 12.4: concluded degradation, "tự diễn biến", "tự chuyển hóa"
export const degradation: MemberRule = ({ degradationConcluded }) => (degradationConcluded ? DEGRADATION : null);

const TARGETS_UNDER_50 = forceNotCompleted("TARGETS_UNDER_50");

// RULES §3 row 10 — [21] HD 21 II.B.2, kept under [124]: under 50 % of assigned targets completed
export const memberTargetsUnder50: MemberRule = ({ targetsCompletedPercent }) =>
  targetsCompletedPercent !== undefined && targetsCompletedPercent < 50 ? TARGETS_UNDER_50 : null;

/** "3 tháng" of sick leave, counted in days. */
const SICK_LEAVE_DAYS_CAP = 90;
const SICK_LEAVE = capAt("SICK_LEAVE", "COMPLETED");

// RULES §3 row 11 — [21] HD 21 II.6, kept under [124]: sick leave of 3 months or more ⇒ at most HTNV
export const sickLeave: MemberRule = ({ sickLeaveDays }) =>
  sickLeaveDays !== undefined && sickLeaveDays >= SICK_LEAVE_DAYS_CAP ? SICK_LEAVE : null;
