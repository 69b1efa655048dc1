import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { toIsoDate } from "@/lib/i18n/format";
import type { ImportError } from "@/lib/import/register";
import { TASK_COLUMNS, TASK_SHEET, type ParsedTasks, type TaskImportRow } from "@/lib/import/tasks";
import { canKeepTasks, NotFoundError, subtreeRoots, type Actor, type TaskSubject } from "@/lib/review/permissions";
import { countTasks, taskYear, usesTaskRegister, type CountedTask } from "@/lib/review/tasks";
import { toSearchKey } from "@/lib/text/search";
import { command, recordAudit, rowAudit, type CommandAudit } from "./command";
import { db, type DbClient, type Tx } from "./db";
import { readInWorker, type ImportEvent } from "./import-run";

// Importing a year's tasks from the plan's spreadsheet (lib/import/tasks.ts reads and checks the cells
// with the declare form's schema). Every row is checked here against the database before anything is
// written: its subject exists and the importer keeps its register (canKeepTasks, as for one task
// declared), and the subject's year is not decided already. A row equal to a task already in the
// register (same subject, title, assignment and due dates) is left out, so importing the same file again
// adds nothing. Then ONE command creates the tasks, recounts the facts of every record they touch, and
// writes one `task.import` audit row with the records' `record.taskFacts` rows. One refused row: nothing.

export type TaskImportProgress = (event: { phase: "check" | "write"; done: number; total: number }) => void;

export type TaskPlannedRow = { row: number; subject: string; name: string; title: string; dueOn: string; action: "create" | "same" };

export type TaskImportPlan = {
  errors: ImportError[];
  /** Rows of the file (blank rows not counted). */
  rows: number;
  /** Tasks the import adds. */
  created: number;
  /** Rows equal to a task already in the register: not added again. */
  unchanged: number;
  /** Members and organizations whose registers the import adds to. */
  subjects: number;
  preview: TaskPlannedRow[];
};

const PREVIEW_ROWS = 50;

type Subject = TaskSubject & { key: string; name: string; unitId: string };
type NewTask = TaskImportRow & { owner: Subject; year: number };
type Plan = TaskImportPlan & { newTasks: NewTask[] };

const refOf = (s: Subject) => (s.kind === "MEMBER" ? s.memberId : s.organizationId);
const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The file's subjects, by card number or organization code: who they are and where they sit. */
async function loadSubjects(client: DbClient, keys: string[]): Promise<Map<string, Subject | "ambiguous">> {
  const [members, organizations] = await Promise.all([
    client.member.findMany({ where: { cardNumber: { in: keys } }, select: { id: true, cardNumber: true, fullName: true, cellId: true, category: true } }),
    client.organization.findMany({ where: { code: { in: keys } }, select: { id: true, code: true, name: true } }),
  ]);
  const units = [...new Set([...members.map((m) => m.cellId), ...organizations.map((o) => o.id)])];
  const ancestry = new Map<string, string[]>();
  for (const part of chunks(units, 5_000)) {
    for (const row of await client.orgClosure.findMany({ where: { descendantId: { in: part } }, select: { ancestorId: true, descendantId: true } }))
      ancestry.set(row.descendantId, [...(ancestry.get(row.descendantId) ?? []), row.ancestorId]);
  }
  const out = new Map<string, Subject | "ambiguous">();
  for (const m of members) {
    out.set(m.cardNumber.toUpperCase(), {
      kind: "MEMBER",
      memberId: m.id,
      leader: m.category === "LEADER_MANAGER",
      cellAncestry: ancestry.get(m.cellId) ?? [],
      key: m.cardNumber,
      name: m.fullName,
      unitId: m.cellId,
    });
  }
  for (const o of organizations) {
    const key = o.code.toUpperCase();
    out.set(
      key,
      out.has(key) ? "ambiguous" : { kind: "ORGANIZATION", organizationId: o.id, ancestry: ancestry.get(o.id) ?? [], key: o.code, name: o.name, unitId: o.id },
    );
  }
  return out;
}

const LOCKED_RECORD_STATES = ["DECIDED", "PUBLISHED"];
const LOCKED_CYCLE_STATUSES = ["PUBLISHED", "CLOSED"];

