import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { todayInVietnam, toIsoDate } from "@/lib/i18n/format";
import { canConfirmTasks, canKeepTasks, canReadTasks, NotFoundError, taskConfirmRoots, type Actor, type TaskSubject } from "@/lib/review/permissions";
import { countTasks, stepAllowed, summarizeQuarters, taskYear, usesTaskRegister, type CountedTask, type TaskStep } from "@/lib/review/tasks";
import {
  ConfirmTaskSchema,
  ConfirmTasksSchema,
  CorrectTaskSchema,
  DeclareTaskSchema,
  EditTaskSchema,
  ReportTaskSchema,
  ReturnTaskSchema,
  WithdrawTaskSchema,
  type TaskResult,
  type TaskSubjectInput,
} from "@/lib/schemas/tasks";
import { command, recordAudit, rowAudit, type CommandAudit } from "./command";
import { db, type DbClient, type Tx } from "./db";
import { readHistory } from "./history";
import { getOrgAncestry } from "./scope";

// The task register's use cases (lib/review/tasks.ts has the rules, docs/task-register.md the why). Every
// change is a command: its audit row is written with it, and when a cycle of the task's year uses the
// register, the subject's record has its task facts recounted in the same transaction — refused when the
// year's level is already decided (a re-review reopens it), so a level never rests on counts that moved.

/** A register's subject as the permissions read it, with its name and the unit its history is filed under. */
export type LoadedSubject = TaskSubject & { name: string; unitId: string };

/** Who a task or a form is about: a member or an organization, by id. */
type SubjectRef = { memberId?: string | null; organizationId?: string | null };

export async function loadTaskSubject(client: DbClient, ref: SubjectRef): Promise<LoadedSubject | null> {
  if (ref.memberId) {
    const member = await client.member.findUnique({ where: { id: ref.memberId }, select: { fullName: true, cellId: true, category: true } });
    if (!member) return null;
    const cellAncestry = await getOrgAncestry(member.cellId, client);
    return { kind: "MEMBER", memberId: ref.memberId, leader: member.category === "LEADER_MANAGER", cellAncestry, name: member.fullName, unitId: member.cellId };
  }
  if (ref.organizationId) {
    const organization = await client.organization.findUnique({ where: { id: ref.organizationId }, select: { name: true } });
    if (!organization) return null;
    const ancestry = await getOrgAncestry(ref.organizationId, client);
    return { kind: "ORGANIZATION", organizationId: ref.organizationId, ancestry, name: organization.name, unitId: ref.organizationId };
  }
  return null;
}

const subjectRefOf = (input: TaskSubjectInput): SubjectRef =>
  input.kind === "MEMBER" ? { memberId: input.memberId } : { organizationId: input.organizationId };

/** The columns of a task every reader of the register selects (the pages, the export, the appendix). */
export const TASK_COLUMNS = {
  id: true,
  subjectKind: true,
  memberId: true,
  organizationId: true,
  year: true,
  title: true,
  source: true,
  assignedOn: true,
  dueOn: true,
  expectedProduct: true,
  qualityMeasure: true,
  status: true,
  outcome: true,
  doneOn: true,
  product: true,
  productLink: true,
  exceeded: true,
  exceededGrounds: true,
  notDoneReason: true,
  forceMajeure: true,
  returnReason: true,
  reportedAt: true,
  confirmedAt: true,
  version: true,
} as const;

type TaskRow = Prisma.TaskGetPayload<{ select: typeof TASK_COLUMNS }>;

/** A task as the pages and the counts read it: dates as `YYYY-MM-DD`. */
export function taskView(task: TaskRow) {
  return {
    ...task,
    assignedOn: toIsoDate(task.assignedOn),
    dueOn: toIsoDate(task.dueOn),
    doneOn: task.doneOn ? toIsoDate(task.doneOn) : null,
  };
}
export type TaskView = ReturnType<typeof taskView>;

const snapshotOf = (task: TaskView) => ({
  title: task.title,
  source: task.source,
  assignedOn: task.assignedOn,
  dueOn: task.dueOn,
  expectedProduct: task.expectedProduct,
  qualityMeasure: task.qualityMeasure,
});

