import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { runTaskImport, type TaskImportEvent } from "@/lib/data/task-import";
import { loadCountedTasks } from "@/lib/data/tasks";
import { exportTasks } from "@/lib/exports/task-sheets";
import { TASK_COLUMNS, TASK_SHEET } from "@/lib/import/tasks";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { countTasks } from "@/lib/review/tasks";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";

// The task import on the real database, as the cell's secretary and the commune's committee: a good file
// adds exactly its rows and the records' task facts equal a recount; one bad row (or one row out of the
// importer's reach, or in a decided year) adds nothing and names its row and column; one audit row; the
// export of a register goes back in as it is.

const Y = CURRENT_YEAR;
let bithu: Actor;
let danguy: Actor;
let cellId: string;
let otherCellId: string;
let members: { id: string; cardNumber: string }[];
let outsider: { id: string; cardNumber: string };
let cellCode: string;

beforeAll(async () => {
  await ensureDemoDistrict();
  [bithu, danguy] = await Promise.all([actorFor("bithu"), actorFor("danguy")]);
  cellId = await orgByCode("HU.01.04");
  cellCode = "HU.01.04";
  otherCellId = (await db.organization.findFirstOrThrow({ where: { name: "Chi bộ thôn Tây" }, select: { id: true } })).id;
  members = await db.member.findMany({ where: { cellId, status: "ACTIVE" }, orderBy: { cardNumber: "asc" }, take: 4, select: { id: true, cardNumber: true } });
  outsider = await db.member.findFirstOrThrow({ where: { cellId: otherCellId }, orderBy: { cardNumber: "asc" }, select: { id: true, cardNumber: true } });
  // This year's cycle counts the register; so does last year's, whose levels are published.
  await db.reviewCycle.updateMany({ where: { year: { in: [Y, Y - 1] } }, data: { options: { taskRegister: true } } });
});

type Row = (string | Date | null)[];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = Object.values(TASK_COLUMNS);

async function file(rows: Row[], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TASK_SHEET);
  ws.addRow(header);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const task = (subject: string, n: number, due = `${Y}-09-30`): Row => [
  subject,
  `Nhiệm vụ nhập thử số ${n}`,
  "Kế hoạch công tác năm của chi bộ",
  d(`${due.slice(0, 4)}-01-15`),
  d(due),
  "Biên bản, báo cáo kết quả",
  "Đúng hạn, đủ số lượng",
];

async function run(actor: Actor, bytes: Buffer, mode: "check" | "commit", name = "nhiem-vu.xlsx") {
  const events: TaskImportEvent[] = [];
  await runTaskImport(actor, { name, bytes }, mode, (e) => events.push(e));
  const last = events.at(-1)!;
  if (last.type !== "result") throw new Error(JSON.stringify(last));
  return last;
}

const tasksOf = (memberIds: string[]) => db.task.count({ where: { memberId: { in: memberIds }, year: Y } });

async function expectFactsRecounted(memberId: string) {
  const record = await db.reviewRecord.findFirstOrThrow({
    where: { memberId, cycle: { year: Y } },
    select: { tasksAssigned: true, tasksCompleted: true, tasksOnTime: true, tasksExceeded: true },
  });
  const counts = countTasks(await loadCountedTasks(db, { memberId }, Y), Y);
  expect(record).toEqual({ tasksAssigned: counts.assigned, tasksCompleted: counts.completed, tasksOnTime: counts.onTime, tasksExceeded: counts.exceeded });
  return counts.assigned;
}