/** The subject-years whose level is decided in a cycle that counts the register: no task is added to them. */
async function lockedYears(client: DbClient, memberIds: string[], organizationIds: string[], years: number[]): Promise<Set<string>> {
  const rows = await client.$queryRaw<{ subject: string; year: number; options: unknown }[]>`
    SELECT COALESCE(r."memberId", r."organizationId") AS subject, c.year, c.options
      FROM "ReviewRecord" r JOIN "ReviewCycle" c ON c.id = r."cycleId"
     WHERE c.year = ANY(${years}) AND (r."memberId" = ANY(${memberIds}) OR r."organizationId" = ANY(${organizationIds}))
       AND (r.state::text = ANY(${LOCKED_RECORD_STATES}) OR c.status::text = ANY(${LOCKED_CYCLE_STATUSES}))`;
  return new Set(rows.filter((r) => usesTaskRegister(r.options)).map((r) => `${r.subject}|${r.year}`));
}

const sameKey = (owner: string, title: string, assignedOn: string, dueOn: string) => `${owner}|${toSearchKey(title)}|${assignedOn}|${dueOn}`;

/** The tasks already in the registers the file adds to, as the keys a row equal to one of them has. */
async function existingTasks(client: DbClient, memberIds: string[], organizationIds: string[], years: number[]): Promise<Set<string>> {
  const rows = await client.task.findMany({
    where: { year: { in: years }, OR: [{ memberId: { in: memberIds } }, { organizationId: { in: organizationIds } }] },
    select: { memberId: true, organizationId: true, title: true, assignedOn: true, dueOn: true },
  });
  return new Set(rows.map((t) => sameKey((t.memberId ?? t.organizationId)!, t.title, toIsoDate(t.assignedOn), toIsoDate(t.dueOn))));
}

/** Checks the parsed file against the database and the importer's scope; writes nothing. */
async function plan(client: DbClient, actor: Actor, parsed: ParsedTasks, progress?: TaskImportProgress): Promise<Plan> {
  if (subtreeRoots(actor, "task:keep").length === 0) throw new NotFoundError();
  const errors: ImportError[] = [...parsed.errors];
  const total = parsed.tasks.length;
  const subjects = await loadSubjects(client, [...new Set(parsed.tasks.map((t) => t.subject))]);
  const fail = (t: TaskImportRow, column: string, message: string) => errors.push({ sheet: TASK_SHEET, row: t.row, column, message });

  const kept: NewTask[] = [];
  for (const t of parsed.tasks) {
    const subject = subjects.get(t.subject);
    if (subject === "ambiguous") fail(t, TASK_COLUMNS.subject, `"${t.subject}" vừa là số thẻ đảng viên vừa là mã tổ chức; không rõ sổ của ai.`);
    // Missing and out of scope read the same: the file learns nothing of units it may not see.
    else if (!subject || !canKeepTasks(actor, subject))
      fail(t, TASK_COLUMNS.subject, `Không có đảng viên hay tổ chức "${t.subject}" mà bạn được ghi sổ nhiệm vụ.`);
    else kept.push({ ...t, owner: subject, year: taskYear(t.task.dueOn) });
  }
  progress?.({ phase: "check", done: Math.floor(total / 2), total });

  const memberIds = [...new Set(kept.flatMap((t) => (t.owner.kind === "MEMBER" ? [t.owner.memberId] : [])))];
  const organizationIds = [...new Set(kept.flatMap((t) => (t.owner.kind === "ORGANIZATION" ? [t.owner.organizationId] : [])))];
  const years = [...new Set(kept.map((t) => t.year))];
  const [locked, existing] = await Promise.all([
    lockedYears(client, memberIds, organizationIds, years),
    existingTasks(client, memberIds, organizationIds, years),
  ]);

  const result: Plan = { errors, rows: parsed.rows, created: 0, unchanged: 0, subjects: 0, preview: [], newTasks: [] };
  const touched = new Set<string>();
  for (const t of kept) {
    const id = refOf(t.owner);
    if (locked.has(`${id}|${t.year}`)) {
      fail(t, TASK_COLUMNS.due, `Mức xếp loại năm ${t.year} của ${t.owner.name} đã được quyết định: số liệu nhiệm vụ năm đó đã khóa, không thêm được.`);
      continue;
    }
    const same = existing.has(sameKey(id, t.task.title, t.task.assignedOn, t.task.dueOn));
    if (same) result.unchanged++;
    else {
      result.newTasks.push(t);
      touched.add(id);
    }
    if (result.preview.length < PREVIEW_ROWS)
      result.preview.push({ row: t.row, subject: t.owner.key, name: t.owner.name, title: t.task.title, dueOn: t.task.dueOn, action: same ? "same" : "create" });
  }
  result.created = result.newTasks.length;
  result.subjects = touched.size;
  // By row, and within a row in the order of the columns.
  const order = Object.values(TASK_COLUMNS) as string[];
  errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
  progress?.({ phase: "check", done: total, total });
  return result;
}

