import { describe, expect, it } from "vitest";
import { canConfirmTasks, canKeepTasks, canReadTasks, type Actor, type TaskSubject } from "@/lib/review/permissions";
import { countTasks, dueSoonOrOverdue, quarterBounds, quarterOf, stepAllowed, taskFileProblem, type CountedTask } from "@/lib/review/tasks";

// The task register's rules, pure: the counts of §7.4 with the tasks behind them, the steps each state
// allows, the files a product may carry, and who keeps, confirms and reads whose register.

const task = (id: string, overrides: Partial<CountedTask> = {}): CountedTask => ({
  id,
  title: id,
  dueOn: "2026-03-31",
  status: "CONFIRMED",
  outcome: "DONE",
  doneOn: "2026-03-30",
  exceeded: false,
  ...overrides,
});

describe("the counts of a year", () => {
  it("count only confirmed results, late ones as completed, and name the tasks behind each number", () => {
    const counts = countTasks(
      [
        task("on-time"),
        task("late", { doneOn: "2026-04-02" }),
        task("exceeded", { exceeded: true }),
        task("reported", { status: "REPORTED" }),
        task("not-done", { outcome: "NOT_DONE", doneOn: null }),
        task("open", { status: "OPEN", outcome: null, doneOn: null }),
        task("last-year", { dueOn: "2025-12-31" }),
      ],
      2026,
    );
    expect([counts.assigned, counts.completed, counts.onTime, counts.exceeded]).toEqual([6, 3, 2, 1]);
    expect(counts.tasks.late).toEqual(["late"]);
    expect(counts.tasks.notCompleted).toEqual(["reported", "not-done", "open"]);
    expect(counts.tasks.unconfirmed).toEqual(["reported"]);
  });

  it("done on the due date is on time", () => {
    expect(countTasks([task("a", { doneOn: "2026-03-31" })], 2026).onTime).toBe(1);
  });
});