/** A task's result as its history keeps it; null when none was reported. */
function resultOf(task: TaskView): TaskResult | null {
  if (task.outcome === "DONE" && task.doneOn) {
    return {
      outcome: "DONE",
      doneOn: task.doneOn,
      product: task.product ?? "",
      productLink: task.productLink ?? "",
      exceeded: task.exceeded,
      exceededGrounds: task.exceededGrounds ?? "",
    };
  }
  if (task.outcome === "NOT_DONE") return { outcome: "NOT_DONE", notDoneReason: task.notDoneReason ?? "", forceMajeure: task.forceMajeure };
  return null;
}

/** The columns of a result; the other outcome's are cleared, so a task never carries both. */
function resultColumns(result: TaskResult) {
  return result.outcome === "DONE"
    ? {
        outcome: "DONE" as const,
        doneOn: new Date(result.doneOn),
        product: result.product,
        productLink: result.productLink || null,
        exceeded: result.exceeded,
        exceededGrounds: result.exceeded ? result.exceededGrounds : null,
        notDoneReason: null,
        forceMajeure: false,
      }
    : {
        outcome: "NOT_DONE" as const,
        doneOn: null,
        product: null,
        productLink: null,
        exceeded: false,
        exceededGrounds: null,
        notDoneReason: result.notDoneReason,
        forceMajeure: result.forceMajeure,
      };
}

/** A reported date must lie between the task's assignment and today. */
function checkResultDates(result: TaskResult, task: TaskView) {
  if (result.outcome !== "DONE") return;
  if (result.doneOn > todayInVietnam()) throw new DomainError("INVALID_INPUT", { "result.doneOn": "dateInFuture" });
  if (result.doneOn < task.assignedOn) throw new DomainError("INVALID_INPUT", { "result.doneOn": "doneBeforeAssigned" });
}

// ─────────────────────────── The record's task facts ───────────────────────────

const LOCKED_RECORD_STATES = new Set(["DECIDED", "PUBLISHED"]);
const LOCKED_CYCLE_STATUSES = new Set(["PUBLISHED", "CLOSED"]);

/** The columns of a subject's year that §7.4 reads, as countTasks counts them. */
export async function loadCountedTasks(client: DbClient, ref: SubjectRef, year: number): Promise<(CountedTask & { title: string })[]> {
  const rows = await client.task.findMany({
    where: { ...(ref.memberId ? { memberId: ref.memberId } : { organizationId: ref.organizationId! }), year },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: { id: true, title: true, dueOn: true, status: true, outcome: true, doneOn: true, exceeded: true },
  });
  return rows.map((t) => ({ ...t, dueOn: toIsoDate(t.dueOn), doneOn: t.doneOn ? toIsoDate(t.doneOn) : null }));
}

/**
 * Recounts the task facts of the subject's records in the cycles of `year` that use the register, after a
 * change to its tasks, under the records' lock (so two confirmations at once both count). A change that
 * would move the counts of a decided or published level is refused: FACTS_LOCKED.
 */
export async function syncRecordTaskFacts(tx: Tx, ref: SubjectRef, year: number, taskId: string | null): Promise<CommandAudit[]> {
  const subjectColumn = ref.memberId ? Prisma.sql`r."memberId" = ${ref.memberId}` : Prisma.sql`r."organizationId" = ${ref.organizationId}`;
  const records = await tx.$queryRaw<
    {
      id: string;
      state: string;
      scopeOrgId: string;
      organizationId: string | null;
      tasksAssigned: number | null;
      tasksCompleted: number | null;
      tasksOnTime: number | null;
      tasksExceeded: number | null;
      cycleStatus: string;
      options: unknown;
    }[]
  >`SELECT r.id, r.state::text, r."scopeOrgId", r."organizationId", r."tasksAssigned", r."tasksCompleted", r."tasksOnTime", r."tasksExceeded",
            c.status::text AS "cycleStatus", c.options
       FROM "ReviewRecord" r JOIN "ReviewCycle" c ON c.id = r."cycleId"
      WHERE c.year = ${year} AND ${subjectColumn}
      FOR UPDATE OF r`;
  const counted = records.filter((r) => usesTaskRegister(r.options));
  if (counted.length === 0) return [];
  const counts = countTasks(await loadCountedTasks(tx, ref, year), year);
  const after = { assigned: counts.assigned, completed: counts.completed, onTime: counts.onTime, exceeded: counts.exceeded };
  const audits: CommandAudit[] = [];
  for (const record of counted) {
    const before = { assigned: record.tasksAssigned, completed: record.tasksCompleted, onTime: record.tasksOnTime, exceeded: record.tasksExceeded };
    if (before.assigned === after.assigned && before.completed === after.completed && before.onTime === after.onTime && before.exceeded === after.exceeded) {
      continue;
    }
    if (LOCKED_RECORD_STATES.has(record.state) || LOCKED_CYCLE_STATUSES.has(record.cycleStatus)) throw new DomainError("FACTS_LOCKED");
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: {
        tasksAssigned: after.assigned,
        tasksCompleted: after.completed,
        tasksOnTime: after.onTime,
        tasksExceeded: after.exceeded,
        version: { increment: 1 },
      },
    });
    audits.push(recordAudit(record, "record.taskFacts", { before, after, taskId }));
  }
  return audits;
}