const publicPlan = ({ newTasks: _n, ...rest }: Plan): TaskImportPlan => rest;

/**
 * The task facts of every record the import touched, recounted at once: the records of the subjects'
 * years locked in id order, their tasks counted by the same rule as syncRecordTaskFacts (countTasks),
 * the changed ones written in one statement. A decided year is refused (FACTS_LOCKED), as for one task.
 */
export async function syncTaskFactsOf(tx: Tx, subjects: { memberId: string | null; organizationId: string | null; year: number }[]): Promise<CommandAudit[]> {
  const memberIds = [...new Set(subjects.flatMap((s) => (s.memberId ? [s.memberId] : [])))];
  const organizationIds = [...new Set(subjects.flatMap((s) => (s.organizationId ? [s.organizationId] : [])))];
  const years = [...new Set(subjects.map((s) => s.year))];
  const wanted = new Set(subjects.map((s) => `${s.memberId ?? s.organizationId}|${s.year}`));
  const records = await tx.$queryRaw<
    {
      id: string;
      state: string;
      scopeOrgId: string;
      memberId: string | null;
      organizationId: string | null;
      year: number;
      tasksAssigned: number | null;
      tasksCompleted: number | null;
      tasksOnTime: number | null;
      tasksExceeded: number | null;
      cycleStatus: string;
      options: unknown;
    }[]
  >`SELECT r.id, r.state::text, r."scopeOrgId", r."memberId", r."organizationId", c.year,
            r."tasksAssigned", r."tasksCompleted", r."tasksOnTime", r."tasksExceeded", c.status::text AS "cycleStatus", c.options
       FROM "ReviewRecord" r JOIN "ReviewCycle" c ON c.id = r."cycleId"
      WHERE c.year = ANY(${years}) AND (r."memberId" = ANY(${memberIds}) OR r."organizationId" = ANY(${organizationIds}))
      ORDER BY r.id
      FOR UPDATE OF r`;
  const counted = records.filter((r) => wanted.has(`${r.memberId ?? r.organizationId}|${r.year}`) && usesTaskRegister(r.options));
  if (counted.length === 0) return [];

  const tasks = await tx.task.findMany({
    where: {
      year: { in: years },
      OR: [
        { memberId: { in: counted.flatMap((r) => (r.memberId ? [r.memberId] : [])) } },
        { organizationId: { in: counted.flatMap((r) => (r.memberId ? [] : [r.organizationId!])) } },
      ],
    },
    select: { id: true, title: true, memberId: true, organizationId: true, year: true, dueOn: true, status: true, outcome: true, doneOn: true, exceeded: true },
  });
  const bySubjectYear = new Map<string, CountedTask[]>();
  for (const t of tasks) {
    const key = `${t.memberId ?? t.organizationId}|${t.year}`;
    const list = bySubjectYear.get(key) ?? bySubjectYear.set(key, []).get(key)!;
    list.push({
      id: t.id,
      title: t.title,
      dueOn: toIsoDate(t.dueOn),
      status: t.status,
      outcome: t.outcome,
      doneOn: t.doneOn ? toIsoDate(t.doneOn) : null,
      exceeded: t.exceeded,
    });
  }

  const audits: CommandAudit[] = [];
  const changed: { id: string; assigned: number; completed: number; onTime: number; exceeded: number }[] = [];
  for (const record of counted) {
    const counts = countTasks(bySubjectYear.get(`${record.memberId ?? record.organizationId}|${record.year}`) ?? [], record.year);
    const after = { assigned: counts.assigned, completed: counts.completed, onTime: counts.onTime, exceeded: counts.exceeded };
    const before = { assigned: record.tasksAssigned, completed: record.tasksCompleted, onTime: record.tasksOnTime, exceeded: record.tasksExceeded };
    if (before.assigned === after.assigned && before.completed === after.completed && before.onTime === after.onTime && before.exceeded === after.exceeded)
      continue;
    if (LOCKED_RECORD_STATES.includes(record.state) || LOCKED_CYCLE_STATUSES.includes(record.cycleStatus)) throw new DomainError("FACTS_LOCKED");
    changed.push({ id: record.id, ...after });
    audits.push(recordAudit(record, "record.taskFacts", { before, after, taskId: null }));
  }
  for (const part of chunks(changed, 5_000)) {
    await tx.$executeRaw`
      UPDATE "ReviewRecord" r
         SET "tasksAssigned" = u.assigned, "tasksCompleted" = u.completed, "tasksOnTime" = u."onTime", "tasksExceeded" = u.exceeded, version = r.version + 1
        FROM unnest(${part.map((c) => c.id)}::text[], ${part.map((c) => c.assigned)}::int[], ${part.map((c) => c.completed)}::int[],
                    ${part.map((c) => c.onTime)}::int[], ${part.map((c) => c.exceeded)}::int[]) AS u(id, assigned, completed, "onTime", exceeded)
       WHERE r.id = u.id`;
  }
  return audits;
}

