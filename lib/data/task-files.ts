import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/errors";
import { canKeepTasks, canReadTasks, NotFoundError, type Actor } from "@/lib/review/permissions";
import { fileExtension, stepAllowed, TASK_FILE_TYPES, TASK_FILES_PER_TASK, taskFileProblem, type TaskStatus } from "@/lib/review/tasks";
import { AddTaskFileSchema } from "@/lib/schemas/task-files";
import { RemoveTaskFileSchema } from "@/lib/schemas/tasks";
import { command, rowAudit } from "./command";
import { db, type Tx } from "./db";
import { loadTaskSubject, type LoadedSubject } from "./tasks";

// The evidence files of a task's product, kept in the database (docs/task-register.md). Only the keeper
// adds or removes them, only while the task's state allows "attach" (not once its result is confirmed:
// a confirmed result changes only by a recorded correction). Each add and remove is audited on the task.

type LockedTask = { id: string; status: TaskStatus; subject: LoadedSubject };

/** Locks the task (FOR UPDATE: two uploads at once cannot both pass the count) and loads its subject. */
async function lockTask(tx: Tx, taskId: string): Promise<LockedTask | null> {
  const rows = await tx.$queryRaw<{ id: string; status: TaskStatus; memberId: string | null; organizationId: string | null }[]>`
    SELECT id, status::text AS status, "memberId", "organizationId" FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
  const task = rows[0];
  if (!task) return null;
  const subject = await loadTaskSubject(tx, task);
  return subject ? { id: task.id, status: task.status, subject } : null;
}

const auditRow = (task: LockedTask) => ({ id: task.id, organizationId: task.subject.unitId });

/** Attaches a file to a task: its type judged by name and first bytes, at most 10 MB, at most 5 a task. */
export const addTaskFile = command({
  input: AddTaskFileSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, task) => canKeepTasks(actor, task.subject),
  write: async ({ tx, actor, input, loaded: task }) => {
    if (!stepAllowed(task.status, "attach")) throw new DomainError("TASK_STATE");
    const problem = taskFileProblem(input.fileName, input.bytes.byteLength, input.bytes.subarray(0, 64));
    if (problem) throw new DomainError("INVALID_INPUT", { file: problem });
    if ((await tx.taskFile.count({ where: { taskId: task.id } })) >= TASK_FILES_PER_TASK) throw new DomainError("TASK_FILE_LIMIT");
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const file = await tx.taskFile.create({
      data: {
        taskId: task.id,
        fileName: input.fileName,
        // The type the extension names, never the browser's word: the download serves it as such.
        contentType: TASK_FILE_TYPES[fileExtension(input.fileName)],
        size: input.bytes.byteLength,
        sha256,
        content: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
        uploadedById: actor.userId,
      },
      select: { id: true, fileName: true, size: true },
    });
    return { result: file, audit: rowAudit(auditRow(task), "task.fileAdd", { fileId: file.id, fileName: file.fileName, size: file.size, sha256 }) };
  },
});

/** Removes a file the keeper attached, while the result is not confirmed. */
export const removeTaskFile = command({
  input: RemoveTaskFileSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, task) => canKeepTasks(actor, task.subject),
  write: async ({ tx, input, loaded: task }) => {
    if (!stepAllowed(task.status, "attach")) throw new DomainError("TASK_STATE");
    const file = await tx.taskFile.findFirst({ where: { id: input.fileId, taskId: task.id }, select: { id: true, fileName: true } });
    if (!file) throw new NotFoundError();
    await tx.taskFile.delete({ where: { id: file.id } });
    return { result: { removed: true }, audit: rowAudit(auditRow(task), "task.fileRemove", { fileId: file.id, fileName: file.fileName }) };
  },
});

/** A file's bytes for its download, for whoever reads the task's register; NotFoundError otherwise (the same 404). */
export async function readTaskFile(actor: Actor, taskId: string, fileId: string) {
  const file = await db.taskFile.findFirst({
    where: { id: fileId, taskId },
    select: { fileName: true, contentType: true, size: true, content: true, task: { select: { memberId: true, organizationId: true } } },
  });
  const subject = file ? await loadTaskSubject(db, file.task) : null;
  if (!file || !subject || !canReadTasks(actor, subject)) throw new NotFoundError();
  return { fileName: file.fileName, contentType: file.contentType, size: file.size, content: file.content };
}
