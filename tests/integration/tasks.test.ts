import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import {
  confirmTask,
  correctTask,
  declareTask,
  editTask,
  getTask,
  getTaskRegister,
  loadCountedTasks,
  reportTask,
  returnTask,
  withdrawTask,
} from "@/lib/data/tasks";
import { DomainError } from "@/lib/errors";
import { todayInVietnam } from "@/lib/i18n/format";
import { countTasks } from "@/lib/review/tasks";
import type { TaskFieldsInput, TaskResultInput } from "@/lib/schemas/tasks";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";

// The task register on the real database: each step of a task (declare, report, confirm, return, correct,
// withdraw) as its keeper and its confirmer take it, audited in its transaction; scope, one's own results
// and stale pages refused, changing nothing; and, in a cycle that uses the register, the record's task
// facts always equal a recount of the register — after every step, and under two confirmers at once.

let member: Actor; // dangvien, Chi bộ thôn Đông
let secretary: Actor; // bithu, the same cell
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let committee: Actor; // danguy, Đảng bộ xã An Bình
let memberId: string;
let recordId: string;
let cycleId: string;
let optionsBefore: unknown;

const year = CURRENT_YEAR;
const today = todayInVietnam();
const day = (month: number, date: number) => `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;

const fields = (overrides: Partial<TaskFieldsInput> = {}): TaskFieldsInput => ({
  title: "Tuyên truyền Nghị quyết Đại hội tại khu dân cư",
  source: "Kế hoạch công tác năm của chi bộ",
  assignedOn: day(1, 10),
  dueOn: day(3, 31),
  expectedProduct: "Ba buổi tuyên truyền, biên bản từng buổi",
  qualityMeasure: "Trên 80 % hộ dự; được chi ủy ghi nhận",
  ...overrides,
});
const done = (overrides: Partial<Extract<TaskResultInput, { outcome: "DONE" }>> = {}): TaskResultInput => ({
  outcome: "DONE",
  doneOn: day(3, 28),
  product: "Ba buổi tuyên truyền (biên bản số 1, 2, 3)",
  productLink: "",
  exceeded: false,
  exceededGrounds: "",
  ...overrides,
});

const recordFacts = async () => {
  const r = await db.reviewRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { tasksAssigned: true, tasksCompleted: true, tasksOnTime: true, tasksExceeded: true, version: true },
  });
  return { assigned: r.tasksAssigned, completed: r.tasksCompleted, onTime: r.tasksOnTime, exceeded: r.tasksExceeded, version: r.version };
};
/** The register recounted from scratch, as §7.4 reads it. */
const recount = async () => {
  const c = countTasks(await loadCountedTasks(db, { memberId }, year), year);
  return { assigned: c.assigned, completed: c.completed, onTime: c.onTime, exceeded: c.exceeded };
};
const expectFactsEqualRecount = async () => {
  const { version: _v, ...facts } = await recordFacts();
  expect(facts).toEqual(await recount());
};
const taskNow = (id: string) =>
  db.task.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, outcome: true, exceeded: true, returnReason: true, confirmedById: true } });
const auditOf = (id: string) => db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, data: true } });

async function declared(actor: Actor, overrides: Partial<TaskFieldsInput> = {}) {
  return declareTask(actor, { subject: { kind: "MEMBER", memberId }, task: fields(overrides) });
}

async function reported(overrides: Partial<TaskFieldsInput> = {}, result: TaskResultInput = done()) {
  const task = await declared(member, overrides);
  const { version } = await reportTask(member, { taskId: task.id, expectedVersion: task.version, result });
  return { id: task.id, version };
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [member, secretary, otherSecretary, committee] = await Promise.all([actorFor("dangvien"), actorFor("bithu"), actorFor("bithu2"), actorFor("danguy")]);
  memberId = member.memberId!;
  const cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  cycleId = cycle.id;
  optionsBefore = (await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { options: true } })).options;
  // The review under way counts its task facts from the register (the demo's may already).
  await db.reviewCycle.update({ where: { id: cycleId }, data: { options: { ...(optionsBefore as object), taskRegister: true } } });
  recordId = (await db.reviewRecord.findFirstOrThrow({ where: { cycleId, memberId }, select: { id: true } })).id;
  expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).cellId).toBe(cellEast);
});

afterAll(async () => {
  await db.reviewCycle.update({ where: { id: cycleId }, data: { options: optionsBefore as object } });
});

describe("a task's steps", () => {
  it("the member declares a task: it is theirs, open, audited, and counted as assigned", async () => {
    const before = await recordFacts();
    const task = await declared(member);
    expect(await taskNow(task.id)).toMatchObject({ status: "OPEN", version: 0, outcome: null });
    const audit = await auditOf(task.id);
    expect(audit).toEqual([{ action: "task.declare", actorId: member.userId, data: { after: fields() } }]);
    const after = await recordFacts();
    expect(after.assigned).toBe((before.assigned ?? 0) + 1);
    expect(after.version).toBe(before.version + 1);
    await expectFactsEqualRecount();
    // The record's own history says the facts moved, in the same transaction as the task.
    const recordRow = await db.auditLog.findFirstOrThrow({ where: { entityId: recordId, action: "record.taskFacts" }, orderBy: { id: "desc" } });
    expect(recordRow.data).toMatchObject({ taskId: task.id, after: await recount() });
  });

  it("a reported result waits: it does not count until the secretary confirms it", async () => {
    const before = await recordFacts();
    const task = await reported();
    expect(await taskNow(task.id)).toMatchObject({ status: "REPORTED", outcome: "DONE" });
    expect((await recordFacts()).completed).toBe((before.completed ?? 0) + 0);

    await confirmTask(secretary, { taskId: task.id, expectedVersion: task.version });
    expect(await taskNow(task.id)).toMatchObject({ status: "CONFIRMED", confirmedById: secretary.userId });
    const after = await recordFacts();
    expect([after.completed, after.onTime]).toEqual([(before.completed ?? 0) + 1, (before.onTime ?? 0) + 1]);
    await expectFactsEqualRecount();
    expect((await auditOf(task.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["task.declare", member.userId],
      ["task.report", member.userId],
      ["task.confirm", secretary.userId],
    ]);
  });

  it("a late result counts as completed, not on time", async () => {
    const before = await recordFacts();
    const task = await reported({ dueOn: day(2, 15) }, done({ doneOn: day(2, 20) }));
    await confirmTask(secretary, { taskId: task.id, expectedVersion: task.version });
    const after = await recordFacts();
    expect([after.completed! - before.completed!, after.onTime! - before.onTime!]).toEqual([1, 0]);
    await expectFactsEqualRecount();
  });

  it("the secretary sends a result back with the reason; the member reports again; then it is confirmed", async () => {
    const task = await reported();
    await returnTask(secretary, { taskId: task.id, expectedVersion: task.version, reason: "Thiếu biên bản buổi thứ ba." });
    expect(await taskNow(task.id)).toMatchObject({ status: "RETURNED", returnReason: "Thiếu biên bản buổi thứ ba." });
    const returned = await taskNow(task.id);
    const again = await reportTask(member, { taskId: task.id, expectedVersion: returned.version, result: done({ product: "Ba buổi, đủ ba biên bản" }) });
    expect(await taskNow(task.id)).toMatchObject({ status: "REPORTED", returnReason: null });
    await confirmTask(secretary, { taskId: task.id, expectedVersion: again.version });
    expect((await auditOf(task.id)).map((a) => a.action)).toEqual(["task.declare", "task.report", "task.return", "task.report", "task.confirm"]);
    await expectFactsEqualRecount();
  });

  it("a confirmed result changes only by the confirmer's recorded correction, and the counts follow", async () => {
    const task = await reported();
    const confirmed = await confirmTask(secretary, { taskId: task.id, expectedVersion: task.version });
    // The member cannot report over a confirmed result, nor edit the task.
    await expect(reportTask(member, { taskId: task.id, expectedVersion: confirmed.version, result: done() })).rejects.toMatchObject({ code: "TASK_STATE" });
    await expect(editTask(member, { taskId: task.id, expectedVersion: confirmed.version, task: fields() })).rejects.toMatchObject({ code: "TASK_STATE" });

    const before = await recordFacts();
    const corrected = {
      outcome: "DONE" as const,
      doneOn: day(3, 28),
      product: "Ba buổi",
      productLink: "",
      exceeded: true,
      exceededGrounds: "Tổ chức thêm một buổi cho thanh niên",
    };
    await correctTask(secretary, { taskId: task.id, expectedVersion: confirmed.version, reason: "Bổ sung kết quả vượt yêu cầu.", result: corrected });
    expect(await taskNow(task.id)).toMatchObject({ status: "CONFIRMED", exceeded: true });
    expect((await recordFacts()).exceeded).toBe(before.exceeded! + 1);
    await expectFactsEqualRecount();
    const correction = (await auditOf(task.id)).at(-1)!;
    expect(correction).toMatchObject({
      action: "task.correct",
      actorId: secretary.userId,
      data: { reason: "Bổ sung kết quả vượt yêu cầu.", after: corrected },
    });
    expect((correction.data as { before: { exceeded: boolean } }).before.exceeded).toBe(false);
  });

  it("a task not done counts as assigned and not completed", async () => {
    const before = await recordFacts();
    const task = await reported({}, { outcome: "NOT_DONE", notDoneReason: "Khu dân cư bị ngập, hoãn họp.", forceMajeure: false });
    await confirmTask(secretary, { taskId: task.id, expectedVersion: task.version });
    const after = await recordFacts();
    expect([after.assigned! - before.assigned!, after.completed! - before.completed!]).toEqual([1, 0]);
    await expectFactsEqualRecount();
  });

  it("the member withdraws a task declared by mistake before it falls due; past due, only the confirmer may", async () => {
    const before = await recordFacts();
    const future = await declared(member, { dueOn: `${year}-12-31` });
    await withdrawTask(member, { taskId: future.id, expectedVersion: future.version, reason: "Ghi trùng." });
    expect(await db.task.findUnique({ where: { id: future.id } })).toBeNull();
    expect((await recordFacts()).assigned).toBe(before.assigned);
    expect((await auditOf(future.id)).map((a) => a.action)).toEqual(["task.declare", "task.withdraw"]);

    const pastDue = await declared(member, { dueOn: day(1, 31) });
    if (day(1, 31) < today) {
      await expect(withdrawTask(member, { taskId: pastDue.id, expectedVersion: pastDue.version, reason: "Không làm nữa." })).rejects.toMatchObject({
        code: "TASK_PAST_DUE",
      });
    }
    await withdrawTask(secretary, { taskId: pastDue.id, expectedVersion: pastDue.version, reason: "Ghi nhầm người." });
    await expectFactsEqualRecount();
  });

  it("the register reads the tasks behind each count", async () => {
    const register = await getTaskRegister(member, { kind: "MEMBER", memberId }, year);
    expect(register.canKeep).toBe(true);
    expect(register.canConfirm).toBe(false);
    const { version: _v, ...facts } = await recordFacts();
    expect({
      assigned: register.counts.assigned,
      completed: register.counts.completed,
      onTime: register.counts.onTime,
      exceeded: register.counts.exceeded,
    }).toEqual(facts);
    expect(register.counts.tasks.late.length).toBe(register.counts.completed - register.counts.onTime);
    expect(register.record).toMatchObject({ id: recordId, usesRegister: true });
    expect((await getTaskRegister(secretary, { kind: "MEMBER", memberId }, year)).canConfirm).toBe(true);
  });
});

describe("refusals change nothing", () => {
  it("nobody confirms their own results", async () => {
    const task = await reported();
    await expect(confirmTask(member, { taskId: task.id, expectedVersion: task.version })).rejects.toMatchObject({ code: "OWN_TASK" });
    await expect(returnTask(member, { taskId: task.id, expectedVersion: task.version, reason: "x" })).rejects.toMatchObject({ code: "OWN_TASK" });
    expect(await taskNow(task.id)).toMatchObject({ status: "REPORTED", version: task.version });
  });

  it("another cell's secretary neither reads, confirms nor declares: NOT_FOUND, and no row is written", async () => {
    const task = await reported();
    const audits = await db.auditLog.count();
    await expect(getTask(otherSecretary, task.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTaskRegister(otherSecretary, { kind: "MEMBER", memberId }, year)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmTask(otherSecretary, { taskId: task.id, expectedVersion: task.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(declared(otherSecretary)).rejects.toBeInstanceOf(NotFoundError);
    // A member reads only their own register.
    const neighbour = await db.member.findFirstOrThrow({ where: { cellId: await orgByCode("HU.01.04"), id: { not: memberId } }, select: { id: true } });
    await expect(getTaskRegister(member, { kind: "MEMBER", memberId: neighbour.id }, year)).rejects.toBeInstanceOf(NotFoundError);
    await expect(declareTask(member, { subject: { kind: "MEMBER", memberId: neighbour.id }, task: fields() })).rejects.toBeInstanceOf(NotFoundError);
    expect(await taskNow(task.id)).toMatchObject({ status: "REPORTED", version: task.version });
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("a stale page, bad input and a date in the future are refused", async () => {
    const task = await declared(member);
    const facts = await recordFacts();
    await expect(reportTask(member, { taskId: task.id, expectedVersion: task.version + 1, result: done() })).rejects.toMatchObject({ code: "STALE_EDIT" });
    await expect(declared(member, { dueOn: day(1, 1), assignedOn: day(2, 1) })).rejects.toBeInstanceOf(ZodError);
    await expect(declared(member, { title: "   " })).rejects.toBeInstanceOf(ZodError);
    await expect(
      reportTask(member, { taskId: task.id, expectedVersion: task.version, result: done({ exceeded: true, exceededGrounds: "" }) }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      reportTask(member, { taskId: task.id, expectedVersion: task.version, result: done({ productLink: "javascript:alert(1)" }) }),
    ).rejects.toBeInstanceOf(ZodError);
    const future = await reportTask(member, { taskId: task.id, expectedVersion: task.version, result: done({ doneOn: `${year + 1}-06-01` }) }).catch((e) => e);
    expect(future).toBeInstanceOf(DomainError);
    expect(future.fieldErrors).toEqual({ "result.doneOn": "dateInFuture" });
    expect(await taskNow(task.id)).toMatchObject({ status: "OPEN", version: 0 });
    expect(await recordFacts()).toEqual(facts);
  });

  it("a leader's results go to the committee: the cell's secretary cannot confirm them", async () => {
    // A member of the cell who takes a leadership post (the cell's only leader is its secretary): for the
    // length of this test, then back as they were.
    const cellEast = await orgByCode("HU.01.04");
    const leader = await db.member.findFirstOrThrow({
      where: { cellId: cellEast, category: { not: "LEADER_MANAGER" }, status: "ACTIVE", users: { none: {} } },
      orderBy: { cardNumber: "asc" },
      select: { id: true, category: true },
    });
    await db.member.update({ where: { id: leader.id }, data: { category: "LEADER_MANAGER" } });
    try {
      const task = await declareTask(secretary, { subject: { kind: "MEMBER", memberId: leader.id }, task: fields() });
      const { version } = await reportTask(secretary, { taskId: task.id, expectedVersion: task.version, result: done() });
      await expect(confirmTask(secretary, { taskId: task.id, expectedVersion: version })).rejects.toBeInstanceOf(NotFoundError);
      await confirmTask(committee, { taskId: task.id, expectedVersion: version });
      expect(await taskNow(task.id)).toMatchObject({ status: "CONFIRMED", confirmedById: committee.userId });
    } finally {
      await db.member.update({ where: { id: leader.id }, data: { category: leader.category } });
    }
  });

  it("a cell's own tasks are kept by its secretary and confirmed by the committee above, never by the cell", async () => {
    const cellEast = await orgByCode("HU.01.04");
    const task = await declareTask(secretary, {
      subject: { kind: "ORGANIZATION", organizationId: cellEast },
      task: fields({ title: "Kế hoạch phát triển đảng viên" }),
    });
    const { version } = await reportTask(secretary, { taskId: task.id, expectedVersion: task.version, result: done() });
    await expect(confirmTask(secretary, { taskId: task.id, expectedVersion: version })).rejects.toMatchObject({ code: "OWN_TASK" });
    await expect(confirmTask(otherSecretary, { taskId: task.id, expectedVersion: version })).rejects.toBeInstanceOf(NotFoundError);
    await confirmTask(committee, { taskId: task.id, expectedVersion: version });
    expect(await taskNow(task.id)).toMatchObject({ status: "CONFIRMED" });
    // A member of the cell does not read the cell's register.
    await expect(getTaskRegister(member, { kind: "ORGANIZATION", organizationId: cellEast }, year)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("once the year's level is decided, a change that would move its counts is refused: FACTS_LOCKED", async () => {
    // A record of the cell decided by the committee, for the length of this test.
    const record = await db.reviewRecord.findFirstOrThrow({
      where: { cycleId, scopeOrgId: await orgByCode("HU.01.04"), subjectKind: "MEMBER", state: "DRAFT", member: { users: { none: {} } } },
      orderBy: { member: { cardNumber: "asc" } },
      select: { id: true, memberId: true },
    });
    await db.reviewRecord.update({ where: { id: record.id }, data: { state: "DECIDED", decidedLevel: "COMPLETED" } });
    try {
      const tasks = await db.task.count({ where: { memberId: record.memberId! } });
      await expect(declareTask(committee, { subject: { kind: "MEMBER", memberId: record.memberId! }, task: fields() })).rejects.toMatchObject({
        code: "FACTS_LOCKED",
      });
      expect(await db.task.count({ where: { memberId: record.memberId! } })).toBe(tasks);
      // A task of another year does not touch this year's level.
      const nextYear = await declareTask(committee, {
        subject: { kind: "MEMBER", memberId: record.memberId! },
        task: fields({ assignedOn: `${year + 1}-01-05`, dueOn: `${year + 1}-03-31` }),
      });
      expect(await db.task.findUnique({ where: { id: nextYear.id }, select: { year: true } })).toEqual({ year: year + 1 });
    } finally {
      await db.reviewRecord.update({ where: { id: record.id }, data: { state: "DRAFT", decidedLevel: null } });
    }
  });
});

describe("two confirmers at once", () => {
  it("both confirmations count: the record's facts equal the recount", async () => {
    const [a, b, c, d] = await Promise.all([reported(), reported(), reported(), reported()]);
    const before = await recordFacts();
    await Promise.all([
      confirmTask(secretary, { taskId: a.id, expectedVersion: a.version }),
      confirmTask(committee, { taskId: b.id, expectedVersion: b.version }),
      confirmTask(secretary, { taskId: c.id, expectedVersion: c.version }),
      confirmTask(committee, { taskId: d.id, expectedVersion: d.version }),
    ]);
    expect((await recordFacts()).completed).toBe(before.completed! + 4);
    await expectFactsEqualRecount();
  });
});