// ─────────────────────────── Commands ───────────────────────────

type LoadedTask = { task: TaskView; subject: LoadedSubject };

/** Locks a task (FOR UPDATE) and loads it with its subject; null when it does not exist. */
async function lockTask(tx: Tx, taskId: string): Promise<LoadedTask | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const task = taskView(await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_COLUMNS }));
  const subject = await loadTaskSubject(tx, task);
  return subject ? { task, subject } : null;
}

/**
 * Whether the actor may confirm, send back or correct a subject's results. One's own are refused with a
 * sentence — a member's own tasks, a unit's tasks to its own officers (they see them; they are not theirs
 * to confirm) — anyone else's outside scope as NOT_FOUND.
 */
function authorizeConfirmer(actor: Actor, subject: LoadedSubject): boolean {
  const own = subject.kind === "MEMBER" ? subject.memberId === actor.memberId : actor.roles.some((grant) => grant.organizationId === subject.organizationId);
  if (own) throw new DomainError("OWN_TASK");
  return canConfirmTasks(actor, subject);
}

/** Refuses a step the task's state does not allow, and an edit made on an older version. */
function checkStep(task: TaskView, step: TaskStep, expectedVersion: number) {
  if (!stepAllowed(task.status, step)) throw new DomainError("TASK_STATE");
  if (task.version !== expectedVersion) throw new DomainError("STALE_EDIT");
}

const taskAudit = rowAudit;
const auditRow = (task: { id: string }, subject: LoadedSubject) => ({ id: task.id, organizationId: subject.unitId });

/** The member (or an officer for them) declares a task of the year; a unit's officers declare the unit's. */
export const declareTask = command({
  input: DeclareTaskSchema,
  load: (tx, input) => loadTaskSubject(tx, subjectRefOf(input.subject)),
  authorize: (actor, subject) => canKeepTasks(actor, subject),
  write: async ({ tx, input, loaded: subject }) => {
    const year = taskYear(input.task.dueOn);
    const created = await tx.task.create({
      data: {
        subjectKind: subject.kind,
        memberId: subject.kind === "MEMBER" ? subject.memberId : null,
        organizationId: subject.kind === "ORGANIZATION" ? subject.organizationId : null,
        year,
        ...input.task,
        assignedOn: new Date(input.task.assignedOn),
        dueOn: new Date(input.task.dueOn),
      },
      select: { id: true, version: true },
    });
    const facts = await syncRecordTaskFacts(tx, subjectRefOf(input.subject), year, created.id);
    return { result: created, audit: [taskAudit(auditRow(created, subject), "task.declare", { after: input.task }), ...facts] };
  },
});

