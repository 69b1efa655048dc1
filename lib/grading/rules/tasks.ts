import type { MemberInput, SubjectInput, Tasks } from "../types";
import { capAt, forceNotCompleted, noteFor, type Limit, type SubjectRule } from "./rule";

// The conditions of [366] on the year's tasks (rating-rules §7.4), in whole numbers. N = assigned,
// C = completed, T = on time, X = exceeded, late = C − T. Without tasks, or with none assigned, no task
// rule applies. A leader's tasks are those of the units the leader directly leads (366 Điều 11, 1.2).
//
// Force majeure: 366 leaves a leader's or an organization's failure for a reason beyond its control to
// the competent body ("cấp có thẩm quyền căn cứ vào điều kiện, hoàn cảnh … để xem xét"). For them the
// task rules and the five targets cap nothing, and FORCE_MAJEURE tells the body it has that case to judge.
// Each rule tests it itself rather than through a shared wrapper: these run for every subject of a
// country, and a direct test keeps each rule one small, inlinable function.

/** A leader or an organization: answers for the units it leads, may plead force majeure. */
function answersForUnits(subject: SubjectInput): boolean {
  return subject.kind === "ORGANIZATION" || subject.category === "LEADER";
}

/** Force majeure counts for a leader and for an organization only. */
function setAsideByForceMajeure(subject: SubjectInput): boolean {
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
  return t !== null && exceededUnder30(t) && !setAsideByForceMajeure(subject) ? TASKS_EXCEEDED_UNDER_30 : null;
};

const TASKS_LATE_COMPLETED = capAt("TASKS_LATE", "COMPLETED");
const TASKS_LATE_NOT_COMPLETED = capAt("TASKS_LATE", "NOT_COMPLETED");

/** HTTNV needs every task on time; HTNV allows at most 20 % late; beyond, only KHTNV is left (not forced). */
function lateLimit(t: Tasks): Limit | null {
  const lateTasks = late(t);
  if (lateTasks === 0) return null;
  return 5 * lateTasks <= t.assigned ? TASKS_LATE_COMPLETED : TASKS_LATE_NOT_COMPLETED;
}

// rating-rules §7.4 — 366 Điều 11 khoản 2–3: HTTNV needs every task on time; HTNV allows at most 20 % late, 5·late ≤ N
export const tasksLate: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  const limit = t === null ? null : lateLimit(t);
  return limit !== null && !setAsideByForceMajeure(subject) ? limit : null;
};

const TASKS_NOT_COMPLETED = capAt("TASKS_NOT_COMPLETED", "NOT_COMPLETED");

// rating-rules §7.4 — 366 Điều 11 khoản 3: HTNV needs 100 % of the tasks completed; short of it only KHTNV is left, not forced
export const tasksNotCompleted: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  return t !== null && notAllCompleted(t) && !setAsideByForceMajeure(subject) ? TASKS_NOT_COMPLETED : null;
};

const TASKS_FAILED_OVER_50 = forceNotCompleted("TASKS_FAILED_OVER_50");

// rating-rules §7.4 — 366 Điều 11, 4: a member without a leadership post with over half of the tasks not completed, 2·(N − C) > N
export const tasksFailedOver50: SubjectRule<MemberInput> = (member) => {
  const t = assigned(member.tasks);
  // Force majeure is not read for these members.
  return t !== null && member.category !== "LEADER" && 2 * (t.assigned - t.completed) > t.assigned
    ? TASKS_FAILED_OVER_50
    : null;
};

const TASKS_UNDER_70 = forceNotCompleted("TASKS_UNDER_70");

// rating-rules §7.4 — 366 Điều 11, 4: a leader's units, or an organization, under 70 % of the planned tasks, 10·C < 7·N
export const tasksUnder70: SubjectRule<SubjectInput> = (subject) => {
  const t = assigned(subject.tasks);
  return t !== null && under70(t) && answersForUnits(subject) && subject.forceMajeure !== true ? TASKS_UNDER_70 : null;
};

const FIVE_TARGETS = forceNotCompleted("FIVE_TARGETS");

// rating-rules §7.6–7.7 — 366 Điều 11, 4: the five basic socio-economic targets missed (leaders and organizations), unless force majeure
export const fiveTargets: SubjectRule<SubjectInput> = (subject) =>
  subject.fiveTargetsMissed === true && answersForUnits(subject) && subject.forceMajeure !== true ? FIVE_TARGETS : null;

const FORCE_MAJEURE = noteFor("FORCE_MAJEURE");

// rating-rules §7.4 — 366 Điều 11, 4 (last paragraph): force majeure, listed only when it set aside at least one rule
export const forceMajeure: SubjectRule<SubjectInput> = (subject) => {
  if (!setAsideByForceMajeure(subject)) return null;
  const t = assigned(subject.tasks);
  const setAside =
    subject.fiveTargetsMissed === true ||
    (t !== null && (exceededUnder30(t) || lateLimit(t) !== null || notAllCompleted(t) || under70(t)));
  return setAside ? FORCE_MAJEURE : null;
};
