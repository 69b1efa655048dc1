import tasksVi from "@/lib/i18n/messages/vi/tasks.json";
import type { TaskCounts, TaskOutcome, TaskStatus } from "@/lib/review/tasks";
import { bodyOf, committeeOf, placeOf, type DocBlock, type DocTable, type OfficialDocument } from "./model";

// "Phụ lục về kết quả thực hiện nhiệm vụ" (HD 43 7.12: the annex on the year's task results that goes up
// with Mẫu 2B, and with any self-review or collective report whose cycle counts its tasks from the
// register): one row per task due in the year — what it was, where it came from, when it was assigned
// and due, the expected product and its quality measure, the result, the product, the progress, what
// exceeded and on what grounds, who confirmed it and when. Pure; the texts are the Vietnamese messages
// (an official document is Vietnamese whatever the reader's language). The printable page renders the
// same model (components/review/official-document-view.tsx), so the page, the PDF and the .docx agree.

const a = tasksVi.appendix;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/gu, (_, k: string) => String(values[k] ?? ""));
const dmy = (iso: string | null | undefined) => (iso ? iso.split("-").reverse().join("/") : "");

export type AppendixTask = {
  title: string;
  source: string;
  assignedOn: string;
  dueOn: string;
  expectedProduct: string;
  qualityMeasure: string;
  status: TaskStatus;
  outcome: TaskOutcome | null;
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

export type TaskAppendixInput = {
  year: number;
  subject: { kind: "MEMBER" | "ORGANIZATION"; name: string };
  heading: { name: string; kind: string; parentName: string | null; upperCommittee: string | null };
  tasks: AppendixTask[];
  counts: Pick<TaskCounts, "assigned" | "completed" | "onTime" | "exceeded" | "tasks">;
};

/** The result cell: done on a date, not done with its reason, or where a result not yet confirmed stands. */
function resultOf(task: AppendixTask): string {
  if (task.outcome === "DONE" && task.doneOn) {
    const done = fill(a.doneOn, { date: dmy(task.doneOn) });
    return task.status === "CONFIRMED" ? done : `${done} — ${task.status === "RETURNED" ? a.returned : a.reported}`;
  }
  if (task.outcome === "NOT_DONE") {
    const line = `${fill(a.notDone, { reason: task.notDoneReason ?? "" })}${task.forceMajeure ? ` ${a.forceMajeure}` : ""}`;
    return task.status === "CONFIRMED" ? line : `${line} — ${task.status === "RETURNED" ? a.returned : a.reported}`;
  }
  return a.pending;
}

/** The columns of the appendix, in order, with the share of the width each takes. */
export const APPENDIX_COLUMNS = [
  { key: "no", width: 0.6, align: "center" },
  { key: "task", width: 2.4 },
  { key: "source", width: 1.5 },
  { key: "assigned", width: 1.1, align: "center" },
  { key: "due", width: 1.1, align: "center" },
  { key: "expected", width: 2.4 },
  { key: "result", width: 1.8 },
  { key: "product", width: 2.2 },
  { key: "progress", width: 1, align: "center" },
  { key: "exceeded", width: 1.6 },
  { key: "confirmed", width: 1.5 },
] as const;

/** One row of the appendix, cell by cell (the page and the files print the same strings). */
export function appendixRow(task: AppendixTask, index: number): string[] {
  const confirmedDone = task.status === "CONFIRMED" && task.outcome === "DONE" && task.doneOn !== null;
  const product = [task.product?.trim(), task.productLink?.trim(), task.files.length > 0 ? fill(a.files, { names: task.files.join(", ") }) : ""]
    .filter(Boolean)
    .join("\n");
  return [
    String(index + 1),
    task.title,
    task.source,
    dmy(task.assignedOn),
    dmy(task.dueOn),
    [task.expectedProduct, task.qualityMeasure ? fill(a.quality, { measure: task.qualityMeasure }) : ""].filter(Boolean).join("\n"),
    resultOf(task),
    product,
    confirmedDone ? (task.doneOn! <= task.dueOn ? a.onTime : a.late) : "",
    confirmedDone && task.exceeded ? fill(a.exceededYes, { grounds: task.exceededGrounds ?? "" }) : "",
    task.status === "CONFIRMED" && task.confirmedAt ? fill(a.confirmedBy, { name: task.confirmedBy ?? "", date: dmy(task.confirmedAt) }) : a.notConfirmed,
  ];
}

export function taskAppendixDocument(input: TaskAppendixInput): OfficialDocument {
  const { year, counts } = input;
  const h = input.heading;
  const cell = h.kind === "CHI_BO_TRUC_THUOC" || h.kind === "DANG_BO_BO_PHAN";
  const table: DocTable = {
    kind: "table",
    columns: APPENDIX_COLUMNS.map((c) => ({ header: a.cols[c.key], width: c.width, align: "align" in c ? c.align : undefined })),
    rows: input.tasks.map(appendixRow),
  };
  return {
    upperBody: cell ? (h.parentName ?? undefined) : h.upperCommittee ? bodyOf(h.upperCommittee) : undefined,
    issuer: input.subject.kind === "MEMBER" ? h.name : committeeOf(h.name),
    place: placeOf(h.upperCommittee ?? h.parentName ?? h.name),
    date: null,
    year,
    title: fill(a.title, { year }),
    subtitle: fill(a.of, { name: input.subject.name }),
    blocks: [
      { kind: "paragraph", text: fill(a.attached, { year }), italic: true, indent: false },
      input.tasks.length === 0 ? { kind: "paragraph", text: fill(a.empty, { year }), indent: false } : table,
      {
        kind: "paragraph",
        indent: false,
        italic: true,
        text: fill(a.summary, {
          assigned: counts.assigned,
          completed: counts.completed,
          onTime: counts.onTime,
          late: counts.tasks.late.length,
          exceeded: counts.exceeded,
          notCompleted: counts.tasks.notCompleted.length,
        }),
      },
    ],
    signatures: [input.subject.kind === "MEMBER" ? { capacity: a.signature, name: input.subject.name } : { capacity: a.signatureOrg, title: "Bí thư" }],
    landscape: true,
  };
}

/**
 * The year's tasks as the self-review and the collective report (Mẫu 01) list them: title, due, done on,
 * product, on time or late, exceeded — the full detail is the appendix's.
 */
export function yearTaskBlocks(tasks: AppendixTask[], year: number): DocBlock[] {
  const l = tasksVi.yearEnd.list;
  const progress = (task: AppendixTask) => {
    if (task.status !== "CONFIRMED") return task.status === "OPEN" ? l.pending : l.unconfirmed;
    if (task.outcome !== "DONE" || !task.doneOn) return l.notDone;
    return task.doneOn <= task.dueOn ? l.onTime : l.late;
  };
  const heading: DocBlock = { kind: "heading", text: fill(l.title, { year }) };
  if (tasks.length === 0) return [heading, { kind: "paragraph", text: fill(l.empty, { year }), indent: false }];
  return [
    heading,
    {
      kind: "table",
      columns: [
        { header: a.cols.no, width: 0.6, align: "center" },
        { header: l.task, width: 3.2 },
        { header: l.due, width: 1.2, align: "center" },
        { header: l.doneOn, width: 1.3, align: "center" },
        { header: l.product, width: 2.6 },
        { header: l.progress, width: 1.3, align: "center" },
        { header: l.exceeded, width: 1, align: "center" },
      ],
      rows: tasks.map((task, i) => [
        String(i + 1),
        task.title,
        dmy(task.dueOn),
        dmy(task.doneOn),
        [task.product?.trim(), task.files.join(", ")].filter(Boolean).join("\n"),
        progress(task),
        task.status === "CONFIRMED" && task.exceeded ? l.yes : "",
      ]),
    },
    { kind: "paragraph", text: l.appendixNote, italic: true, indent: false },
  ];
}