/** What a task is may change until its result is confirmed. */
export const editTask = command({
  input: EditTaskSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, { subject }) => canKeepTasks(actor, subject),
  write: async ({ tx, input, loaded: { task, subject } }) => {
    checkStep(task, "edit", input.expectedVersion);
    const year = taskYear(input.task.dueOn);
    const updated = await tx.task.update({
      where: { id: task.id },
      data: { ...input.task, year, assignedOn: new Date(input.task.assignedOn), dueOn: new Date(input.task.dueOn), version: { increment: 1 } },
      select: { version: true },
    });
    const facts = [
      ...(await syncRecordTaskFacts(tx, task, task.year, task.id)),
      ...(year !== task.year ? await syncRecordTaskFacts(tx, task, year, task.id) : []),
    ];
    return { result: updated, audit: [taskAudit(auditRow(task, subject), "task.edit", { before: snapshotOf(task), after: input.task }), ...facts] };
  },
});

/** The result of a task, reported by its keeper: it waits for the confirmer and counts only once confirmed. */
export const reportTask = command({
  input: ReportTaskSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, { subject }) => canKeepTasks(actor, subject),
  write: async ({ tx, input, loaded: { task, subject } }) => {
    checkStep(task, "report", input.expectedVersion);
    checkResultDates(input.result, task);
    const updated = await tx.task.update({
      where: { id: task.id },
      data: { ...resultColumns(input.result), status: "REPORTED", reportedAt: new Date(), returnReason: null, version: { increment: 1 } },
      select: { version: true },
    });
    return { result: updated, audit: taskAudit(auditRow(task, subject), "task.report", { result: input.result, before: { status: task.status } }) };
  },
});

/** Confirms one result: it counts from now on in the year's facts. */
export const confirmTask = command({
  input: ConfirmTaskSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, { subject }) => authorizeConfirmer(actor, subject),
  write: async ({ tx, actor, input, loaded: { task, subject } }) => {
    checkStep(task, "confirm", input.expectedVersion);
    const updated = await confirm(tx, actor, task);
    const facts = await syncRecordTaskFacts(tx, task, task.year, task.id);
    return { result: updated, audit: [taskAudit(auditRow(task, subject), "task.confirm", { result: resultOf(task) }), ...facts] };
  },
});

function confirm(tx: Tx, actor: Actor, task: TaskView) {
  return tx.task.update({
    where: { id: task.id },
    data: { status: "CONFIRMED", confirmedAt: new Date(), confirmedById: actor.userId, returnReason: null, version: { increment: 1 } },
    select: { version: true },
  });
}

/** Confirms the results ticked on the confirmer's list, all or none: each at the version the list showed. */
export const confirmTasks = command({
  input: ConfirmTasksSchema,
  load: async (tx, input) => {
    const ids = [...new Set(input.tasks.map((t) => t.taskId))].sort();
    const loaded: LoadedTask[] = [];
    // In id order, so two confirmers ticking overlapping lists wait for each other instead of deadlocking.
    for (const id of ids) {
      const one = await lockTask(tx, id);
      if (!one) return null;
      loaded.push(one);
    }
    return loaded;
  },
  authorize: (actor, loaded) => loaded.every(({ subject }) => authorizeConfirmer(actor, subject)),
  write: async ({ tx, actor, input, loaded }) => {
    const expected = new Map(input.tasks.map((t) => [t.taskId, t.expectedVersion]));
    for (const { task } of loaded) checkStep(task, "confirm", expected.get(task.id)!);
    const audit: CommandAudit[] = [];
    for (const { task, subject } of loaded) {
      await confirm(tx, actor, task);
      audit.push(taskAudit(auditRow(task, subject), "task.confirm", { result: resultOf(task) }));
    }
    const years = new Map<string, { ref: SubjectRef; year: number; taskId: string }>();
    for (const { task } of loaded) years.set(`${task.memberId ?? task.organizationId}:${task.year}`, { ref: task, year: task.year, taskId: task.id });
    for (const { ref, year, taskId } of years.values()) audit.push(...(await syncRecordTaskFacts(tx, ref, year, taskId)));
    return { result: { confirmed: loaded.length }, audit };
  },
});

/** Sends a result back to its keeper with the reason: it is reported again. */
export const returnTask = command({
  input: ReturnTaskSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, { subject }) => authorizeConfirmer(actor, subject),
  write: async ({ tx, input, loaded: { task, subject } }) => {
    checkStep(task, "return", input.expectedVersion);
    const updated = await tx.task.update({
      where: { id: task.id },
      data: { status: "RETURNED", returnReason: input.reason, version: { increment: 1 } },
      select: { version: true },
    });
    return { result: updated, audit: taskAudit(auditRow(task, subject), "task.return", { reason: input.reason }) };
  },
});

