import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { addDays, day, maxDate, minDate, moment, randomDay } from "./dates";
import type { IdFactory } from "./ids";
import { type Random, randomFor } from "./random";
import { QUARTER_CONFIRMED_NOTES, QUARTER_SELF_NOTES, type TaskTemplate, type TaskTexts } from "./task-texts";
import type { RatingLevel, TaskFileRow, TaskQuarterReviewRow, TaskRow, TaskStatus } from "./types";

// The task register of the demo's current year (docs/task-register.md): each member's and organization's
// tasks through the year, their results and confirmations, a few evidence files, and the leaders' and
// organizations' quarters. The register is the source of each record's task facts N/C/T/X (the cycle
// uses it), so the tasks are drawn to give exactly the counts a record's level needs:
//
//   a record whose level is stored (proposed, decided, published): every task of the year confirmed, N
//     due, C confirmed done, T of them on time, X exceeded — the counts lib/demo/scores.ts drew for its level;
//   a record still open (draft, submitted, returned, absent): quarters 1–3 confirmed, quarter 4 in
//     progress (results open, reported, returned): its counts are what the register gives, and the
//     builder returns them for the record.
//
// Everything is dated up to 30/11 of the year, the day the demo stands at; due dates run to December.

/** The four numbers of docs/rating-rules.md §7.4 a subject's tasks should give. */
export interface TaskPlan {
  assigned: number;
  completed: number;
  onTime: number;
  exceeded: number;
}

export interface RegisterSubject {
  kind: "MEMBER" | "ORGANIZATION";
  /** The member's or the organization's id. */
  id: string;
  templates: readonly TaskTemplate[];
  sources: readonly string[];
  plan: TaskPlan;
  /** The record's level is stored: every task confirmed, the counts exactly the plan's. */
  settled: boolean;
  /** May claim force majeure for a task not done (a leader, an organization: 366 Điều 11 khoản 4). */
  mayClaimForceMajeure: boolean;
  /** Who confirmed the results (a user), or null when nobody with an account did. */
  confirmerId: string | null;
  /** A leader or an organization: quarters 1–3 assessed and confirmed. */
  quarters: boolean;
  /** The demo member: open tasks overdue and due soon. The demo secretary's members: results waiting. */
  showcase?: "toReport" | "toConfirm";
}

type Role = "onTime" | "late" | "notDone";

interface Draft {
  dueOn: Date;
  role: Role;
  exceeded: boolean;
  forceMajeure: boolean;
}

export interface TaskRegisterOutput {
  tasks: TaskRow[];
  taskFiles: TaskFileRow[];
  taskQuarterReviews: TaskQuarterReviewRow[];
}

export class TaskRegisterBuilder {
  private readonly snapshot: Date;
  private readonly lastEarlyDue: Date;
  private readonly fourthQuarter: Date;

  constructor(
    private readonly ids: IdFactory,
    private readonly seedLabel: string,
    private readonly year: number,
    private readonly texts: TaskTexts,
    private readonly out: TaskRegisterOutput,
  ) {
    this.snapshot = day(year, 11, 30);
    // A task done late or not done is one whose date has passed long enough before the snapshot.
    this.lastEarlyDue = day(year, 11, 15);
    this.fourthQuarter = day(year, 10, 1);
  }

