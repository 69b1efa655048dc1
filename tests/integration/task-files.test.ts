import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { addTaskFile, readTaskFile, removeTaskFile } from "@/lib/data/task-files";
import { confirmTask, declareTask, reportTask } from "@/lib/data/tasks";
import { DomainError } from "@/lib/errors";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { TASK_FILE_MAX_BYTES } from "@/lib/review/tasks";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict } from "./fixtures";

// The evidence files of a task on the real database: what is accepted and stored (bytes, size, sha256,
// the type named by the extension), what is refused (a type the name or the first bytes give away, a
// file over 10 MB, a sixth file, a reader or writer outside the register's scope, a confirmed task), that
// a refusal changes nothing, and the audit row of each add and remove.

let member: Actor; // dangvien, Chi bộ thôn Đông: keeps their own register
let secretary: Actor; // bithu, the secretary of thôn Đông: reads it (and confirms)
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây: neither reads nor writes it

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HTML = new TextEncoder().encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

async function newTask(title: string): Promise<{ id: string; version: number }> {
  return declareTask(member, {
    subject: { kind: "MEMBER", memberId: member.memberId! },
    task: {
      title,
      source: "Kế hoạch năm của chi bộ",
      assignedOn: `${CURRENT_YEAR}-01-05`,
      dueOn: `${CURRENT_YEAR}-12-31`,
      expectedProduct: "Báo cáo",
      qualityMeasure: "Được chi ủy thông qua",
    },
  });
}

/** What a refusal must leave as it was: the task's files and its audit rows. */
async function snapshot(taskId: string) {
  const [files, audit] = await Promise.all([
    db.taskFile.findMany({ where: { taskId }, orderBy: { id: "asc" }, select: { id: true, fileName: true, sha256: true, size: true } }),
    db.auditLog.count({ where: { entityType: "Task", entityId: taskId } }),
  ]);
  return { files, audit };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("accepted"),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [member, secretary, otherSecretary] = await Promise.all([actorFor("dangvien"), actorFor("bithu"), actorFor("bithu2")]);
});