/** A confirmed result changes only this way: by the confirmer, with the corrected result and the reason, in the history. */
export const correctTask = command({
  input: CorrectTaskSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, { subject }) => authorizeConfirmer(actor, subject),
  write: async ({ tx, actor, input, loaded: { task, subject } }) => {
    checkStep(task, "correct", input.expectedVersion);
    checkResultDates(input.result, task);
    const updated = await tx.task.update({
      where: { id: task.id },
      data: { ...resultColumns(input.result), confirmedAt: new Date(), confirmedById: actor.userId, version: { increment: 1 } },
      select: { version: true },
    });
    const facts = await syncRecordTaskFacts(tx, task, task.year, task.id);
    return {
      result: updated,
      audit: [taskAudit(auditRow(task, subject), "task.correct", { reason: input.reason, before: resultOf(task), after: input.result }), ...facts],
    };
  },
});

/**
 * A task declared by mistake, withdrawn before any result is reported. The member may withdraw their own
 * only before it falls due (a task past due and not done is a task not done); the confirmer may at any time
 * before a result.
 */
export const withdrawTask = command({
  input: WithdrawTaskSchema,
  load: (tx, input) => lockTask(tx, input.taskId),
  authorize: (actor, { subject }) => canKeepTasks(actor, subject) || canConfirmTasks(actor, subject),
  write: async ({ tx, actor, input, loaded: { task, subject } }) => {
    checkStep(task, "withdraw", input.expectedVersion);
    if (!canConfirmTasks(actor, subject) && task.dueOn < todayInVietnam()) throw new DomainError("TASK_PAST_DUE");
    await tx.task.delete({ where: { id: task.id } });
    const facts = await syncRecordTaskFacts(tx, task, task.year, task.id);
    return {
      result: { withdrawn: true },
      audit: [taskAudit(auditRow(task, subject), "task.withdraw", { reason: input.reason, before: snapshotOf(task) }), ...facts],
    };
  },
});

// ─────────────────────────── Reading ───────────────────────────

/** A subject's register of one year: its tasks, the counts of §7.4 with the tasks behind them, the quarters, and what the actor may do. */
export async function getTaskRegister(actor: Actor, subjectInput: TaskSubjectInput, year: number) {
  const subject = await loadTaskSubject(db, subjectRefOf(subjectInput));
  if (!subject || !canReadTasks(actor, subject)) throw new NotFoundError();
  const ref = subjectRefOf(subjectInput);
  const [rows, quarterReviews, record] = await Promise.all([
    db.task.findMany({
      where: { ...(ref.memberId ? { memberId: ref.memberId } : { organizationId: ref.organizationId! }), year },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: { ...TASK_COLUMNS, _count: { select: { files: true } } },
    }),
    db.taskQuarterReview.findMany({
      where: { ...(ref.memberId ? { memberId: ref.memberId } : { organizationId: ref.organizationId! }), year },
      orderBy: { quarter: "asc" },
      select: {
        id: true,
        quarter: true,
        selfLevel: true,
        selfNote: true,
        selfAt: true,
        confirmedLevel: true,
        confirmedNote: true,
        confirmedAt: true,
        version: true,
        confirmedBy: { select: { displayName: true } },
      },
    }),
    db.reviewRecord.findFirst({
      where: { ...(ref.memberId ? { memberId: ref.memberId } : { organizationId: ref.organizationId! }), cycle: { year } },
      select: { id: true, state: true, cycle: { select: { options: true } } },
    }),
  ]);
  const tasks = rows.map(({ _count, ...row }) => ({ ...taskView(row), files: _count.files }));
  return {
    subject: {
      kind: subject.kind,
      id: subject.kind === "MEMBER" ? subject.memberId : subject.organizationId,
      name: subject.name,
      leader: subject.kind === "MEMBER" && subject.leader,
    },
    year,
    tasks,
    counts: countTasks(tasks, year),
    quarters: summarizeQuarters(tasks, year),
    quarterReviews,
    record: record ? { id: record.id, state: record.state, usesRegister: usesTaskRegister(record.cycle.options) } : null,
    canKeep: canKeepTasks(actor, subject),
    canConfirm: canConfirmTasks(actor, subject),
  };
}
export type TaskRegister = Awaited<ReturnType<typeof getTaskRegister>>;

