import { DEFAULT_SCORE_SHEETS, scoreTotals, type ScoreFramework, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import type { Random } from "./random";
import type { MemberCategory, RatingLevel, ReviewRecordRow } from "./types";

// The facts of QD366_HD43 (docs/rating-rules.md §7) for one record: points per item of the score sheet,
// the year's tasks and, for a leader, the units led. They are drawn to fit the level the record deserves,
// so that lib/grading allows that level and no higher one (366 Điều 11):
//
//   EXCELLENT      ≥ 90 points, every task on time, at least 30 % of them exceeded
//   GOOD           70–89.9 points, every task on time
//   COMPLETED      50–69.9 points, every task completed, at most 20 % of them late
//   NOT_COMPLETED  under 50 points and some tasks not completed
//
// Shortcomings are not drawn here: a member's are last year's remediation items (reviews.ts), which may
// themselves keep the member from EXCELLENT.

/** The framework (and score sheet) of a member's category; an organization's is COLLECTIVE. */
export const FRAMEWORK_OF_CATEGORY: Record<MemberCategory, Exclude<ScoreFramework, "COLLECTIVE">> = {
  NON_LEADER_IN_SYSTEM: "NON_LEADER",
  LEADER_MANAGER: "LEADER",
  NOT_IN_POLITICAL_SYSTEM: "OUTSIDE_SYSTEM",
};

/** Total points of each level, in tenths; the very top of 100 is left to nobody. */
const BANDS: Record<RatingLevel, readonly [number, number]> = {
  EXCELLENT: [900, 985],
  GOOD: [720, 895],
  COMPLETED: [530, 695],
  NOT_COMPLETED: [380, 490],
};

/**
 * Tasks a year brings: a retiree or a farmer gets a few from the cell, a civil servant a work plan, a
 * leader answers for the tasks of the units led, an organization for its programme of the year.
 */
const TASKS: Record<ScoreFramework, readonly [number, number]> = {
  OUTSIDE_SYSTEM: [2, 5],
  NON_LEADER: [6, 14],
  LEADER: [8, 18],
  COLLECTIVE: [10, 24],
};

export type ScoreFacts = Pick<
  ReviewRecordRow,
  | "scoreItems"
  | "scoreGeneralTenths"
  | "scoreResultsTenths"
  | "tasksAssigned"
  | "tasksCompleted"
  | "tasksOnTime"
  | "tasksExceeded"
  | "ledUnitsCount"
  | "ledUnitsNotCompleted"
>;

/**
 * Score, tasks and (for a leader) led units that allow `level` and nothing above it. `taskScale`
 * multiplies the year's tasks (a province's benchmark register has about 40 a member).
 */
export function scoreFacts(rng: Random, framework: ScoreFramework, level: RatingLevel, taskScale = 1): ScoreFacts {
  const sheet = DEFAULT_SCORE_SHEETS[framework];
  const [low, high] = BANDS[level];
  const items = itemScores(rng, sheet, rng.int(low, high));
  // Totals are computed from the items, as the app computes them on every write (never typed).
  const totals = scoreTotals(sheet, items);
  const leader = framework === "LEADER";
  const ledUnits = leader ? rng.int(1, 4) : null;
  return {
    scoreItems: items,
    scoreGeneralTenths: totals.generalTenths,
    scoreResultsTenths: totals.resultsTenths,
    ...tasksFor(rng, level, scaled(TASKS[framework], taskScale)),
    ledUnitsCount: ledUnits,
    // Fewer than half of the units led may be KHTNV before the leader is forced down (366 Điều 11, 4).
    ledUnitsNotCompleted: ledUnits === null ? null : level === "NOT_COMPLETED" && ledUnits >= 2 ? 1 : 0,
  };
}

/** Nothing scored yet: a record still in draft, or never reviewed. */
export const NO_SCORE: ScoreFacts = {
  scoreItems: undefined,
  scoreGeneralTenths: null,
  scoreResultsTenths: null,
  tasksAssigned: null,
  tasksCompleted: null,
  tasksOnTime: null,
  tasksExceeded: null,
  ledUnitsCount: null,
  ledUnitsNotCompleted: null,
};

/**
 * Points per item summing exactly to `totalTenths`: every item near the same share of its maximum, a
 * little above or below, then moved one tenth at a time until the sum is right. Whole tenths only, so
 * the points have one decimal at most, as the sheet requires.
 */
function itemScores(rng: Random, sheet: ScoreSheetContent, totalTenths: number): Record<string, number> {
  const items = sheet.groups.flatMap((group) => group.items.map((item) => ({ key: item.key, max: Math.round(item.maxPoints * 10) })));
  const full = items.reduce((sum, item) => sum + item.max, 0);
  const tenths = items.map((item) => Math.min(item.max, Math.round(((item.max * totalTenths) / full) * (0.93 + 0.14 * rng.next()))));
  let gap = totalTenths - tenths.reduce((sum, t) => sum + t, 0);
  // The total is within 0..full, so some item always has room and the loop ends.
  for (let i = 0; gap !== 0; i = (i + 1) % items.length) {
    const step = Math.sign(gap);
    const next = tenths[i] + step;
    if (next < 0 || next > items[i].max) continue;
    tenths[i] = next;
    gap -= step;
  }
  return Object.fromEntries(items.map((item, i) => [item.key, tenths[i] / 10]));
}

const scaled = ([min, max]: readonly [number, number], scale: number): readonly [number, number] =>
  scale === 1 ? [min, max] : [Math.max(1, Math.round(min * scale)), Math.max(1, Math.round(max * scale))];

/** The task counts N/C/T/X a year of `level` may have, as the register of a record not yet rated plans them. */
export function taskCountsFor(rng: Random, framework: ScoreFramework, level: RatingLevel, taskScale = 1) {
  const counts = tasksFor(rng, level, scaled(TASKS[framework], taskScale));
  return { assigned: counts.tasksAssigned, completed: counts.tasksCompleted, onTime: counts.tasksOnTime, exceeded: counts.tasksExceeded };
}

function tasksFor(rng: Random, level: RatingLevel, [min, max]: readonly [number, number]) {
  const assigned = rng.int(min, max);
  // 10·X ≥ 3·N in whole numbers: the fewest exceeded tasks that make 30 %.
  const thirtyPercent = Math.floor((3 * assigned + 9) / 10);
  let completed = assigned;
  let late = 0;
  let exceeded: number;
  if (level === "EXCELLENT") exceeded = rng.int(thirtyPercent, Math.max(thirtyPercent, Math.round(assigned * 0.6)));
  else if (level === "GOOD") exceeded = rng.int(0, thirtyPercent - 1);
  else if (level === "COMPLETED") {
    late = rng.int(0, Math.floor(assigned / 5));
    exceeded = rng.int(0, Math.floor(assigned / 10));
  } else {
    completed = assigned - rng.int(1, Math.max(1, Math.floor(assigned / 3)));
    late = rng.int(0, Math.floor(completed / 4));
    exceeded = 0;
  }
  return { tasksAssigned: assigned, tasksCompleted: completed, tasksOnTime: completed - late, tasksExceeded: exceeded };
}
