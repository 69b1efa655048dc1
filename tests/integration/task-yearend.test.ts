import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { getDecisionDesk } from "@/lib/data/decisions";
import { getTaskAppendix } from "@/lib/data/task-appendix";
import { getRegisterFacts } from "@/lib/data/task-yearend";
import { confirmTask, declareTask, reportTask } from "@/lib/data/tasks";
import { appendixRow, taskAppendixDocument } from "@/lib/documents/task-appendix";
import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";
import { evaluateSubject } from "@/lib/grading/evaluate";
import { loadMessages } from "@/lib/i18n/messages";
import { recordSubject } from "@/lib/review/facts";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { explainTaskCaps, mayCarryTaskReason, namesTasksBehindCap, taskCapMessage } from "@/lib/review/tasks";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";

// The year-end review from the task register, on the demo district: the desk names the tasks behind a
// member's cap (loading them for the capped rows only), and the appendix lists each task's result.
// The cycle is put under the register by its option (as a fixture; the switch's own recount is tested
// with setCycleTaskRegister elsewhere), and everything this file writes is put back afterwards, so the
// demo's facts the other files read are unchanged.

const Y = CURRENT_YEAR;
const day = (month: number, d: number) => `${Y}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const vi = createTranslator({ locale: "vi", messages: loadMessages("vi"), namespace: "tasks.yearEnd.caps" });

let committee: Actor;
let communeId: string;
let cycleId: string;
let optionsBefore: unknown;
let memberId: string;
let recordId: string;
let factsBefore: { tasksAssigned: number | null; tasksCompleted: number | null; tasksOnTime: number | null; tasksExceeded: number | null };
const taskIds: Record<string, string> = {};
/** The demo's own tasks of the member's year, set aside (filed under another year) while this file runs. */
let demoTasks: string[] = [];
const ASIDE_YEAR = 1990;

async function declare(title: string, assignedOn: string, dueOn: string) {
  const created = await declareTask(committee, {
    subject: { kind: "MEMBER", memberId },
    task: { title, source: "Nghị quyết chi bộ", assignedOn, dueOn, expectedProduct: `Sản phẩm của ${title}`, qualityMeasure: "Đúng nội dung, đúng hạn" },
  });
  taskIds[title] = created.id;
  return created;
}

beforeAll(async () => {
  await ensureDemoDistrict();
  committee = await actorFor("danguy");
  communeId = await orgByCode("HU.01");
  const desk = await getDecisionDesk(committee, communeId);
  cycleId = desk!.cycle.id;
  // A member waiting for the committee's decision (REVIEWED), not the committee member's own record.
  const row = desk!.records.find((r) => r.state === "REVIEWED" && !r.own && r.standing.category !== "LEADER_MANAGER")!;
  memberId = row.memberId;
  recordId = row.recordId;
  factsBefore = await db.reviewRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { tasksAssigned: true, tasksCompleted: true, tasksOnTime: true, tasksExceeded: true },
  });
  const cycle = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { options: true } });
  optionsBefore = cycle.options;
  demoTasks = (await db.task.findMany({ where: { memberId, year: Y }, select: { id: true } })).map((t) => t.id);
  await db.task.updateMany({ where: { id: { in: demoTasks } }, data: { year: ASIDE_YEAR } });
  await db.reviewCycle.update({
    where: { id: cycleId },
    data: { options: { ...((cycle.options as object | null) ?? {}), taskRegister: true } },
  });

  // Four tasks: one late, one on time and exceeded, one not done, one reported and waiting.
  const late = await declare("Báo cáo sơ kết quý I", day(1, 2), day(1, 10));
  const onTime = await declare("Tổ chức hội nghị chuyên đề", day(1, 3), day(1, 20));
  const notDone = await declare("Khảo sát hộ nghèo", day(1, 4), day(1, 25));
  const waiting = await declare("Cập nhật sổ sinh hoạt", day(1, 5), day(1, 28));
  const report = (task: { id: string; version: number }, result: object) => reportTask(committee, { taskId: task.id, expectedVersion: task.version, result });
  const done = (doneOn: string, exceeded = false) => ({
    outcome: "DONE",
    doneOn,
    product: "Báo cáo đã gửi",
    productLink: "https://example.vn/bao-cao",
    exceeded,
    exceededGrounds: exceeded ? "Vượt 20% chỉ tiêu" : "",
  });
  const reported = await Promise.all([
    report(late, done(day(1, 15))),
    report(onTime, done(day(1, 18), true)),
    report(notDone, { outcome: "NOT_DONE", notDoneReason: "Thiếu kinh phí", forceMajeure: false }),
  ]);
  await report(waiting, done(day(1, 27)));
  for (const [i, task] of [late, onTime, notDone].entries()) await confirmTask(committee, { taskId: task.id, expectedVersion: reported[i].version });
});

afterAll(async () => {
  await db.taskFile.deleteMany({ where: { taskId: { in: Object.values(taskIds) } } });
  await db.task.deleteMany({ where: { id: { in: Object.values(taskIds) } } });
  await db.task.updateMany({ where: { id: { in: demoTasks } }, data: { year: Y } });
  await db.reviewRecord.update({ where: { id: recordId }, data: factsBefore });
  await db.reviewCycle.update({ where: { id: cycleId }, data: { options: optionsBefore ?? {} } });
});

describe("the tasks behind a cap on the decision desk", () => {
  it("names the late and the not completed tasks of a capped member, in the verdict's order", async () => {
    const desk = (await getDecisionDesk(committee, communeId))!;
    const row = desk.records.find((r) => r.recordId === recordId)!;
    // The record's facts are the register's counts.
    expect(row.facts.tasks).toEqual({ assigned: 4, completed: 2, onTime: 1, exceeded: 1 });
    expect(row.taskCaps).not.toBeNull();
    const verdict = evaluateSubject(recordSubject(row.standing, row.facts, { peerGroup: row.peerGroupId ?? "", proposed: row.proposedLevel ?? "GOOD" }), {
      ruleSet: desk.cycle.ruleSet,
      ratingDate: desk.cycle.ratingDate,
    });
    expect(verdict.reasons).toEqual(expect.arrayContaining(["TASKS_LATE", "TASKS_NOT_COMPLETED"]));
    const sentences = explainTaskCaps(verdict.reasons, row.taskCaps!.counts, row.taskCaps!.titles).map((line) => {
      const { key, values } = taskCapMessage(line);
      return vi(key as "late", values);
    });
    expect(sentences).toContain("1/4 nhiệm vụ hoàn thành chậm: Báo cáo sơ kết quý I");
    expect(sentences).toContain("2/4 nhiệm vụ chưa hoàn thành: Khảo sát hộ nghèo, Cập nhật sổ sinh hoạt (trong đó 1 kết quả chưa được xác nhận)");
    expect(sentences).toContain("chỉ 1/4 nhiệm vụ vượt yêu cầu (cần ít nhất 2 để đạt Hoàn thành xuất sắc)");
  });

  it("loads titles for the rows with tasks behind a cap only, in one query for the whole desk", async () => {
    const queries: string[] = [];
    const listener = (e: { query: string }) => queries.push(e.query);
    // Prisma's query events, when the client logs them; otherwise the rows are checked alone.
    const on = (db as unknown as { $on?: (event: "query", cb: (e: { query: string }) => void) => void }).$on;
    try {
      on?.call(db, "query", listener);
    } catch {
      /* the client does not log queries */
    }
    const desk = (await getDecisionDesk(committee, communeId))!;
    // Titles for exactly the rows whose cap names tasks (late, not completed); the others' caps are numbers.
    const titled = desk.records.filter((r) => Object.keys(r.taskCaps?.titles ?? {}).length > 0).map((r) => r.recordId);
    expect(titled).toContain(recordId);
    expect(new Set(titled)).toEqual(new Set(desk.records.filter((r) => namesTasksBehindCap(r.facts.tasks)).map((r) => r.recordId)));
    for (const row of desk.records) expect(row.taskCaps !== null).toBe(mayCarryTaskReason(row.facts.tasks));
    if (queries.length > 0) expect(queries.filter((q) => q.includes('FROM "Task"')).length).toBe(1);
  });

  it("shows nothing when the cycle does not use the register", async () => {
    await db.reviewCycle.update({ where: { id: cycleId }, data: { options: { ...((optionsBefore as object | null) ?? {}), taskRegister: false } } });
    try {
      const desk = (await getDecisionDesk(committee, communeId))!;
      expect(desk.records.every((r) => r.taskCaps === null)).toBe(true);
      expect(await getRegisterFacts(committee, { memberId }, { id: cycleId, year: Y })).toBeNull();
    } finally {
      await db.reviewCycle.update({ where: { id: cycleId }, data: { options: { ...((optionsBefore as object | null) ?? {}), taskRegister: true } } });
    }
  });

  it("gives the facts form the counts with the tasks behind each number", async () => {
    const facts = (await getRegisterFacts(committee, { memberId }, { recordId, year: Y }))!;
    expect(facts.subject).toEqual({ kind: "MEMBER", id: memberId });
    expect(facts.counts.tasks.late).toEqual([taskIds["Báo cáo sơ kết quý I"]]);
    expect(facts.counts.tasks.unconfirmed).toEqual([taskIds["Cập nhật sổ sinh hoạt"]]);
    expect(facts.titles[taskIds["Khảo sát hộ nghèo"]]).toBe("Khảo sát hộ nghèo");
  });
});

describe("the appendix of the year's task results", () => {
  it("lists every task due in the year with its result, product, progress, what exceeded and who confirmed it", async () => {
    const appendix = await getTaskAppendix(committee, { memberId }, Y);
    expect(appendix.tasks.map((t) => t.title)).toEqual(["Báo cáo sơ kết quý I", "Tổ chức hội nghị chuyên đề", "Khảo sát hộ nghèo", "Cập nhật sổ sinh hoạt"]);
    const doc = taskAppendixDocument(appendix);
    expect(doc.title).toBe(`PHỤ LỤC VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM ${Y}`);
    expect(doc.landscape).toBe(true);
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table && table.kind === "table" && table.columns.map((c) => c.header)).toEqual([
      "STT",
      "Nhiệm vụ",
      "Nguồn giao",
      "Ngày giao",
      "Hạn",
      "Sản phẩm dự kiến, tiêu chí chất lượng",
      "Kết quả",
      "Sản phẩm",
      "Tiến độ",
      "Vượt yêu cầu",
      "Xác nhận",
    ]);
    const dmy = (iso: string) => iso.split("-").reverse().join("/");
    const [late, onTime, notDone, waiting] = appendix.tasks.map(appendixRow);
    expect(late).toEqual([
      "1",
      "Báo cáo sơ kết quý I",
      "Nghị quyết chi bộ",
      dmy(day(1, 2)),
      dmy(day(1, 10)),
      "Sản phẩm của Báo cáo sơ kết quý I\nTiêu chí: Đúng nội dung, đúng hạn",
      `Hoàn thành ngày ${dmy(day(1, 15))}`,
      "Báo cáo đã gửi\nhttps://example.vn/bao-cao",
      "Chậm",
      "",
      expect.stringMatching(new RegExp(`^Bùi Đức Thuận, \\d\\d/\\d\\d/\\d{4}$`)),
    ]);
    expect(onTime[8]).toBe("Đúng hạn");
    expect(onTime[9]).toBe("Có: Vượt 20% chỉ tiêu");
    expect(notDone[6]).toBe("Không hoàn thành: Thiếu kinh phí");
    expect(notDone[8]).toBe("");
    expect(waiting[6]).toBe(`Hoàn thành ngày ${dmy(day(1, 27))} — Đã báo cáo, chờ xác nhận`);
    expect(waiting[10]).toBe("Chưa xác nhận");
    const summary = doc.blocks.at(-1)!;
    expect(summary.kind === "paragraph" && summary.text).toBe(
      "Tổng hợp: 4 nhiệm vụ đến hạn; 2 hoàn thành đã xác nhận (1 đúng hạn, 1 chậm); 1 vượt yêu cầu; 2 chưa hoàn thành.",
    );
  });

  it("renders as PDF and .docx, and is not found for a reader outside the member's organization", async () => {
    const doc = taskAppendixDocument(await getTaskAppendix(committee, { memberId }, Y));
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    const docx = await renderDocx(doc);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    // bithu2 is the secretary of another cell: not a reader of this member's register.
    await expect(getTaskAppendix(await actorFor("bithu2"), { memberId }, Y)).rejects.toBeInstanceOf(NotFoundError);
  });
});