/** One task with its files, its history and what the actor may do with it. */
export async function getTask(actor: Actor, taskId: string, options: { historyPage?: number } = {}) {
  const row = await db.task.findUnique({
    where: { id: taskId },
    select: {
      ...TASK_COLUMNS,
      confirmedBy: { select: { displayName: true } },
      files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, contentType: true, createdAt: true } },
    },
  });
  const subject = row ? await loadTaskSubject(db, row) : null;
  if (!row || !subject || !canReadTasks(actor, subject)) throw new NotFoundError();
  const { confirmedBy, files, ...task } = row;
  return {
    task: { ...taskView(task), confirmedBy: confirmedBy?.displayName ?? null },
    files,
    subject: { kind: subject.kind, id: subject.kind === "MEMBER" ? subject.memberId : subject.organizationId, name: subject.name },
    history: await readHistory(db, "Task", taskId, options.historyPage),
    canKeep: canKeepTasks(actor, subject),
    canConfirm: canConfirmTasks(actor, subject),
  };
}

const RESULTS_TO_CONFIRM_LIMIT = 200;

/**
 * The results waiting for an actor's confirmation, as SQL (ids and when reported): canConfirmTasks's rule
 * over the roots of taskConfirmRoots. It starts from the actor's units — their cells' members through the
 * closure table, then their REPORTED tasks by Task(status, memberId) — so a cell's list costs its cell, not
 * the province's waiting results. `within` narrows it to one unit.
 */
export function resultsToConfirmSql(actor: Actor, within?: string): Prisma.Sql | null {
  const roots = taskConfirmRoots(actor);
  const narrow = (ids: string[]) => (within && ids.length > 0 ? [within] : ids);
  const [allMembers, membersNotLeaders, units] = [narrow(roots.allMembers), narrow(roots.membersNotLeaders), narrow(roots.units)];
  if (allMembers.length + membersNotLeaders.length + units.length === 0) return null;
  const cellsUnder = (ids: string[]) => Prisma.sql`SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ANY(${ids}::text[])`;
  return Prisma.sql`
    SELECT t.id, t."reportedAt" FROM "Task" t
     WHERE t.status = 'REPORTED' AND t."memberId" <> ${actor.memberId ?? ""}
       AND t."memberId" IN (SELECT m.id FROM "Member" m WHERE m."cellId" IN (${cellsUnder(allMembers)})
                            UNION
                            SELECT m.id FROM "Member" m WHERE m."cellId" IN (${cellsUnder(membersNotLeaders)}) AND m.category <> 'LEADER_MANAGER')
    UNION ALL
    SELECT t.id, t."reportedAt" FROM "Task" t
     WHERE t.status = 'REPORTED' AND t."organizationId" IN (${cellsUnder(units)}) AND NOT (t."organizationId" = ANY(${roots.ownUnits}::text[]))`;
}

