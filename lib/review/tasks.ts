// The task register (sổ theo dõi nhiệm vụ, docs/task-register.md): the year's work as evidence of the
// results the 100-point scale scores (HD 43 7.12). PURE — no framework, no database.
//
// A task is declared (OPEN), its result reported (REPORTED), then confirmed (CONFIRMED) or sent back with
// a reason (RETURNED, reported again). Only a confirmed result counts; a confirmed one changes only by a
// recorded correction. The year's task facts of docs/rating-rules.md §7.4 are counted from the register:
//   N — the tasks due in the year, whatever their state (a task not reported is a task not done);
//   C — those confirmed done; T — those confirmed done on or before their due date;
//   X — those confirmed done that exceeded what was asked.
// So T ≤ C ≤ N and X ≤ C hold by construction (tests/unit/review/tasks.property.test.ts).

export const TASK_STATUSES = ["OPEN", "REPORTED", "RETURNED", "CONFIRMED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_OUTCOMES = ["DONE", "NOT_DONE"] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** What the counts read of a task: dates as `YYYY-MM-DD`. */
export interface CountedTask {
  id: string;
  title: string;
  dueOn: string;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  doneOn: string | null;
  exceeded: boolean;
}

/** The four numbers of §7.4 and, for each, the tasks behind it (ids, in the order given). */
export interface TaskCounts {
  assigned: number;
  completed: number;
  onTime: number;
  exceeded: number;
  tasks: {
    assigned: string[];
    completed: string[];
    onTime: string[];
    late: string[];
    exceeded: string[];
    /** Due in the year and not confirmed done: not done, or not reported or not confirmed yet. */
    notCompleted: string[];
    /** Of those, the ones whose result is reported or returned and not confirmed yet. */
    unconfirmed: string[];
  };
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

export function isConfirmedDone(task: CountedTask): boolean {
  return task.status === "CONFIRMED" && task.outcome === "DONE" && task.doneOn !== null;
}

/** Done on or before the due date (ISO dates compare as strings). */
export function isOnTime(task: CountedTask): boolean {
  return isConfirmedDone(task) && task.doneOn! <= task.dueOn;
}

/** The year's task facts from a subject's register: only the tasks due in `year` count. */
export function countTasks(tasks: readonly CountedTask[], year: number): TaskCounts {
  const ids: TaskCounts["tasks"] = { assigned: [], completed: [], onTime: [], late: [], exceeded: [], notCompleted: [], unconfirmed: [] };
  for (const task of tasks) {
    if (yearOf(task.dueOn) !== year) continue;
    ids.assigned.push(task.id);
    if (!isConfirmedDone(task)) {
      ids.notCompleted.push(task.id);
      if (task.status === "REPORTED" || task.status === "RETURNED") ids.unconfirmed.push(task.id);
      continue;
    }
    ids.completed.push(task.id);
    (isOnTime(task) ? ids.onTime : ids.late).push(task.id);
    if (task.exceeded) ids.exceeded.push(task.id);
  }
  return { assigned: ids.assigned.length, completed: ids.completed.length, onTime: ids.onTime.length, exceeded: ids.exceeded.length, tasks: ids };
}

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export function quarterOf(isoDate: string): Quarter {
  return (Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1) as Quarter;
}

/** The first and last day of a quarter, `YYYY-MM-DD`. */
export function quarterBounds(year: number, quarter: Quarter): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

/** A quarter's tasks, by due date: how many were due, done on time, late, not done, exceeded, and not confirmed yet. */
export interface QuarterSummary {
  quarter: Quarter;
  due: number;
  onTime: number;
  late: number;
  /** Confirmed not done. */
  notDone: number;
  exceeded: number;
  /** Due in the quarter with no confirmed result yet (open, reported or returned). */
  pending: number;
}

/** The four quarters of a subject's year. Quarters are shown beside the year-end review, never turned into its level. */
export function summarizeQuarters(tasks: readonly CountedTask[], year: number): QuarterSummary[] {
  const summaries = QUARTERS.map((quarter) => ({ quarter, due: 0, onTime: 0, late: 0, notDone: 0, exceeded: 0, pending: 0 }));
  for (const task of tasks) {
    if (yearOf(task.dueOn) !== year) continue;
    const summary = summaries[quarterOf(task.dueOn) - 1];
    summary.due += 1;
    if (task.status !== "CONFIRMED") summary.pending += 1;
    else if (!isConfirmedDone(task)) summary.notDone += 1;
    else {
      if (isOnTime(task)) summary.onTime += 1;
      else summary.late += 1;
      if (task.exceeded) summary.exceeded += 1;
    }
  }
  return summaries;
}

/** What may be done to a task in each state, by whom: the keeper (the subject, or an officer for them) or the confirmer. */
export type TaskStep = "edit" | "report" | "withdraw" | "confirm" | "return" | "correct" | "attach";

const STEPS_BY_STATUS: Record<TaskStatus, readonly TaskStep[]> = {
  OPEN: ["edit", "report", "withdraw", "attach"],
  // A result waiting may be reported again (a better product, a file forgotten) until it is confirmed.
  REPORTED: ["edit", "report", "confirm", "return", "attach"],
  RETURNED: ["edit", "report", "attach"],
  CONFIRMED: ["correct"],
};

export function stepAllowed(status: TaskStatus, step: TaskStep): boolean {
  return STEPS_BY_STATUS[status].includes(step);
}

/** Whether a task is due within `days` days of `today` (inclusive) or overdue, with no result reported yet. */
export function dueSoonOrOverdue(task: { dueOn: string; status: TaskStatus }, today: string, days = 7): "overdue" | "dueSoon" | null {
  if (task.status !== "OPEN" && task.status !== "RETURNED") return null;
  if (task.dueOn < today) return "overdue";
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return task.dueOn <= limit.toISOString().slice(0, 10) ? "dueSoon" : null;
}

/** Files a task's product may carry: documents, spreadsheets, images and archives; never HTML, SVG or programs. */
export const TASK_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
  csv: "text/csv",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  zip: "application/zip",
};
export const TASK_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const TASK_FILES_PER_TASK = 5;

/** The extension of a file name, lower case, or "" when it has none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Why a file may not be attached, or null: its type is judged by its extension (the browser's word is not
 * trusted) and by its first bytes where they are known, so an HTML page renamed .pdf is refused too.
 */
export function taskFileProblem(fileName: string, size: number, head: Uint8Array): "fileType" | "fileSize" | "fileEmpty" | null {
  const extension = fileExtension(fileName);
  if (!Object.hasOwn(TASK_FILE_TYPES, extension)) return "fileType";
  if (size === 0) return "fileEmpty";
  if (size > TASK_FILE_MAX_BYTES) return "fileSize";
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const zip = starts(0x50, 0x4b, 0x03, 0x04);
  const ole = starts(0xd0, 0xcf, 0x11, 0xe0);
  const magic: Record<string, boolean> = {
    pdf: starts(0x25, 0x50, 0x44, 0x46),
    png: starts(0x89, 0x50, 0x4e, 0x47),
    jpg: starts(0xff, 0xd8, 0xff),
    jpeg: starts(0xff, 0xd8, 0xff),
    docx: zip,
    xlsx: zip,
    pptx: zip,
    odt: zip,
    ods: zip,
    zip,
    doc: ole,
    xls: ole,
  };
  if (extension in magic && !magic[extension]) return "fileType";
  if (extension === "txt" || extension === "csv") {
    // Text is served as a download in any case; refuse what a browser would sniff as markup.
    const start = new TextDecoder().decode(head.slice(0, 64)).trimStart().toLowerCase();
    if (start.startsWith("<")) return "fileType";
  }
  return null;
}

/** Whether a cycle counts its records' task facts from the register (ReviewCycle.options.taskRegister). */
export function usesTaskRegister(cycleOptions: unknown): boolean {
  return typeof cycleOptions === "object" && cycleOptions !== null && (cycleOptions as Record<string, unknown>).taskRegister === true;
}

/** The year a task belongs to: the year it is due in. */
export const taskYear = (dueOn: string) => Number(dueOn.slice(0, 4));

// ─────────────────────────── The year-end review (issue #18, year-end) ───────────────────────────

/**
 * The register's filters, one per number of the year-end review: the register page reads `?show=` and
 * shows only the tasks behind that number (components/tasks/register-view.tsx, parseTaskFilter: the same
 * names). The form of a link (taskRegisterHref):
 *   /members/<id>/tasks?year=<Y>&show=<filter>#task-list   (a member)
 *   /units/<id>/tasks?year=<Y>&show=<filter>#task-list     (a party organization)
 * with <filter> one of TASK_REGISTER_FILTERS (the keys of TaskCounts["tasks"]); without `show`, the
 * whole year. `#task-list` is the id of the register's list, so the page opens on it.
 */
export const TASK_REGISTER_FILTERS = ["assigned", "completed", "onTime", "late", "exceeded", "notCompleted", "unconfirmed"] as const;
export type TaskRegisterFilter = (typeof TASK_REGISTER_FILTERS)[number];

/** A register's subject as its pages are addressed. */
export type TaskSubjectRef = { kind: "MEMBER" | "ORGANIZATION"; id: string };

export function taskRegisterHref(subject: TaskSubjectRef, year: number, filter?: TaskRegisterFilter): string {
  const base = `/${subject.kind === "MEMBER" ? "members" : "units"}/${encodeURIComponent(subject.id)}/tasks?year=${year}`;
  return filter ? `${base}&show=${filter}#task-list` : base;
}

/** The printable appendix "Phụ lục về kết quả thực hiện nhiệm vụ" of a subject's year (its PDF and .docx: taskAppendixFileHref). */
export function taskAppendixHref(subject: TaskSubjectRef, year: number): string {
  return `/${subject.kind === "MEMBER" ? "members" : "units"}/${encodeURIComponent(subject.id)}/tasks/appendix?year=${year}`;
}

/** The appendix as a file, through the documents' route (/reports/documents/task-appendix). */
export function taskAppendixFileHref(subject: TaskSubjectRef, year: number, format: "pdf" | "docx"): string {
  const who = subject.kind === "MEMBER" ? `member=${encodeURIComponent(subject.id)}` : `unit=${encodeURIComponent(subject.id)}`;
  return `/reports/documents/task-appendix?${who}&year=${year}&format=${format}`;
}

/** The reason codes of lib/grading that the year's tasks cause (rating-rules §7.4). */
export const TASK_REASON_CODES = ["TASKS_LATE", "TASKS_NOT_COMPLETED", "TASKS_FAILED_OVER_50", "TASKS_UNDER_70", "TASKS_EXCEEDED_UNDER_30"] as const;
export type TaskReasonCode = (typeof TASK_REASON_CODES)[number];

export function isTaskReason(code: string): code is TaskReasonCode {
  return (TASK_REASON_CODES as readonly string[]).includes(code);
}

/**
 * Whether the year's counts can give a verdict a task reason: the conditions of lib/grading/rules/tasks.ts
 * on N, C, T, X, whatever the subject's category (a superset of the reasons a verdict carries). The desks
 * load the titles of these records' tasks only.
 */
export function mayCarryTaskReason(tasks: { assigned: number; completed: number; onTime: number; exceeded: number }): boolean {
  if (tasks.assigned <= 0) return false;
  return tasks.completed < tasks.assigned || tasks.onTime < tasks.completed || 10 * tasks.exceeded < 3 * tasks.assigned;
}

/**
 * Whether a cap of these counts names tasks: some late, or some not completed. Too few exceeded is said
 * with the numbers alone ("chỉ 1/10 …"), so a desk loads no task for it.
 */
export function namesTasksBehindCap(tasks: { assigned: number; completed: number; onTime: number }): boolean {
  return tasks.assigned > 0 && (tasks.completed < tasks.assigned || tasks.onTime < tasks.completed);
}

/** How many tasks must exceed their requirement for EXCELLENT: 10·X ≥ 3·N (366 Điều 11, 1.1). */
export const exceededNeeded = (assigned: number) => Math.ceil((3 * assigned) / 10);

/** At most this many titles are named in a line; the rest are counted ("và 4 nhiệm vụ khác"). */
export const TASK_CAP_TITLES = 5;

/**
 * One line naming the tasks behind a task reason of a verdict: `late` (done after the due date),
 * `notCompleted` (due and not confirmed done; `unconfirmed` of them reported and waiting), `exceeded`
 * (too few exceeded for EXCELLENT). `reasons` are the verdict's codes that the line explains; `filter`
 * the register's filter listing the same tasks.
 */
export interface TaskCapLine {
  kind: "late" | "notCompleted" | "exceeded";
  reasons: TaskReasonCode[];
  count: number;
  total: number;
  /** For `exceeded`: how many EXCELLENT needs. */
  needed: number | null;
  /** For `notCompleted`: how many of them have a result reported but not confirmed yet. */
  unconfirmed: number;
  ids: string[];
  titles: string[];
  /** Tasks beyond TASK_CAP_TITLES, counted but not named. */
  more: number;
  filter: TaskRegisterFilter;
}

/**
 * The tasks behind the task reasons of a verdict, one line per kind, in the order of the verdict's reasons.
 * Follows the verdict: a line only for a reason the verdict carries, nothing when it carries none (the
 * counts alone never make a line). `titles` maps a task's id to its title; an id without one is skipped
 * from the names but still counted.
 */
export function explainTaskCaps(
  reasons: readonly string[],
  counts: Pick<TaskCounts, "assigned" | "completed" | "onTime" | "exceeded" | "tasks">,
  titles: Readonly<Record<string, string>>,
): TaskCapLine[] {
  const lines: TaskCapLine[] = [];
  const byKind = new Map<TaskCapLine["kind"], TaskCapLine>();
  const total = counts.assigned;
  for (const code of reasons) {
    if (!isTaskReason(code) || total <= 0) continue;
    const kind: TaskCapLine["kind"] = code === "TASKS_LATE" ? "late" : code === "TASKS_EXCEEDED_UNDER_30" ? "exceeded" : "notCompleted";
    const existing = byKind.get(kind);
    if (existing) {
      existing.reasons.push(code);
      continue;
    }
    const ids = kind === "late" ? counts.tasks.late : kind === "notCompleted" ? counts.tasks.notCompleted : counts.tasks.exceeded;
    const named = ids.filter((id) => Object.hasOwn(titles, id));
    const line: TaskCapLine = {
      kind,
      reasons: [code],
      // Too few exceeded is told by the numbers: a desk gives them without loading the tasks.
      count: kind === "exceeded" ? counts.exceeded : ids.length,
      total,
      needed: kind === "exceeded" ? exceededNeeded(total) : null,
      unconfirmed: kind === "notCompleted" ? counts.tasks.unconfirmed.length : 0,
      ids: [...ids],
      titles: named.slice(0, TASK_CAP_TITLES).map((id) => titles[id]),
      more: ids.length - Math.min(named.length, TASK_CAP_TITLES),
      filter: kind,
    };
    byKind.set(kind, line);
    lines.push(line);
  }
  return lines;
}

/**
 * A line as a message of `tasks.yearEnd.caps` (the screens and the tests translate it the same way):
 *   late          "3/10 nhiệm vụ hoàn thành chậm: A, B, C"
 *   notCompleted  "2/10 nhiệm vụ chưa hoàn thành: A, B" (+ "trong đó 1 kết quả chưa được xác nhận")
 *   exceeded      "chỉ 1/10 nhiệm vụ vượt yêu cầu (cần ít nhất 3 để đạt Hoàn thành xuất sắc)"
 */
export function taskCapMessage(line: TaskCapLine): { key: string; values: Record<string, string | number> } {
  const list = line.titles.join(", ");
  const values = { count: line.count, total: line.total, list, more: line.more, unconfirmed: line.unconfirmed, needed: line.needed ?? 0 };
  if (line.kind === "exceeded") return { key: "exceeded", values };
  return { key: line.titles.length === 0 ? `${line.kind}Unnamed` : line.kind, values };
}
