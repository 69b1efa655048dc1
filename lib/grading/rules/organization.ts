import type { LevelOrNotRated } from "../types";
import { disciplinesOfYear } from "./disciplines";
import { capAt, forceNotCompleted, noteFor, type OrganizationRule } from "./rule";

// Rules that cap or force a rated organization's level (rating-rules §4). Each returns a Limit, or null when
// it does not apply; the rule set lists which of them apply.

/** Counts of the rated subordinates; NOT_RATED entries are ignored (rating-rules §6). */
function tallySubordinates(levels: readonly LevelOrNotRated[] | undefined) {
  let rated = 0;
  let belowCompleted = 0;
  let goodOrBetter = 0;
  for (const level of levels ?? []) {
    if (level === "NOT_RATED") continue;
    rated++;
    if (level === "NOT_COMPLETED") belowCompleted++;
    if (level === "EXCELLENT" || level === "GOOD") goodOrBetter++;
  }
  return { rated, belowCompleted, goodOrBetter };
}

const SUBORDINATES_BELOW_COMPLETED = capAt("SUBORDINATES_BELOW_COMPLETED", "GOOD");

// rating-rules §4 row 2 — [21] HD 21 1.3: EXCELLENT needs 100 % of rated subordinates at HTNV or above
export const subordinatesBelowCompleted: OrganizationRule = ({ subordinateLevels }) =>
  tallySubordinates(subordinateLevels).belowCompleted > 0 ? SUBORDINATES_BELOW_COMPLETED : null;

const SUBORDINATES_UNDER_80_GOOD = capAt("SUBORDINATES_UNDER_80_GOOD", "GOOD");

// rating-rules §4 row 2 — [21] HD 21 1.3: EXCELLENT needs ≥ 80 % at HTTNV or above, i.e. 5 × good ≥ 4 × rated
export const subordinatesUnder80Good: OrganizationRule = ({ subordinateLevels }) => {
  const { rated, goodOrBetter } = tallySubordinates(subordinateLevels);
  return 5 * goodOrBetter < 4 * rated ? SUBORDINATES_UNDER_80_GOOD : null;
};

const LOCAL_BODIES_BELOW_GOOD = capAt("LOCAL_BODIES_BELOW_GOOD", "GOOD");

// rating-rules §4 row 3 — [21] HD 21 1.3: EXCELLENT needs government, Front and mass organizations at HTTNV or above
export const localBodiesBelowGood: OrganizationRule = ({ localBodiesAtLeastGood }) => (localBodiesAtLeastGood === false ? LOCAL_BODIES_BELOW_GOOD : null);

const SUBORDINATES_DISCIPLINED_OVER_20 = forceNotCompleted("SUBORDINATES_DISCIPLINED_OVER_20");

// rating-rules §4 row 4 — [124] Điều 12.4: more than 20 % of subordinate units disciplined, i.e. 5 × disciplined > units
export const subordinatesDisciplinedOver20: OrganizationRule = ({ subordinateUnits, disciplinedSubordinateUnits }) =>
  5 * (disciplinedSubordinateUnits ?? 0) > (subordinateUnits ?? 0) ? SUBORDINATES_DISCIPLINED_OVER_20 : null;

const LEADERSHIP_DISCIPLINED = forceNotCompleted("LEADERSHIP_DISCIPLINED");

// rating-rules §4 row 5 — [124] Điều 12.4: the leadership collective was disciplined
export const leadershipDisciplined: OrganizationRule = ({ leadershipDisciplined: disciplined }) => (disciplined ? LEADERSHIP_DISCIPLINED : null);

const TARGETS_UNDER_50 = forceNotCompleted("TARGETS_UNDER_50");

// rating-rules §4 row 6 — [124] Điều 12.4: under 50 % of assigned targets, main targets missed, no force majeure
export const organizationTargetsUnder50: OrganizationRule = ({ targetsCompletedPercent, forceMajeure }) =>
  targetsCompletedPercent !== undefined && targetsCompletedPercent < 50 && !forceMajeure ? TARGETS_UNDER_50 : null;

const DISUNITY = forceNotCompleted("DISUNITY");

// rating-rules §4 row 7 — [124] Điều 12.4: concluded to have lost internal unity (mất đoàn kết nội bộ)
export const disunity: OrganizationRule = ({ disunityConcluded }) => (disunityConcluded ? DISUNITY : null);

// [366] (rating-rules §7.7). The score, task and shortcoming rules are shared with members (score.ts, tasks.ts,
// shortcomings.ts).

const SUBORDINATES_DISCIPLINED = capAt("SUBORDINATES_DISCIPLINED", "GOOD");

// rating-rules §7.7 — 366 Điều 11, 1.1: HTXSNV needs no subordinate unit disciplined
export const subordinatesDisciplined: OrganizationRule = ({ disciplinedSubordinateUnits }) =>
  (disciplinedSubordinateUnits ?? 0) > 0 ? SUBORDINATES_DISCIPLINED : null;

const LEADERSHIP_MEMBER_DISCIPLINED = forceNotCompleted("LEADERSHIP_MEMBER_DISCIPLINED");
const LEADERSHIP_MEMBER_DISCIPLINED_SELF_REMEDIED = capAt("LEADERSHIP_MEMBER_DISCIPLINED", "GOOD");

// rating-rules §7.7 — 366 Điều 11, 4 and 1.1: a leadership member disciplined forces KHTNV; self-remedied, still no HTXSNV
export const leadershipMemberDisciplined: OrganizationRule = ({ leadershipDisciplines }, { reviewYear }) => {
  const year = disciplinesOfYear(leadershipDisciplines, reviewYear);
  if (year === "NONE") return null;
  return year === "NOT_REMEDIED" ? LEADERSHIP_MEMBER_DISCIPLINED : LEADERSHIP_MEMBER_DISCIPLINED_SELF_REMEDIED;
};

const SELF_REMEDIED = noteFor("SELF_REMEDIED");

// rating-rules §7.7 — 366 Điều 11, 4 (last paragraph): every such discipline self-remedied, left to the competent body
export const leadershipSelfRemedied: OrganizationRule = ({ leadershipDisciplines }, { reviewYear }) =>
  disciplinesOfYear(leadershipDisciplines, reviewYear) === "ALL_SELF_REMEDIED" ? SELF_REMEDIED : null;

const LEADERSHIP_MEMBER_DEGRADED = forceNotCompleted("LEADERSHIP_MEMBER_DEGRADED");

// rating-rules §7.7 — 366 Điều 11, 4: a member of the leadership collective concluded to show degradation
export const leadershipMemberDegraded: OrganizationRule = ({ leadershipMemberDegraded: degraded }) => (degraded ? LEADERSHIP_MEMBER_DEGRADED : null);