/** How many results wait for the actor's confirmation (the home page's card). */
export async function countResultsToConfirm(actor: Actor): Promise<number> {
  const waiting = resultsToConfirmSql(actor);
  if (!waiting) return 0;
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM (${waiting}) w`;
  return row.count;
}

/**
 * The results waiting for the actor's confirmation, oldest report first: of the members of the cells
 * and the units below the committees the actor sits on, never the actor's own. One query for the ids, one
 * for the rows, one for the ancestries of their units; canConfirmTasks still decides each.
 */
export async function listResultsToConfirm(actor: Actor, options: { organizationId?: string } = {}) {
  const waiting = resultsToConfirmSql(actor, options.organizationId);
  if (!waiting) return { tasks: [], more: false };
  const ids = (await db.$queryRaw<{ id: string }[]>`SELECT id FROM (${waiting}) w ORDER BY "reportedAt", id LIMIT ${RESULTS_TO_CONFIRM_LIMIT + 1}`).map(
    (r) => r.id,
  );
  const order = new Map(ids.map((id, i) => [id, i]));
  const rows = (
    await db.task.findMany({
      where: { id: { in: ids } },
      select: {
        ...TASK_COLUMNS,
        member: { select: { fullName: true, cellId: true, category: true, cell: { select: { name: true } } } },
        organization: { select: { name: true } },
        _count: { select: { files: true } },
      },
    })
  ).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const units = [...new Set(rows.map((r) => r.member?.cellId ?? r.organizationId!))];
  const closure = await db.orgClosure.findMany({ where: { descendantId: { in: units } }, select: { ancestorId: true, descendantId: true } });
  const ancestries = new Map<string, string[]>();
  for (const row of closure) ancestries.set(row.descendantId, [...(ancestries.get(row.descendantId) ?? []), row.ancestorId]);
  const tasks = rows
    .filter((row) => {
      const subject: TaskSubject = row.member
        ? { kind: "MEMBER", memberId: row.memberId!, leader: row.member.category === "LEADER_MANAGER", cellAncestry: ancestries.get(row.member.cellId) ?? [] }
        : { kind: "ORGANIZATION", organizationId: row.organizationId!, ancestry: ancestries.get(row.organizationId!) ?? [] };
      return canConfirmTasks(actor, subject);
    })
    .slice(0, RESULTS_TO_CONFIRM_LIMIT)
    .map(({ member, organization, _count, ...task }) => ({
      ...taskView(task),
      files: _count.files,
      subjectName: member?.fullName ?? organization?.name ?? "",
      unitName: member?.cell.name ?? null,
    }));
  return { tasks, more: rows.length > RESULTS_TO_CONFIRM_LIMIT };
}
export type ResultToConfirm = Awaited<ReturnType<typeof listResultsToConfirm>>["tasks"][number];

/**
 * Recounts the task facts of every record of a cycle not yet decided from the register, in two statements
 * (members, organizations): what the cycle turning the register on does. The same counts as countTasks
 * (lib/review/tasks.ts), in SQL because a province has millions of tasks; tests/integration/tasks.test.ts
 * checks the two agree on every record of the demo. Returns the number of records changed.
 */
export async function recountCycleTaskFacts(tx: Tx, cycleId: string, year: number): Promise<number> {
  // Each statement counts the records of its own kind only: run over the other kind's records, it would
  // find none of their tasks and store zeros on them.
  const recount = (kind: "MEMBER" | "ORGANIZATION", subject: Prisma.Sql) => tx.$executeRaw`
    WITH counts AS (
      SELECT r.id,
             count(t.id)::int AS assigned,
             (count(t.id) FILTER (WHERE t.status = 'CONFIRMED' AND t.outcome = 'DONE' AND t."doneOn" IS NOT NULL))::int AS completed,
             (count(t.id) FILTER (WHERE t.status = 'CONFIRMED' AND t.outcome = 'DONE' AND t."doneOn" <= t."dueOn"))::int AS "onTime",
             (count(t.id) FILTER (WHERE t.status = 'CONFIRMED' AND t.outcome = 'DONE' AND t."doneOn" IS NOT NULL AND t.exceeded))::int AS exceeded
        FROM "ReviewRecord" r
        LEFT JOIN "Task" t ON ${subject} AND t.year = ${year}
       WHERE r."cycleId" = ${cycleId} AND r."subjectKind" = ${kind}::"SubjectKind" AND r.state NOT IN ('DECIDED', 'PUBLISHED')
       GROUP BY r.id)
    UPDATE "ReviewRecord" r
       SET "tasksAssigned" = c.assigned, "tasksCompleted" = c.completed, "tasksOnTime" = c."onTime", "tasksExceeded" = c.exceeded, version = r.version + 1
      FROM counts c
     WHERE r.id = c.id
       AND (r."tasksAssigned", r."tasksCompleted", r."tasksOnTime", r."tasksExceeded") IS DISTINCT FROM (c.assigned, c.completed, c."onTime", c.exceeded)`;
  const members = await recount("MEMBER", Prisma.sql`t."memberId" = r."memberId"`);
  const organizations = await recount("ORGANIZATION", Prisma.sql`t."organizationId" = r."organizationId"`);
  return members + organizations;
}