describe("evidence files of a task", () => {
  it("stores an accepted file with its size, type and sha256, audits it, and serves it back to the register's readers", async () => {
    const task = await newTask("Viết báo cáo chuyên đề");
    const added = await addTaskFile(member, { taskId: task.id, fileName: "Báo cáo quý 1.pdf", bytes: PDF });

    const stored = await db.taskFile.findUniqueOrThrow({ where: { id: added.id } });
    expect(stored).toMatchObject({
      taskId: task.id,
      fileName: "Báo cáo quý 1.pdf",
      contentType: "application/pdf",
      size: PDF.byteLength,
      uploadedById: member.userId,
    });
    expect(stored.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(Buffer.from(stored.content).equals(Buffer.from(PDF))).toBe(true);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Task", entityId: task.id, action: "task.fileAdd" } });
    expect(audit.actorId).toBe(member.userId);
    expect(audit.data).toEqual({ fileId: added.id, fileName: "Báo cáo quý 1.pdf", size: PDF.byteLength, sha256: stored.sha256 });

    for (const reader of [member, secretary]) {
      const file = await readTaskFile(reader, task.id, added.id);
      expect(Buffer.from(file.content).equals(Buffer.from(PDF))).toBe(true);
      expect(file.contentType).toBe("application/pdf");
    }
  });

  it("refuses an HTML page renamed .pdf, a file over 10 MB and an empty one, changing nothing", async () => {
    const task = await newTask("Tổ chức hội nghị");
    const before = await snapshot(task.id);

    const html = await refusal(addTaskFile(member, { taskId: task.id, fileName: "bien-ban.pdf", bytes: HTML }));
    expect(html).toBeInstanceOf(DomainError);
    expect(html).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: "fileType" } });

    const big = new Uint8Array(TASK_FILE_MAX_BYTES + 1);
    big.set(PDF);
    expect(await refusal(addTaskFile(member, { taskId: task.id, fileName: "ho-so.pdf", bytes: big }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { file: "fileSize" },
    });
    expect(await refusal(addTaskFile(member, { taskId: task.id, fileName: "trang.html", bytes: HTML }))).toMatchObject({ fieldErrors: { file: "fileType" } });
    expect(await refusal(addTaskFile(member, { taskId: task.id, fileName: "rong.pdf", bytes: new Uint8Array() }))).toMatchObject({
      fieldErrors: { file: "fileEmpty" },
    });

    expect(await snapshot(task.id)).toEqual(before);
    // A file of exactly 10 MB is accepted.
    const limit = new Uint8Array(TASK_FILE_MAX_BYTES);
    limit.set(PDF);
    await addTaskFile(member, { taskId: task.id, fileName: "ho-so.pdf", bytes: limit });
    expect((await snapshot(task.id)).files.map((f) => f.size)).toEqual([TASK_FILE_MAX_BYTES]);
  });

  it("takes five files a task and refuses the sixth (TASK_FILE_LIMIT); a removed one frees its place, audited", async () => {
    const task = await newTask("Kiểm tra đảng viên");
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await addTaskFile(member, { taskId: task.id, fileName: `minh-chung-${i}.pdf`, bytes: PDF })).id);
    const before = await snapshot(task.id);

    const sixth = await refusal(addTaskFile(member, { taskId: task.id, fileName: "minh-chung-6.pdf", bytes: PDF }));
    expect(sixth).toBeInstanceOf(DomainError);
    expect(sixth).toMatchObject({ code: "TASK_FILE_LIMIT" });
    expect(await snapshot(task.id)).toEqual(before);

    await removeTaskFile(member, { taskId: task.id, fileId: ids[0] });
    const removed = await db.auditLog.findFirstOrThrow({ where: { entityType: "Task", entityId: task.id, action: "task.fileRemove" } });
    expect(removed.data).toEqual({ fileId: ids[0], fileName: "minh-chung-1.pdf" });
    await addTaskFile(member, { taskId: task.id, fileName: "minh-chung-6.pdf", bytes: PDF });
    expect((await snapshot(task.id)).files).toHaveLength(5);
  });

  it("is NOT_FOUND for another cell's secretary, who can neither read, add nor remove, and changes nothing", async () => {
    const task = await newTask("Phát triển đảng viên mới");
    const file = await addTaskFile(member, { taskId: task.id, fileName: "danh-sach.pdf", bytes: PDF });
    const before = await snapshot(task.id);

    await expect(readTaskFile(otherSecretary, task.id, file.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addTaskFile(otherSecretary, { taskId: task.id, fileName: "la.pdf", bytes: PDF })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeTaskFile(otherSecretary, { taskId: task.id, fileId: file.id })).rejects.toBeInstanceOf(NotFoundError);
    // The right file under the wrong task is no file at all.
    const other = await newTask("Nhiệm vụ khác");
    await expect(readTaskFile(member, other.id, file.id)).rejects.toBeInstanceOf(NotFoundError);

    expect(await snapshot(task.id)).toEqual(before);
  });

  it("refuses attaching and removing once the result is confirmed (it changes only by a recorded correction)", async () => {
    const task = await newTask("Tuyên truyền nghị quyết");
    const reported = await reportTask(member, {
      taskId: task.id,
      expectedVersion: task.version,
      result: { outcome: "DONE", doneOn: `${CURRENT_YEAR}-01-06`, product: "Bài viết", productLink: "", exceeded: false, exceededGrounds: "" },
    });
    await addTaskFile(member, { taskId: task.id, fileName: "bai-viet.docx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    await confirmTask(secretary, { taskId: task.id, expectedVersion: reported.version });
    const before = await snapshot(task.id);

    expect(await refusal(addTaskFile(member, { taskId: task.id, fileName: "them.pdf", bytes: PDF }))).toMatchObject({ code: "TASK_STATE" });
    expect(await refusal(removeTaskFile(member, { taskId: task.id, fileId: before.files[0].id }))).toMatchObject({ code: "TASK_STATE" });
    expect(await snapshot(task.id)).toEqual(before);
  });
});
