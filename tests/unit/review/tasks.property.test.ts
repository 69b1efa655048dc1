import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTasks, summarizeQuarters, TASK_OUTCOMES, TASK_STATUSES, type CountedTask } from "@/lib/review/tasks";

// Properties of the register's counts (docs/rating-rules.md §7.4, lib/review/tasks.ts) over arbitrary
// registers: tasks in any state, with or without a result, due in the year counted or in the years beside it.

const YEAR = 2026;
const pad = (n: number) => String(n).padStart(2, "0");
const date = (year: number) =>
  fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map(({ month, day }) => `${year}-${pad(month)}-${pad(day)}`);
/** Mostly the counted year, sometimes the year before or after (a task carried over, or planned ahead). */
const anyDate = fc.oneof({ weight: 6, arbitrary: date(YEAR) }, { weight: 1, arbitrary: date(YEAR - 1) }, { weight: 1, arbitrary: date(YEAR + 1) });

const task = fc
  .record({
    title: fc.constant("Nhiệm vụ"),
    dueOn: anyDate,
    status: fc.constantFrom(...TASK_STATUSES),
    outcome: fc.option(fc.constantFrom(...TASK_OUTCOMES), { nil: null }),
    doneOn: fc.option(anyDate, { nil: null }),
    exceeded: fc.boolean(),
    // Done on the very day it was due: on time (the edge a "<" would get wrong).
    onDueDay: fc.boolean(),
  })
  .map(({ onDueDay, ...t }) => ({ ...t, doneOn: onDueDay && t.doneOn ? t.dueOn : t.doneOn }));
/** A register: ids unique, as the database makes them. */
const register = fc.array(task, { maxLength: 60 }).map((tasks) => tasks.map((t, i): CountedTask => ({ ...t, id: `t${i}` })));

const dueInYear = (tasks: readonly CountedTask[]) => tasks.filter((t) => t.dueOn.startsWith(`${YEAR}-`));
const confirmedDone = (t: CountedTask) => t.status === "CONFIRMED" && t.outcome === "DONE" && t.doneOn !== null;

describe("countTasks", () => {
  it("keeps T ≤ C ≤ N and X ≤ C, each number the length of the list of tasks behind it", () => {
    fc.assert(
      fc.property(register, (tasks) => {
        const counts = countTasks(tasks, YEAR);
        expect(counts.onTime).toBeLessThanOrEqual(counts.completed);
        expect(counts.completed).toBeLessThanOrEqual(counts.assigned);
        expect(counts.exceeded).toBeLessThanOrEqual(counts.completed);
        expect(counts.tasks.assigned).toHaveLength(counts.assigned);
        expect(counts.tasks.completed).toHaveLength(counts.completed);
        expect(counts.tasks.onTime).toHaveLength(counts.onTime);
        expect(counts.tasks.exceeded).toHaveLength(counts.exceeded);
        // Every task due in the year is either confirmed done (on time or late) or not completed.
        expect(counts.tasks.onTime.length + counts.tasks.late.length).toBe(counts.completed);
        expect(counts.completed + counts.tasks.notCompleted.length).toBe(counts.assigned);
        expect(counts.tasks.unconfirmed.every((id) => counts.tasks.notCompleted.includes(id))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("counts only the tasks due in the year, and only confirmed results as done", () => {
    fc.assert(
      fc.property(register, (tasks) => {
        const counts = countTasks(tasks, YEAR);
        const inYear = dueInYear(tasks);
        expect(counts.tasks.assigned).toEqual(inYear.map((t) => t.id));
        expect(counts.tasks.completed).toEqual(inYear.filter(confirmedDone).map((t) => t.id));
        expect(counts.tasks.onTime).toEqual(inYear.filter((t) => confirmedDone(t) && t.doneOn! <= t.dueOn).map((t) => t.id));
        expect(counts.tasks.exceeded).toEqual(inYear.filter((t) => confirmedDone(t) && t.exceeded).map((t) => t.id));
        // Tasks of other years change nothing.
        expect(countTasks(inYear, YEAR)).toEqual(counts);
        // Nor does the order of the register change the numbers.
        const reversed = countTasks([...tasks].reverse(), YEAR);
        expect([reversed.assigned, reversed.completed, reversed.onTime, reversed.exceeded]).toEqual([
          counts.assigned,
          counts.completed,
          counts.onTime,
          counts.exceeded,
        ]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("summarizeQuarters", () => {
  it("sums over the quarters to N, and each quarter's due tasks are on time, late, not done or pending", () => {
    fc.assert(
      fc.property(register, (tasks) => {
        const counts = countTasks(tasks, YEAR);
        const quarters = summarizeQuarters(tasks, YEAR);
        expect(quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
        const sum = (key: "due" | "onTime" | "late" | "exceeded") => quarters.reduce((total, q) => total + q[key], 0);
        expect(sum("due")).toBe(counts.assigned);
        expect(sum("onTime")).toBe(counts.onTime);
        expect(sum("onTime") + sum("late")).toBe(counts.completed);
        expect(sum("exceeded")).toBe(counts.exceeded);
        for (const q of quarters) {
          expect(q.due).toBe(q.onTime + q.late + q.notDone + q.pending);
          expect(q.exceeded).toBeLessThanOrEqual(q.onTime + q.late);
        }
      }),
      { numRuns: 500 },
    );
  });
});