describe("task import", () => {
  it("a file with one bad row adds nothing and names the row and column in Vietnamese", async () => {
    const before = await Promise.all([db.task.count(), db.auditLog.count()]);
    const bytes = await file([
      task(members[0].cardNumber, 1),
      // Due before it was given: the declare form's own refusal.
      [members[1].cardNumber, "Nhiệm vụ lỗi ngày", "Kế hoạch", d(`${Y}-05-01`), d(`${Y}-04-01`), "Báo cáo", "Đúng hạn"],
      // No expected product, and a date that is not one.
      [members[2].cardNumber, "Nhiệm vụ thiếu ô", "Kế hoạch", "31/02/2026", d(`${Y}-04-01`), "", "Đúng hạn"],
    ]);
    const result = await run(bithu, bytes, "commit");
    expect(result.written).toBe(false);
    expect(result.plan.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, "Hạn hoàn thành", "Hạn hoàn thành không được trước ngày giao."],
      [4, "Ngày giao", '"31/02/2026" không phải ngày hợp lệ (dd/mm/yyyy).'],
      [4, "Sản phẩm dự kiến", "Không được để trống."],
    ]);
    expect(await Promise.all([db.task.count(), db.auditLog.count()])).toEqual(before);
  });

  it("a row for a member outside the secretary's cell is refused, and nothing is added", async () => {
    const before = await db.task.count();
    const result = await run(bithu, await file([task(members[0].cardNumber, 1), task(outsider.cardNumber, 2), task("KHONG-CO-9999", 3)]), "commit");
    expect(result.written).toBe(false);
    expect(result.plan.errors.map((e) => [e.row, e.column])).toEqual([
      [3, TASK_COLUMNS.subject],
      [4, TASK_COLUMNS.subject],
    ]);
    // Out of reach and missing read the same: the file learns nothing of the other cell.
    expect(result.plan.errors[0].message).toBe(result.plan.errors[1].message.replace("KHONG-CO-9999", outsider.cardNumber));
    expect(await db.task.count()).toBe(before);
  });

  it("a good file adds exactly its rows in one command, recounts the records' facts, and writes one audit row", async () => {
    const ids = members.map((m) => m.id);
    const before = await tasksOf(ids);
    const rows = members.flatMap((m, i) => [task(m.cardNumber, 10 + i), task(m.cardNumber, 20 + i, `${Y}-03-31`)]);
    const bytes = await file(rows);

    const preview = await run(bithu, bytes, "check");
    expect(preview.plan).toMatchObject({ errors: [], rows: 8, created: 8, unchanged: 0, subjects: 4 });
    expect(preview.plan.preview[0]).toMatchObject({ row: 2, subject: members[0].cardNumber, action: "create" });
    expect(await tasksOf(ids)).toBe(before);

    const auditBefore = (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const result = await run(bithu, bytes, "commit", "ke-hoach-chi-bo.xlsx");
    expect(result.written).toBe(true);
    expect(result.plan.created).toBe(8);
    expect(await tasksOf(ids)).toBe(before + 8);
    const created = await db.task.findFirstOrThrow({ where: { memberId: members[0].id, title: "Nhiệm vụ nhập thử số 10" } });
    expect(created).toMatchObject({ subjectKind: "MEMBER", year: Y, status: "OPEN", source: "Kế hoạch công tác năm của chi bộ", dueOn: d(`${Y}-09-30`) });
    for (const m of members) expect(await expectFactsRecounted(m.id)).toBeGreaterThanOrEqual(2);

    const audit = await db.auditLog.findMany({
      where: { id: { gt: auditBefore } },
      orderBy: { id: "asc" },
      select: { action: true, data: true, organizationId: true },
    });
    const imports = audit.filter((a) => a.action === "task.import");
    expect(imports).toEqual([{ action: "task.import", data: { file: "ke-hoach-chi-bo.xlsx", rows: 8, created: 8 }, organizationId: cellId }]);
    expect(audit.filter((a) => a.action === "record.taskFacts")).toHaveLength(4);
    expect(audit.map((a) => a.action).every((a) => a === "task.import" || a === "record.taskFacts")).toBe(true);

    // The same file again adds nothing: every row is already in the registers.
    const again = await run(bithu, bytes, "commit", "ke-hoach-chi-bo.xlsx");
    expect(again).toMatchObject({ written: false, plan: { created: 0, unchanged: 8, errors: [] } });
    expect(await tasksOf(ids)).toBe(before + 8);
  });

  it("a year whose level is decided is refused whole, with the row and the year", async () => {
    const before = await db.task.count();
    const result = await run(bithu, await file([task(members[0].cardNumber, 30), task(members[1].cardNumber, 31, `${Y - 1}-11-30`)]), "commit");
    expect(result.written).toBe(false);
    expect(result.plan.errors).toHaveLength(1);
    expect(result.plan.errors[0]).toMatchObject({ row: 3, column: TASK_COLUMNS.due });
    expect(result.plan.errors[0].message).toContain(`năm ${Y - 1}`);
    expect(await db.task.count()).toBe(before);
  });

  it("the commune's committee imports for its cell and the cell's members; a member imports nothing", async () => {
    const result = await run(danguy, await file([task(cellCode, 40), task(members[3].cardNumber, 41)]), "commit");
    expect(result).toMatchObject({ written: true, plan: { created: 2, errors: [] } });
    expect(await db.task.count({ where: { organizationId: cellId, title: "Nhiệm vụ nhập thử số 40" } })).toBe(1);
    const dangvien = await actorFor("dangvien");
    await expect(run(dangvien, await file([task(members[0].cardNumber, 42)]), "check")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a file without the tasks' sheet or its subject column is refused with the reason", async () => {
    const events: TaskImportEvent[] = [];
    await runTaskImport(bithu, { name: "sai.xlsx", bytes: await file([["x"]], ["Cột lạ"]) }, "check", (e) => events.push(e));
    // The sheet is found by its name; its missing columns are each named.
    const result = events.at(-1)!;
    expect(result.type === "result" && result.plan.errors.map((e) => e.column)).toEqual(HEADER);
  });

  it("a register exported goes back in: re-read it equals the register, and it imports into another member's", async () => {
    const source = members[0];
    const register = await loadCountedTasks(db, { memberId: source.id }, Y);
    const response = await exportTasks(bithu, { member: source.id, year: Y });
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    const bytes = Buffer.from(await response.arrayBuffer());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(TASK_SHEET)!;
    expect(sheet.rowCount - 1).toBe(register.length);
    const titleColumn = (sheet.getRow(1).values as string[]).indexOf(TASK_COLUMNS.title);
    const titles = sheet.getColumn(titleColumn).values.slice(2);
    expect(titles).toEqual(register.map((t) => t.title));

    // Read back as an import: every row is the register's own task.
    const again = await run(bithu, bytes, "check", "xuat.xlsx");
    expect(again.plan).toMatchObject({ errors: [], created: 0, unchanged: register.length });

    // The same file with another member's card number: their register gets the same tasks.
    const target = members[2];
    const targetBefore = await tasksOf([target.id]);
    sheet.eachRow((row, n) => {
      if (n > 1) row.getCell(1).value = target.cardNumber;
    });
    const moved = await run(bithu, Buffer.from(await wb.xlsx.writeBuffer()), "commit", "chuyen.xlsx");
    expect(moved.plan.errors).toEqual([]);
    expect(await tasksOf([target.id])).toBe(targetBefore + moved.plan.created);
    expect(moved.plan.created + moved.plan.unchanged).toBe(register.length);
    await expectFactsRecounted(target.id);
  });

  it("exports are scope-checked: another cell's member and unit are not found", async () => {
    await expect(exportTasks(bithu, { member: outsider.id, year: Y })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportTasks(bithu, { unit: otherCellId, year: Y })).rejects.toBeInstanceOf(NotFoundError);
    const unit = await exportTasks(bithu, { unit: cellId, year: Y });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await unit.arrayBuffer()) as ArrayBuffer);
    expect(wb.getWorksheet(TASK_SHEET)!.rowCount - 1).toBe(await db.task.count({ where: { member: { cellId }, year: Y } }));
  });
});
