import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/i18n/format";
import { canReadTasks, type Actor } from "@/lib/review/permissions";
import {
  countTasks,
  mayCarryTaskReason,
  namesTasksBehindCap,
  usesTaskRegister,
  type CountedTask,
  type TaskCounts,
  type TaskSubjectRef,
} from "@/lib/review/tasks";
import { db, type DbClient } from "./db";
import { loadCountedTasks, loadTaskSubject, TASK_COLUMNS, taskView } from "./tasks";

// The year-end review read from the task register (docs/task-register.md): the counts behind a record's
// task facts with the tasks behind each number, the tasks named behind a cap on the desks, the year's
// list on the self-review and the collective report, and the appendix "Phụ lục về kết quả thực hiện
// nhiệm vụ". Reads only: the counts themselves are kept by syncRecordTaskFacts (lib/data/tasks.ts).

export type SubjectRef = { memberId?: string | null; organizationId?: string | null };

/** The four numbers of a record under a register cycle, the tasks behind them and their titles (what the facts forms show). */
export type RegisterFacts = {
  year: number;
  subject: TaskSubjectRef;
  counts: TaskCounts;
  /** Task id → title; empty when the reader may not read the register (the numbers are still the record's). */
  titles: Record<string, string>;
  canRead: boolean;
};

/** A cycle by its id, or the cycle of a record by the record's id. */
export type CycleRef = { year: number } & ({ id: string } | { recordId: string });

/** Whether a cycle counts its task facts from the register: one read by primary key. */
export async function cycleUsesRegister(cycle: CycleRef, client: DbClient = db): Promise<boolean> {
  const row =
    "id" in cycle
      ? await client.reviewCycle.findUnique({ where: { id: cycle.id }, select: { options: true } })
      : ((await client.reviewRecord.findUnique({ where: { id: cycle.recordId }, select: { cycle: { select: { options: true } } } }))?.cycle ?? null);
  return usesTaskRegister(row?.options);
}

/**
 * The register's counts for a facts form: null when the record's cycle does not use the register (the
 * form then asks the numbers). A light read: the cycle's options, the subject, its year's tasks.
 */
export async function getRegisterFacts(actor: Actor, ref: SubjectRef, cycle: CycleRef): Promise<RegisterFacts | null> {
  if (!(await cycleUsesRegister(cycle))) return null;
  const [subject, tasks] = await Promise.all([loadTaskSubject(db, ref), loadCountedTasks(db, ref, cycle.year)]);
  if (!subject) return null;
  const canRead = canReadTasks(actor, subject);
  return {
    year: cycle.year,
    subject: subject.kind === "MEMBER" ? { kind: "MEMBER", id: subject.memberId } : { kind: "ORGANIZATION", id: subject.organizationId },
    counts: countTasks(tasks, cycle.year),
    titles: canRead ? Object.fromEntries(tasks.map((t) => [t.id, t.title])) : {},
    canRead,
  };
}

/** What a desk row carries to name the tasks behind a cap: the counts with their ids, and the titles. */
export type DeskTaskCaps = { subject: TaskSubjectRef; year: number; counts: TaskCounts; titles: Record<string, string> };

/**
 * The tasks behind the caps of a whole desk, under a cycle that uses the register: the record's own counts
 * for every row whose counts can carry a task reason (mayCarryTaskReason), and the tasks late or not
 * completed with their titles — loaded in ONE query (convention 7), for those rows only
 * (namesTasksBehindCap), and only those tasks; too few exceeded is told by the numbers. By record id.
 */