describe("quarters and reminders", () => {
  it("a date's quarter and a quarter's bounds", () => {
    expect([quarterOf("2026-01-01"), quarterOf("2026-03-31"), quarterOf("2026-04-01"), quarterOf("2026-12-31")]).toEqual([1, 1, 2, 4]);
    expect(quarterBounds(2024, 1)).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(quarterBounds(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });

  it("due within seven days, or overdue, while no result is reported", () => {
    expect(dueSoonOrOverdue({ dueOn: "2026-12-06", status: "OPEN" }, "2026-12-07")).toBe("overdue");
    expect(dueSoonOrOverdue({ dueOn: "2026-12-14", status: "RETURNED" }, "2026-12-07")).toBe("dueSoon");
    expect(dueSoonOrOverdue({ dueOn: "2026-12-15", status: "OPEN" }, "2026-12-07")).toBeNull();
    expect(dueSoonOrOverdue({ dueOn: "2026-12-06", status: "REPORTED" }, "2026-12-07")).toBeNull();
  });

  it("a confirmed result is only corrected; a reported one confirmed or sent back", () => {
    expect(stepAllowed("CONFIRMED", "report")).toBe(false);
    expect(stepAllowed("CONFIRMED", "correct")).toBe(true);
    expect(stepAllowed("OPEN", "confirm")).toBe(false);
    expect(stepAllowed("REPORTED", "return")).toBe(true);
    expect(stepAllowed("REPORTED", "withdraw")).toBe(false);
  });
});

describe("evidence files", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("accept documents and images whose first bytes match their type", () => {
    expect(taskFileProblem("Báo cáo.pdf", 1000, bytes("%PDF-1.7"))).toBeNull();
    expect(taskFileProblem("anh.PNG", 1000, new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(taskFileProblem("ghi-chu.txt", 10, bytes("Biên bản họp"))).toBeNull();
  });
  it("refuse HTML, SVG, programs, a page renamed .pdf, empty and oversized files", () => {
    expect(taskFileProblem("trang.html", 100, bytes("<html>"))).toBe("fileType");
    expect(taskFileProblem("hinh.svg", 100, bytes("<svg>"))).toBe("fileType");
    expect(taskFileProblem("setup.exe", 100, bytes("MZ"))).toBe("fileType");
    expect(taskFileProblem("bao-cao.pdf", 100, bytes("<html><script>"))).toBe("fileType");
    expect(taskFileProblem("ghi-chu.txt", 100, bytes("  <!doctype html>"))).toBe("fileType");
    expect(taskFileProblem("rong.pdf", 0, new Uint8Array())).toBe("fileEmpty");
    expect(taskFileProblem("lon.pdf", 10 * 1024 * 1024 + 1, bytes("%PDF"))).toBe("fileSize");
    expect(taskFileProblem("khong-duoi", 100, bytes("%PDF"))).toBe("fileType");
  });
});

describe("who keeps, confirms and reads a register", () => {
  const [upper, grassroots, cell, otherCell] = ["U", "G", "C", "C2"];
  const actor = (memberId: string | null, ...roles: [Actor["roles"][number]["role"], string][]): Actor => ({
    userId: "u",
    displayName: "x",
    memberId,
    roles: roles.map(([role, organizationId]) => ({ role, organizationId })),
  });
  const member = (memberId: string, leader = false): TaskSubject => ({ kind: "MEMBER", memberId, leader, cellAncestry: [cell, grassroots, upper] });
  const unit = (organizationId: string, ancestry: string[]): TaskSubject => ({ kind: "ORGANIZATION", organizationId, ancestry });

  const self = actor("m1", ["MEMBER", cell]);
  const secretary = actor("s", ["MEMBER", cell], ["CELL_SECRETARY", cell]);
  const otherSecretary = actor("s2", ["CELL_SECRETARY", otherCell]);
  const committee = actor("k", ["GRASSROOTS_COMMITTEE", grassroots]);
  const board = actor(null, ["UPPER_BOARD", upper]);

  it("a member keeps and reads their own register, and confirms nothing of it", () => {
    expect([canKeepTasks(self, member("m1")), canReadTasks(self, member("m1")), canConfirmTasks(self, member("m1"))]).toEqual([true, true, false]);
    expect([canKeepTasks(self, member("m2")), canReadTasks(self, member("m2"))]).toEqual([false, false]);
  });

  it("the secretary confirms the cell's members, not a leader's, not their own, not another cell's", () => {
    expect(canConfirmTasks(secretary, member("m1"))).toBe(true);
    expect(canConfirmTasks(secretary, member("m1", true))).toBe(false);
    expect(canConfirmTasks(secretary, member("s"))).toBe(false);
    expect(canConfirmTasks(otherSecretary, member("m1"))).toBe(false);
    expect(canConfirmTasks(committee, member("m1", true))).toBe(true);
    // The upper level confirms organizations, not members: it reads them.
    expect([canConfirmTasks(board, member("m1")), canReadTasks(board, member("m1"))]).toEqual([false, true]);
  });

  it("a unit's tasks are kept by its officers and confirmed from strictly above", () => {
    const theCell = unit(cell, [cell, grassroots, upper]);
    const theGrassroots = unit(grassroots, [grassroots, upper]);
    expect([canKeepTasks(secretary, theCell), canConfirmTasks(secretary, theCell)]).toEqual([true, false]);
    expect([canKeepTasks(committee, theCell), canConfirmTasks(committee, theCell)]).toEqual([true, true]);
    expect([canKeepTasks(committee, theGrassroots), canConfirmTasks(committee, theGrassroots)]).toEqual([true, false]);
    expect([canConfirmTasks(board, theGrassroots), canReadTasks(board, theGrassroots)]).toEqual([true, true]);
    // An officer of the unit itself who also sits on the committee does not confirm the unit's own tasks.
    const both = actor("s", ["CELL_SECRETARY", cell], ["GRASSROOTS_COMMITTEE", grassroots]);
    expect(canConfirmTasks(both, theCell)).toBe(false);
    // A member of the cell does not read the cell's register.
    expect(canReadTasks(self, theCell)).toBe(false);
  });
});