/**
 * The new tasks in one `INSERT … SELECT FROM unnest(…)`, a column an array: 5,000 tasks are one statement.
 * (Prisma's createMany built its statement in JavaScript, about ten times slower, as the register import
 * found for members: lib/data/import.ts, insertMembers.) Status, version and the result's columns take
 * their defaults: an imported task is declared, nothing more.
 */
async function insertTasks(tx: Tx, tasks: NewTask[]) {
  const column = <T>(value: (t: NewTask) => T) => tasks.map(value);
  await tx.$executeRaw`
    INSERT INTO "Task" (id, "subjectKind", "memberId", "organizationId", year, title, source, "assignedOn", "dueOn", "expectedProduct", "qualityMeasure", "updatedAt")
    SELECT u.id, u.kind::"SubjectKind", u.member, u.organization, u.year, u.title, u.source, u.assigned::date, u.due::date, u.product, u.quality, now()
      FROM unnest(${column(() => randomUUID())}::text[], ${column((t) => t.owner.kind)}::text[],
                  ${column((t) => (t.owner.kind === "MEMBER" ? t.owner.memberId : null))}::text[],
                  ${column((t) => (t.owner.kind === "ORGANIZATION" ? t.owner.organizationId : null))}::text[], ${column((t) => t.year)}::int[],
                  ${column((t) => t.task.title)}::text[], ${column((t) => t.task.source)}::text[], ${column((t) => t.task.assignedOn)}::text[],
                  ${column((t) => t.task.dueOn)}::text[], ${column((t) => t.task.expectedProduct)}::text[], ${column((t) => t.task.qualityMeasure)}::text[])
        AS u(id, kind, member, organization, year, title, source, assigned, due, product, quality)`;
}

/** The unit a file's history is filed under: the one unit of all its subjects, else the importer's own. */
function unitOf(actor: Actor, p: Plan): string | null {
  const units = new Set(p.newTasks.map((t) => t.owner.unitId));
  return units.size === 1 ? [...units][0] : (subtreeRoots(actor, "task:keep")[0] ?? null);
}