  /** Writes the subject's tasks; returns the counts they give (the plan's when settled). */
  add(subject: RegisterSubject): TaskPlan {
    const rng = randomFor(this.seedLabel, "tasks", subject.id, this.year);
    const drafts = this.drafts(rng, subject);
    const counts: TaskPlan = { assigned: 0, completed: 0, onTime: 0, exceeded: 0 };
    const quarters = [0, 0, 0, 0].map(() => ({ due: 0, onTime: 0, late: 0, notDone: 0, exceeded: 0 }));
    let templateAt = rng.int(0, subject.templates.length - 1);
    let toConfirm = subject.showcase === "toConfirm";
    for (const draft of drafts) {
      const template = subject.templates[templateAt++ % subject.templates.length];
      const status = this.statusOf(rng, subject, draft, toConfirm);
      if (status === "REPORTED" && draft.dueOn <= this.snapshot) toConfirm = false;
      const task = this.task(rng, subject, draft, template, status);
      this.out.tasks.push(task);
      counts.assigned++;
      const quarter = quarters[Math.floor(draft.dueOn.getUTCMonth() / 3)];
      quarter.due++;
      if (status === "CONFIRMED") {
        if (task.outcome === "DONE") {
          counts.completed++;
          if (draft.role === "onTime") counts.onTime++;
          if (draft.exceeded) counts.exceeded++;
          quarter[draft.role === "onTime" ? "onTime" : "late"]++;
          if (draft.exceeded) quarter.exceeded++;
        } else quarter.notDone++;
      }
      if (task.outcome === "DONE" && task.reportedAt && ((subject.showcase === "toConfirm" && status === "REPORTED") || rng.chance(0.012))) {
        this.attach(rng, task);
      }
    }
    if (
      subject.settled &&
      (counts.assigned !== subject.plan.assigned ||
        counts.completed !== subject.plan.completed ||
        counts.onTime !== subject.plan.onTime ||
        counts.exceeded !== subject.plan.exceeded)
    ) {
      throw new Error(`the register of ${subject.id} does not give its planned counts`);
    }
    if (subject.quarters) this.assessQuarters(rng, subject, quarters.slice(0, 3));
    return counts;
  }

