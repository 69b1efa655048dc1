import type { MemberInput, SubjectInput, Tasks } from "../types";
import { capAt, forceNotCompleted, noteFor, type SubjectRule } from "./rule";

// The conditions of [366] on the year's tasks (rating-rules §7.4), in whole numbers. N = assigned,
// C = completed, T = on time, X = exceeded, late = C − T. Without tasks, or with none assigned, no task
// rule applies. A leader's tasks are those of the units the leader directly leads (366 Điều 11, 1.2).
//
// Force majeure: 366 Điều 11 khoản 4 leaves a leader's or an organization's failure for a reason beyond
// its control to the competent body ("cấp có thẩm quyền căn cứ vào điều kiện, hoàn cảnh … để xem xét");
// it does not lift what GOOD and EXCELLENT require. So each rule whose effect would be NOT_COMPLETED —
// forced or capped — caps at COMPLETED instead, and FORCE_MAJEURE tells the body it has that case to
// judge. TASKS_EXCEEDED_UNDER_30 and TASKS_LATE's first branch (at most COMPLETED) apply unchanged.
// Each rule tests it itself rather than through a shared wrapper: these run for every subject of a
// country, and a direct test keeps each rule one small, inlinable function.

/** A leader or an organization: answers for the units it leads, may plead force majeure. */
function answersForUnits(subject: SubjectInput): boolean {
  return subject.kind === "ORGANIZATION" || subject.category === "LEADER";
}

/** Force majeure counts for a leader and for an organization only. */
function easedByForceMajeure(subject: SubjectInput): boolean {
  return subject.forceMajeure === true && answersForUnits(subject);
}

/** The tasks to judge, or null when no task rule applies. */
function assigned(tasks: Tasks | undefined): Tasks | null {
  return tasks !== undefined && tasks.assigned > 0 ? tasks : null;
}

// The conditions themselves, shared by the rules and by the force-majeure note.
const exceededUnder30 = (t: Tasks) => 10 * t.exceeded < 3 * t.assigned;
const late = (t: Tasks) => t.completed - t.onTime;
const notAllCompleted = (t: Tasks) => t.completed < t.assigned;
const under70 = (t: Tasks) => 10 * t.completed < 7 * t.assigned;

const TASKS_EXCEEDED_UNDER_30 = capAt("TASKS_EXCEEDED_UNDER_30", "GOOD");

// rating-rules §7.4 — 366 Điều 11, 1.1–1.3: HTXSNV needs at least 30 % of the tasks exceeding their requirement, 10·X ≥ 3·N
export const tasksExceededUnder30: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  return t !== null && exceededUnder30(t) ? TASKS_EXCEEDED_UNDER_30 : null;
};

const TASKS_LATE_COMPLETED = capAt("TASKS_LATE", "COMPLETED");
const TASKS_LATE_NOT_COMPLETED = capAt("TASKS_LATE", "NOT_COMPLETED");

/** More than 20 % of the tasks late: beyond what HTNV allows. */
const lateBeyond20 = (t: Tasks) => 5 * late(t) > t.assigned;

// rating-rules §7.4 — 366 Điều 11 khoản 2–3: HTTNV needs every task on time; HTNV allows at most 20 % late,
// 5·late ≤ N; beyond, only KHTNV is left (not forced) — or HTNV at most under force majeure
export const tasksLate: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  if (t === null || late(t) === 0) return null;
  return lateBeyond20(t) && !easedByForceMajeure(subject) ? TASKS_LATE_NOT_COMPLETED : TASKS_LATE_COMPLETED;
};

const TASKS_NOT_COMPLETED = capAt("TASKS_NOT_COMPLETED", "NOT_COMPLETED");
const TASKS_NOT_COMPLETED_EASED = capAt("TASKS_NOT_COMPLETED", "COMPLETED");

// rating-rules §7.4 — 366 Điều 11 khoản 3: HTNV needs 100 % of the tasks completed; short of it only KHTNV is
// left, not forced — or HTNV at most under force majeure
export const tasksNotCompleted: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  if (t === null || !notAllCompleted(t)) return null;
  return easedByForceMajeure(subject) ? TASKS_NOT_COMPLETED_EASED : TASKS_NOT_COMPLETED;
};

const TASKS_FAILED_OVER_50 = forceNotCompleted("TASKS_FAILED_OVER_50");

// rating-rules §7.4 — 366 Điều 11, 4: a member without a leadership post with over half of the tasks not completed, 2·(N − C) > N
export const tasksFailedOver50: SubjectRule<MemberInput> = (member) => {
  const t = assigned(member.tasks);
  // Force majeure is not read for these members.
  return t !== null && member.category !== "LEADER" && 2 * (t.assigned - t.completed) > t.assigned ? TASKS_FAILED_OVER_50 : null;
};

const TASKS_UNDER_70 = forceNotCompleted("TASKS_UNDER_70");
const TASKS_UNDER_70_EASED = capAt("TASKS_UNDER_70", "COMPLETED");

// rating-rules §7.4 — 366 Điều 11, 4: a leader's units, or an organization, under 70 % of the planned tasks,
// 10·C < 7·N, forced — at most HTNV under force majeure
export const tasksUnder70: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  if (t === null || !under70(t) || !answersForUnits(subject)) return null;
  return subject.forceMajeure === true ? TASKS_UNDER_70_EASED : TASKS_UNDER_70;
};

const FIVE_TARGETS = forceNotCompleted("FIVE_TARGETS");
const FIVE_TARGETS_EASED = capAt("FIVE_TARGETS", "COMPLETED");

// rating-rules §7.6–7.7 — 366 Điều 11, 4: the five basic socio-economic targets missed (leaders and
// organizations), forced — at most HTNV under force majeure
export const fiveTargets: SubjectRule<SubjectInput> = (subject) => {
  if (subject.fiveTargetsMissed !== true || !answersForUnits(subject)) return null;
  return subject.forceMajeure === true ? FIVE_TARGETS_EASED : FIVE_TARGETS;
};

const FORCE_MAJEURE = noteFor("FORCE_MAJEURE");

// rating-rules §7.4 — 366 Điều 11, 4 (last paragraph): force majeure, listed once when it eased at least one
// rule (one whose effect would otherwise be NOT_COMPLETED)
export const forceMajeure: SubjectRule<SubjectInput> = (subject) => {
  if (!easedByForceMajeure(subject)) return null;
  const t = assigned(subject.tasks);
  const eased = subject.fiveTargetsMissed === true || (t !== null && (notAllCompleted(t) || (late(t) > 0 && lateBeyond20(t))));
  return eased ? FORCE_MAJEURE : null;
};