const writeTasks = command({
  // The file was read and checked cell by cell (lib/import/tasks.ts) before it came here.
  input: z.object({
    parsed: z.custom<ParsedTasks>(),
    file: z.string().max(300),
    fileHash: z.string(),
    progress: z.custom<TaskImportProgress>().optional(),
  }),
  load: async (tx, { parsed, progress }, actor) => {
    // One task import at a time: two copies of a file sent at once would both find their rows new.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('task-import'))`;
    return plan(tx, actor, parsed, progress);
  },
  // The plan asked canKeepTasks of every row's subject: a row out of the importer's reach is an error, not a write.
  authorize: (actor) => subtreeRoots(actor, "task:keep").length > 0,
  write: async ({ tx, actor, input: { file, fileHash, progress }, loaded: p }) => {
    if (p.errors.length || p.newTasks.length === 0) return { result: publicPlan(p), audit: [] };
    let done = 0;
    for (const part of chunks(p.newTasks, 5_000)) {
      await insertTasks(tx, part);
      progress?.({ phase: "write", done: (done += part.length), total: p.newTasks.length });
    }
    const pairs = new Map<string, { memberId: string | null; organizationId: string | null; year: number }>();
    for (const t of p.newTasks) {
      const s = t.owner;
      pairs.set(`${refOf(s)}|${t.year}`, {
        memberId: s.kind === "MEMBER" ? s.memberId : null,
        organizationId: s.kind === "ORGANIZATION" ? s.organizationId : null,
        year: t.year,
      });
    }
    const facts = await syncTaskFactsOf(tx, [...pairs.values()]);
    return {
      result: publicPlan(p),
      audit: [rowAudit({ id: fileHash, organizationId: unitOf(actor, p) }, "task.import", { file, rows: p.rows, created: p.created }), ...facts],
    };
  },
  transactionOptions: { timeout: 120_000, maxWait: 20_000 },
});

/** The preview: what importing the file would add, and every error, without writing. */
export async function checkTaskImport(actor: Actor, parsed: ParsedTasks, progress?: TaskImportProgress): Promise<TaskImportPlan> {
  return publicPlan(await plan(db, actor, parsed, progress));
}

/** Adds the file's tasks when no row is refused, in one transaction with its audit; the check runs again inside it. */
export function importTasks(actor: Actor, parsed: ParsedTasks, file: { name: string; hash: string }, progress?: TaskImportProgress): Promise<TaskImportPlan> {
  return writeTasks(actor, { parsed, file: file.name.slice(0, 300), fileHash: file.hash, progress });
}

export type TaskImportEvent = ImportEvent<TaskImportPlan>;

/** Reads (in the import's worker thread), checks and, in commit mode, writes a task file, reporting progress as it goes. */
export async function runTaskImport(
  actor: Actor,
  file: { name: string; bytes: Buffer },
  mode: "check" | "commit",
  emit: (event: TaskImportEvent) => void,
): Promise<void> {
  if (subtreeRoots(actor, "task:keep").length === 0) throw new NotFoundError();
  emit({ type: "progress", phase: "read", done: 0, total: 1 });
  const read = await readInWorker(file, "tasks");
  if ("refused" in read) return emit({ type: "error", message: `Không đọc được tệp: ${read.refused}` });
  const { parsed, hash, sheetsFound } = read;
  if (!sheetsFound) return emit({ type: "error", message: `Tệp không có trang "${TASK_SHEET}" hay cột "${TASK_COLUMNS.subject}" (xem tệp mẫu).` });
  emit({ type: "progress", phase: "read", done: 1, total: 1 });
  const progress: TaskImportProgress = (e) => emit({ type: "progress", ...e });
  if (mode === "check" || parsed.errors.length) return emit({ type: "result", mode, written: false, plan: await checkTaskImport(actor, parsed, progress) });
  try {
    const plan = await importTasks(actor, parsed, { name: file.name, hash }, progress);
    emit({ type: "result", mode, written: plan.errors.length === 0 && plan.created > 0, plan });
  } catch (error) {
    // A year decided between the preview and the import: the whole file is refused, and said why.
    if (error instanceof DomainError && error.code === "FACTS_LOCKED")
      return emit({
        type: "error",
        message:
          "Không nhập được: mức xếp loại của một người hay tổ chức trong tệp vừa được quyết định, số liệu nhiệm vụ năm đó đã khóa. Xin kiểm tra lại tệp.",
      });
    throw error;
  }
}
