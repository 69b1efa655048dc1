import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { evaluateSubject } from "@/lib/grading/evaluate";
import { loadMessages } from "@/lib/i18n/messages";
import { countTasks, explainTaskCaps, mayCarryTaskReason, taskCapMessage, taskRegisterHref, type CountedTask } from "@/lib/review/tasks";

// The tasks named behind a cap of the year-end verdict, as the verdict panel and the desks print them.

const vi = createTranslator({ locale: "vi", messages: loadMessages("vi"), namespace: "tasks.yearEnd.caps" });
const en = createTranslator({ locale: "en", messages: loadMessages("en"), namespace: "tasks.yearEnd.caps" });
const sentences = (lines: ReturnType<typeof explainTaskCaps>, t = vi) =>
  lines.map((line) => {
    const { key, values } = taskCapMessage(line);
    return t(key as "late", values);
  });

const task = (id: string, over: Partial<CountedTask> = {}): CountedTask => ({
  id,
  title: `Nhiệm vụ ${id}`,
  dueOn: "2026-06-30",
  status: "CONFIRMED",
  outcome: "DONE",
  doneOn: "2026-06-01",
  exceeded: false,
  ...over,
});
const titlesOf = (tasks: CountedTask[]) => Object.fromEntries(tasks.map((t) => [t.id, t.title]));

// Ten tasks: 3 late (A, B, C), 2 not done (D reported and waiting, E confirmed not done), 1 exceeded.
const TEN = [
  task("A", { doneOn: "2026-07-05" }),
  task("B", { doneOn: "2026-07-10" }),
  task("C", { doneOn: "2026-08-01" }),
  task("D", { status: "REPORTED" }),
  task("E", { outcome: "NOT_DONE", doneOn: null }),
  task("F", { exceeded: true }),
  task("G"),
  task("H"),
  task("I"),
  task("J"),
];

describe("explainTaskCaps", () => {
  it("names the late, the not completed and the too few exceeded tasks in Vietnamese sentences", () => {
    const counts = countTasks(TEN, 2026);
    const lines = explainTaskCaps(["TASKS_EXCEEDED_UNDER_30", "TASKS_LATE", "TASKS_NOT_COMPLETED"], counts, titlesOf(TEN));
    expect(sentences(lines)).toEqual([
      "chỉ 1/10 nhiệm vụ vượt yêu cầu (cần ít nhất 3 để đạt Hoàn thành xuất sắc)",
      "3/10 nhiệm vụ hoàn thành chậm: Nhiệm vụ A, Nhiệm vụ B, Nhiệm vụ C",
      "2/10 nhiệm vụ chưa hoàn thành: Nhiệm vụ D, Nhiệm vụ E (trong đó 1 kết quả chưa được xác nhận)",
    ]);
    expect(sentences(lines, en)[1]).toBe("3/10 tasks done late: Nhiệm vụ A, Nhiệm vụ B, Nhiệm vụ C");
    expect(lines.map((l) => l.filter)).toEqual(["exceeded", "late", "notCompleted"]);
  });

  it("follows the verdict: no line for a reason the verdict does not carry, one line for the reasons of one kind", () => {
    const counts = countTasks(TEN, 2026);
    expect(explainTaskCaps([], counts, titlesOf(TEN))).toEqual([]);
    expect(explainTaskCaps(["SCORE_UNDER_50", "FORCE_MAJEURE"], counts, titlesOf(TEN))).toEqual([]);
    const lines = explainTaskCaps(["TASKS_NOT_COMPLETED", "TASKS_UNDER_70"], counts, titlesOf(TEN));
    expect(lines).toHaveLength(1);
    expect(lines[0].reasons).toEqual(["TASKS_NOT_COMPLETED", "TASKS_UNDER_70"]);
  });

  it("names five tasks at most and counts the rest; without titles it still gives the count", () => {
    const many = Array.from({ length: 8 }, (_, i) => task(`L${i}`, { doneOn: "2026-07-01" }));
    const counts = countTasks(many, 2026);
    expect(sentences(explainTaskCaps(["TASKS_LATE"], counts, titlesOf(many)))).toEqual([
      "8/8 nhiệm vụ hoàn thành chậm: Nhiệm vụ L0, Nhiệm vụ L1, Nhiệm vụ L2, Nhiệm vụ L3, Nhiệm vụ L4 và 3 nhiệm vụ khác",
    ]);
    expect(sentences(explainTaskCaps(["TASKS_LATE"], counts, {}))).toEqual(["8/8 nhiệm vụ hoàn thành chậm"]);
  });

  it("agrees with the rules: the reasons lib/grading gives for the register's counts are the ones explained", () => {
    const counts = countTasks(TEN, 2026);
    const verdict = evaluateSubject(
      {
        kind: "MEMBER",
        id: "m",
        peerGroup: "g",
        proposed: "GOOD",
        category: "REGULAR",
        status: "ACTIVE",
        admittedOn: "2010-01-01",
        scoreGeneralTenths: 280,
        scoreResultsTenths: 600,
        tasks: { assigned: counts.assigned, completed: counts.completed, onTime: counts.onTime, exceeded: counts.exceeded },
      } as never,
      { ruleSet: "QD366_HD43", ratingDate: "2026-12-15" },
    );
    expect(verdict.reasons).toEqual(expect.arrayContaining(["TASKS_LATE", "TASKS_NOT_COMPLETED", "TASKS_EXCEEDED_UNDER_30"]));
    const lines = explainTaskCaps(verdict.reasons, counts, titlesOf(TEN));
    expect(lines.map((l) => l.kind).sort()).toEqual(["exceeded", "late", "notCompleted"]);
    expect(mayCarryTaskReason(counts)).toBe(true);
    expect(mayCarryTaskReason({ assigned: 10, completed: 10, onTime: 10, exceeded: 3 })).toBe(false);
    expect(mayCarryTaskReason({ assigned: 0, completed: 0, onTime: 0, exceeded: 0 })).toBe(false);
  });

  it("links to the register filtered to the tasks behind a number", () => {
    expect(taskRegisterHref({ kind: "MEMBER", id: "m1" }, 2026, "late")).toBe("/members/m1/tasks?year=2026&show=late#task-list");
    expect(taskRegisterHref({ kind: "ORGANIZATION", id: "o1" }, 2026)).toBe("/units/o1/tasks?year=2026");
  });
});