  /** Due dates spread over the year, and which tasks end late, not done or exceeded, to match the plan. */
  private drafts(rng: Random, subject: RegisterSubject): Draft[] {
    const { assigned, completed, onTime, exceeded } = subject.plan;
    const start = day(this.year, 1, 20);
    const span = 340; // 20/01 to 26/12
    const drafts: Draft[] = [];
    for (let i = 0; i < assigned; i++) {
      drafts.push({ dueOn: addDays(start, Math.floor(((i + rng.next()) / assigned) * span)), role: "onTime", exceeded: false, forceMajeure: false });
    }
    // Not done and late go to tasks due by mid-November, so their results are in before the snapshot.
    const early = rng.shuffle(drafts.filter((d) => d.dueOn <= this.lastEarlyDue));
    const others = drafts.filter((d) => d.dueOn > this.lastEarlyDue);
    const take = (): Draft => {
      const draft = early.pop();
      if (draft) return draft;
      const moved = others.pop()!;
      moved.dueOn = randomDay(rng, day(this.year, 10, 1), day(this.year, 11, 10));
      return moved;
    };
    for (let i = 0; i < assigned - completed; i++) {
      const draft = take();
      draft.role = "notDone";
      draft.forceMajeure = subject.mayClaimForceMajeure && rng.chance(0.35);
    }
    for (let i = 0; i < completed - onTime; i++) take().role = "late";
    const done = rng.shuffle(drafts.filter((d) => d.role === "onTime")).concat(drafts.filter((d) => d.role === "late"));
    for (let i = 0; i < exceeded; i++) done[i].exceeded = true;
    if (!subject.settled) {
      // An open record may carry what a settled one may not: now and then a task of the third quarter not done.
      const third = drafts.find((d) => d.role === "onTime" && !d.exceeded && d.dueOn.getUTCMonth() >= 6 && d.dueOn.getUTCMonth() <= 8);
      if (third && rng.chance(subject.mayClaimForceMajeure ? 0.06 : 0.03)) {
        Object.assign(third, { role: "notDone", forceMajeure: subject.mayClaimForceMajeure && rng.chance(0.5) });
      }
      // The demo member has work to report: a task overdue, others due in the coming weeks (its last tasks moved there).
      if (subject.showcase === "toReport") {
        const [nov20, dec4, dec11, dec18] = [day(this.year, 11, 20), day(this.year, 12, 4), day(this.year, 12, 11), day(this.year, 12, 18)];
        const dues = [[], [dec11], [nov20, dec11], [nov20, dec4, dec18], [nov20, dec4, dec11, dec18]][Math.min(4, drafts.length - 1)];
        dues.forEach((dueOn, i) => Object.assign(drafts[drafts.length - dues.length + i], { dueOn, role: "onTime", exceeded: false, forceMajeure: false }));
      }
    }
    return drafts.sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime());
  }

  private statusOf(rng: Random, subject: RegisterSubject, draft: Draft, toConfirm: boolean): TaskStatus {
    if (subject.settled || draft.dueOn < this.fourthQuarter) return "CONFIRMED";
    if (subject.showcase === "toReport" && draft.dueOn >= day(this.year, 11, 20)) return "OPEN";
    if (draft.dueOn > this.snapshot) return draft.role === "onTime" && rng.chance(0.25) ? "REPORTED" : "OPEN";
    if (toConfirm) return "REPORTED";
    return rng.weighted<TaskStatus>([
      ["CONFIRMED", 55],
      ["REPORTED", 28],
      ["OPEN", 12],
      ["RETURNED", 5],
    ]);
  }

  private task(rng: Random, subject: RegisterSubject, draft: Draft, template: TaskTemplate, status: TaskStatus): TaskRow {
    const { dueOn } = draft;
    const lastDay = addDays(this.snapshot, -2);
    const assignedOn = minDate(maxDate(day(this.year, 1, 2), addDays(dueOn, -rng.int(20, 100))), lastDay);
    const createdAt = moment(assignedOn, rng.int(8, 16), rng.int(0, 59));
    const row: TaskRow = {
      id: this.ids.next("task"),
      subjectKind: subject.kind,
      memberId: subject.kind === "MEMBER" ? subject.id : null,
      organizationId: subject.kind === "ORGANIZATION" ? subject.id : null,
      year: this.year,
      title: template[0],
      source: subject.sources[rng.int(0, subject.sources.length - 1)],
      assignedOn,
      dueOn,
      expectedProduct: template[1],
      qualityMeasure: template[2],
      status,
      outcome: null,
      doneOn: null,
      product: null,
      productLink: null,
      exceeded: false,
      exceededGrounds: null,
      notDoneReason: null,
      forceMajeure: false,
      returnReason: null,
      reportedAt: null,
      confirmedAt: null,
      confirmedById: null,
      version: 0,
      createdAt,
      updatedAt: createdAt,
    };
    if (status === "OPEN") return row;
    let reportedOn: Date;
    if (draft.role === "notDone") {
      row.outcome = "NOT_DONE";
      row.forceMajeure = draft.forceMajeure;
      row.notDoneReason = draft.forceMajeure ? rng.pick(this.texts.forceMajeureReasons) : rng.pick(this.texts.notDoneReasons);
      reportedOn = minDate(addDays(dueOn, rng.int(0, 5)), addDays(this.snapshot, -1));
    } else {
      const doneOn =
        draft.role === "late" ? addDays(dueOn, rng.int(1, 12)) : minDate(maxDate(addDays(assignedOn, 1), addDays(dueOn, -rng.int(0, 10))), lastDay);
      row.outcome = "DONE";
      row.doneOn = doneOn;
      row.product = template[3];
      row.exceeded = draft.exceeded;
      row.exceededGrounds = draft.exceeded ? rng.pick(this.texts.exceededGrounds) : null;
      reportedOn = minDate(addDays(doneOn, rng.int(0, 3)), addDays(this.snapshot, -1));
    }
    row.reportedAt = moment(reportedOn, rng.int(8, 20), rng.int(0, 59));
    row.version = 1;
    row.updatedAt = row.reportedAt;
    if (status === "RETURNED") {
      row.returnReason = rng.pick(this.texts.returnReasons);
      row.version = 2;
      row.updatedAt = moment(minDate(addDays(reportedOn, 2), this.snapshot), 10);
    } else if (status === "CONFIRMED") {
      row.confirmedAt = moment(minDate(addDays(reportedOn, rng.int(1, 8)), this.snapshot), rng.int(8, 16), rng.int(0, 59));
      row.confirmedById = subject.confirmerId;
      row.version = 2;
      row.updatedAt = row.confirmedAt;
    }
    return row;
  }

  private attach(rng: Random, task: TaskRow): void {
    const file = rng.chance(0.6) ? EVIDENCE.pdf() : EVIDENCE.png();
    this.out.taskFiles.push({
      id: this.ids.next("taskFile"),
      taskId: task.id,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.content.length,
      sha256: file.sha256,
      content: file.content,
      uploadedById: null,
      createdAt: task.reportedAt!,
    });
  }

  private assessQuarters(
    rng: Random,
    subject: RegisterSubject,
    quarters: ReadonlyArray<{ due: number; onTime: number; late: number; notDone: number; exceeded: number }>,
  ) {
    quarters.forEach((q, i) => {
      const selfLevel: RatingLevel =
        q.notDone > 0
          ? 3 * q.notDone > q.due
            ? "NOT_COMPLETED"
            : "COMPLETED"
          : q.late > 0
            ? "COMPLETED"
            : q.due > 0 && 10 * q.exceeded >= 3 * q.due
              ? "EXCELLENT"
              : "GOOD";
      const lowered = selfLevel === "EXCELLENT" && rng.chance(0.15);
      const selfAt = moment(day(this.year, (i + 1) * 3 + 1, rng.int(2, 7)), rng.int(8, 16));
      const confirmedAt = moment(addDays(selfAt, rng.int(3, 9)), rng.int(8, 16));
      this.out.taskQuarterReviews.push({
        id: this.ids.next("taskQuarter"),
        subjectKind: subject.kind,
        memberId: subject.kind === "MEMBER" ? subject.id : null,
        organizationId: subject.kind === "ORGANIZATION" ? subject.id : null,
        year: this.year,
        quarter: i + 1,
        selfLevel,
        selfNote: rng.pick(QUARTER_SELF_NOTES),
        selfAt,
        confirmedLevel: lowered ? "GOOD" : selfLevel,
        confirmedNote: lowered ? QUARTER_CONFIRMED_NOTES[1] : rng.pick([QUARTER_CONFIRMED_NOTES[0], QUARTER_CONFIRMED_NOTES[2]]),
        confirmedAt,
        confirmedById: subject.confirmerId,
        version: 2,
        createdAt: selfAt,
        updatedAt: confirmedAt,
      });
    });
  }
}