export async function loadDeskTaskCaps(
  client: DbClient,
  cycleId: string,
  year: number,
  records: readonly { recordId: string; memberId?: string | null; organizationId?: string | null; tasks: Parameters<typeof mayCarryTaskReason>[0] }[],
): Promise<Map<string, DeskTaskCaps>> {
  const capped = records.filter((r) => mayCarryTaskReason(r.tasks));
  const result = new Map<string, DeskTaskCaps>();
  if (capped.length === 0 || !(await cycleUsesRegister({ id: cycleId, year }, client))) return result;
  const named = capped.filter((r) => namesTasksBehindCap(r.tasks));
  const memberIds = named.flatMap((r) => (r.memberId ? [r.memberId] : []));
  const organizationIds = named.flatMap((r) => (!r.memberId && r.organizationId ? [r.organizationId] : []));
  const rows =
    named.length === 0
      ? []
      : await client.$queryRaw<
          (Omit<CountedTask, "dueOn" | "doneOn"> & { memberId: string | null; organizationId: string | null; dueOn: Date; doneOn: Date | null })[]
        >`
    SELECT t.id, t.title, t."memberId", t."organizationId", t."dueOn", t.status::text AS status, t.outcome::text AS outcome, t."doneOn", t.exceeded
      FROM "Task" t
     WHERE t.year = ${year}
       AND (t."memberId" = ANY(${memberIds}) OR t."organizationId" = ANY(${organizationIds}))
       AND NOT (t.status = 'CONFIRMED' AND t.outcome = 'DONE' AND t."doneOn" <= t."dueOn")
     ORDER BY t."dueOn", t.id`;
  const bySubject = new Map<string, CountedTask[]>();
  for (const row of rows) {
    const key = row.memberId ?? row.organizationId!;
    const list = bySubject.get(key) ?? [];
    list.push({ ...row, dueOn: toIsoDate(row.dueOn), doneOn: row.doneOn ? toIsoDate(row.doneOn) : null });
    bySubject.set(key, list);
  }
  for (const record of capped) {
    const subject: TaskSubjectRef = record.memberId ? { kind: "MEMBER", id: record.memberId } : { kind: "ORGANIZATION", id: record.organizationId! };
    // Only the tasks late or not completed were read: the numbers are the record's own (the register's
    // counts, kept by syncRecordTaskFacts), the ids those the lines name.
    const lateOrNotDone = bySubject.get(record.memberId ?? record.organizationId!) ?? [];
    const tasks = { ...countTasks(lateOrNotDone, year).tasks, assigned: [], completed: [], onTime: [], exceeded: [] };
    const titles = Object.fromEntries(lateOrNotDone.map((t) => [t.id, t.title]));
    result.set(record.recordId, { subject, year, counts: { ...record.tasks, tasks }, titles });
  }
  return result;
}

const APPENDIX_COLUMNS = {
  ...TASK_COLUMNS,
  confirmedBy: { select: { displayName: true } },
  files: { orderBy: { createdAt: "asc" }, select: { fileName: true } },
} satisfies Prisma.TaskSelect;

/** A task as the year's list and the appendix print it: dates as `YYYY-MM-DD`. */
export type YearTask = {
  id: string;
  title: string;
  source: string;
  assignedOn: string;
  dueOn: string;
  expectedProduct: string;
  qualityMeasure: string;
  status: CountedTask["status"];
  outcome: CountedTask["outcome"];
  doneOn: string | null;
  product: string | null;
  productLink: string | null;
  exceeded: boolean;
  exceededGrounds: string | null;
  notDoneReason: string | null;
  forceMajeure: boolean;
  confirmedAt: string | null;
  confirmedBy: string | null;
  files: string[];
};

/** A subject's tasks due in a year, in order of due date, with what the appendix prints of each. */
export async function yearTasks(ref: SubjectRef, year: number): Promise<YearTask[]> {
  const rows = await db.task.findMany({
    where: { ...(ref.memberId ? { memberId: ref.memberId } : { organizationId: ref.organizationId! }), year },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: APPENDIX_COLUMNS,
  });
  return rows.map(({ confirmedBy, files, ...t }) => ({
    ...taskView(t),
    confirmedAt: t.confirmedAt ? toIsoDate(t.confirmedAt) : null,
    confirmedBy: confirmedBy?.displayName ?? null,
    files: files.map((f) => f.fileName),
  }));
}

/**
 * The year's tasks for the self-review (2A/2B/2C) and the collective report (Mẫu 01): null when the
 * record's cycle does not use the register, or the reader may not read the register.
 */
export async function getYearTaskList(actor: Actor, ref: SubjectRef, cycle: CycleRef) {
  if (!(await cycleUsesRegister(cycle))) return null;
  const subject = await loadTaskSubject(db, ref);
  if (!subject || !canReadTasks(actor, subject)) return null;
  const tasks = await yearTasks(ref, cycle.year);
  return {
    year: cycle.year,
    subject: (subject.kind === "MEMBER" ? { kind: "MEMBER", id: subject.memberId } : { kind: "ORGANIZATION", id: subject.organizationId }) as TaskSubjectRef,
    tasks,
    counts: countTasks(tasks, cycle.year),
  };
}
export type YearTaskList = NonNullable<Awaited<ReturnType<typeof getYearTaskList>>>;