// ───────────────────────────── evidence files ─────────────────────────────
// Two tiny files made in code (no binary in the repository), each a few hundred bytes: a one-page PDF and a
// small PNG. Every attached file shares the same bytes, so the demo database stays small.

interface Evidence {
  fileName: string;
  contentType: string;
  content: Uint8Array<ArrayBuffer>;
  sha256: string;
}

function evidence(fileName: string, contentType: string, bytes: Uint8Array): Evidence {
  const content = new Uint8Array(bytes);
  return { fileName, contentType, content, sha256: createHash("sha256").update(content).digest("hex") };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const EVIDENCE = {
  pdf: once(() => evidence("bien-ban-ket-qua.pdf", "application/pdf", tinyPdf("Bien ban ket qua thuc hien nhiem vu"))),
  png: once(() => evidence("anh-hien-truong.png", "image/png", tinyPng())),
};

/** A valid one-page PDF 1.4 with one line of text (ASCII, Helvetica), its cross-reference table computed. */
export function tinyPdf(text: string): Uint8Array {
  const stream = `BT /F1 14 Tf 56 780 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A valid 16×16 PNG (8-bit RGB): a red square with a yellow centre. */
export function tinyPng(): Uint8Array {
  const size = 16;
  const raw = new Uint8Array(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    raw[y * (1 + size * 3)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const centre = Math.abs(x - 7.5) < 3 && Math.abs(y - 7.5) < 3;
      const at = y * (1 + size * 3) + 1 + x * 3;
      raw.set(centre ? [255, 205, 0] : [218, 37, 29], at);
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
