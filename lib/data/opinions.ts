import "server-only";
import type { z } from "zod";
import { toIsoDate } from "@/lib/i18n/format";
import { createHash } from "node:crypto";
import { can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { Prisma, RecordState } from "@/lib/generated/prisma/client";
import { todayInVietnam } from "@/lib/i18n/format";
import { givenOnProblem, opinionStatus, opinionWindow, requiredOpinions, type CellStay, type OpinionFacts, type OpinionSource } from "@/lib/review/opinions";
import { AddOpinionSchema, DeleteOpinionSchema, EditOpinionSchema } from "@/lib/schemas/opinions";
import { command, type Command, recordAudit } from "./command";
import { db, type Tx } from "./db";
import { lockAndLoadMemberRecord, loadMemberRecord, type MemberRecord } from "./member-record";

// Opinions before the meeting (ý kiến nhận xét): the comments of the residence-place cell, of the previous
// cell and of the temporary cell, recorded by the cell's secretary on a member's record in the review under
// way. Which ones a record needs is lib/review/opinions.ts; each write runs in one transaction with its
// audit row on the record (entityType "ReviewRecord"), so the record's history shows it.

/** Before the meeting reviews the member: afterwards the opinions are part of what was reviewed. */
const OPEN_STATES: readonly RecordState[] = ["DRAFT", "SUBMITTED", "RETURNED", "ABSENT"];
const OPEN_CYCLE_STATUSES = ["PREPARING", "SELF_REVIEW", "DECIDING"];

/** The assignments that can call for an opinion in a year: an official stay that ended in it, a temporary one overlapping it. */
export function staysTouchingYear(year: number): Prisma.MemberCellAssignmentWhereInput {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31));
  return {
    OR: [
      { kind: "OFFICIAL", toDate: { gte: start, lte: end } },
      { kind: "TEMPORARY", fromDate: { lte: end }, OR: [{ toDate: null }, { toDate: { gte: start } }] },
    ],
  };
}

export const STAY_SELECT = { cellId: true, kind: true, fromDate: true, toDate: true, cell: { select: { name: true } } } as const;
type StayRow = Prisma.MemberCellAssignmentGetPayload<{ select: typeof STAY_SELECT }>;

/** The rule's input from the stored rows of one record. */
export function opinionFacts(input: {
  year: number;
  state: RecordState;
  scopeOrgId: string;
  cellSector: OpinionFacts["cellSector"];
  member: { category: OpinionFacts["category"]; residenceCell: string | null };
  stays: readonly StayRow[];
}): OpinionFacts {
  const stays: CellStay[] = input.stays.map((s) => ({
    cellId: s.cellId,
    cellName: s.cell.name,
    kind: s.kind,
    fromDate: toIsoDate(s.fromDate),
    toDate: s.toDate ? toIsoDate(s.toDate) : null,
  }));
  return {
    year: input.year,
    category: input.member.category,
    residenceCell: input.member.residenceCell?.trim() || null,
    cellId: input.scopeOrgId,
    cellSector: input.cellSector,
    stays,
    rated: input.state !== "NOT_RATED",
  };
}

/** An opinion's version: a digest of what it says, so an edit made on an older reading is refused. */
export function opinionVersion(opinion: { text: string; givenOn: Date; givenBy: string }): string {
  return createHash("sha256")
    .update(`${opinion.text}\u0000${toIsoDate(opinion.givenOn)}\u0000${opinion.givenBy}`)
    .digest("hex")
    .slice(0, 24);
}

/** The record with what the opinions' rule and their checks read: its cycle, its cell's sector, its member. */
const RECORD_SELECT = {
  id: true,
  state: true,
  cycle: { select: { year: true, status: true } },
  scopeOrg: { select: { sector: true } },
  member: { select: { fullName: true, category: true, residenceCell: true } },
} as const satisfies Prisma.ReviewRecordSelect;
type LoadedRecord = MemberRecord<typeof RECORD_SELECT>;

/** Who may write the record's opinions: the cell's secretary (minutes:write), never on their own record. */
function writeAccess(actor: Actor, record: LoadedRecord): "write" | "own" | null {
  if (!can(actor, "minutes:write", record.target)) return null;
  return actor.memberId === record.memberId ? "own" : "write";
}

/** Why the record's opinions can no longer change, or null while they can. */
function lock(record: LoadedRecord): "CYCLE_CLOSED" | "OPINIONS_LOCKED" | null {
  if (!OPEN_CYCLE_STATUSES.includes(record.cycle.status)) return "CYCLE_CLOSED";
  return OPEN_STATES.includes(record.state) ? null : "OPINIONS_LOCKED";
}

/**
 * Whether the actor may change the record's opinions now, on what was loaded under the record's lock: not
 * found outside their reach; refused, with the reason they read, on their own record or once locked.
 */
function authorizeWrite(actor: Actor, record: LoadedRecord): boolean {
  const access = writeAccess(actor, record);
  if (access === null) return false;
  if (access === "own") throw new DomainError("OPINION_OWN_RECORD");
  const locked = lock(record);
  if (locked) throw new DomainError(locked);
  return true;
}

function checkDate(givenOn: string, year: number) {
  const problem = givenOnProblem(givenOn, { year, today: todayInVietnam() });
  if (problem) throw new DomainError("INVALID_INPUT", { givenOn: problem });
}

const OPINION_SELECT = { id: true, source: true, text: true, givenOn: true, givenBy: true, createdAt: true } as const;
type OpinionRow = Prisma.OpinionGetPayload<{ select: typeof OPINION_SELECT }>;

const shown = (o: OpinionRow) => ({
  id: o.id,
  source: o.source as OpinionSource,
  text: o.text,
  givenOn: toIsoDate(o.givenOn),
  givenBy: o.givenBy,
  createdAt: o.createdAt,
  version: opinionVersion(o),
});
const audited = (o: { text: string; givenOn: Date; givenBy: string }) => ({ text: o.text, givenOn: toIsoDate(o.givenOn), givenBy: o.givenBy });

/**
 * The opinions of one record: what its member's facts require, what was received, what is missing, and
 * whether the actor may add, edit or delete them now. Read by whoever may read the record (member:read):
 * the member sees their own, read-only.
 */
export async function listOpinions(actor: Actor, recordId: string) {
  const record = await loadMemberRecord(db, recordId, RECORD_SELECT);
  if (!record || !can(actor, "member:read", record.target)) throw new NotFoundError();
  const [stays, opinions] = await Promise.all([
    db.memberCellAssignment.findMany({
      where: { memberId: record.memberId, ...staysTouchingYear(record.cycle.year) },
      select: STAY_SELECT,
      orderBy: { fromDate: "asc" },
    }),
    db.opinion.findMany({ where: { recordId }, select: OPINION_SELECT, orderBy: [{ givenOn: "asc" }, { createdAt: "asc" }] }),
  ]);
  const facts = opinionFacts({
    year: record.cycle.year,
    state: record.state,
    scopeOrgId: record.scopeOrgId,
    cellSector: record.scopeOrg.sector,
    member: record.member,
    stays,
  });
  const status = opinionStatus(requiredOpinions(facts), opinions.map(shown));
  const access = writeAccess(actor, record);
  const locked = lock(record);
  return {
    recordId: record.id,
    year: record.cycle.year,
    state: record.state,
    residenceCell: facts.residenceCell,
    ...status,
    /** The secretary of the record's cell, on another member's record. */
    canWrite: access === "write",
    /** The reader's own record (a member reading theirs, or the secretary's own, which another officer keeps). */
    own: actor.memberId === record.memberId,
    ownRecordOfficer: access === "own",
    /** Why nothing may change now (for the secretary's note), or null. */
    locked,
    canEdit: access === "write" && locked === null,
    window: { ...opinionWindow(record.cycle.year), today: todayInVietnam() },
  };
}
export type OpinionsView = Awaited<ReturnType<typeof listOpinions>>;

/** The secretary records one opinion on a member's record. One per source: a correction is an edit. */
export const addOpinion = command({
  input: AddOpinionSchema,
  load: (tx, input) => lockAndLoadMemberRecord(tx, input.recordId, RECORD_SELECT),
  authorize: authorizeWrite,
  write: async ({ tx, input, loaded: record }) => {
    checkDate(input.givenOn, record.cycle.year);
    const existing = await tx.opinion.findFirst({ where: { recordId: record.id, source: input.source }, select: { id: true } });
    if (existing) throw new DomainError("OPINION_EXISTS", { source: "opinionExists" });
    const opinion = await tx.opinion.create({
      data: { recordId: record.id, source: input.source, text: input.text, givenOn: new Date(`${input.givenOn}T00:00:00Z`), givenBy: input.givenBy },
      select: OPINION_SELECT,
    });
    return {
      result: { id: opinion.id, version: opinionVersion(opinion) },
      audit: recordAudit(record, "opinion.add", { opinionId: opinion.id, source: opinion.source, after: audited(opinion) }),
    };
  },
});

/**
 * The opinion and its record, the record locked; the opinion is read again under the lock, so that what
 * an edit is compared with is what it replaces.
 */
async function lockAndLoadOpinion(tx: Tx, opinionId: string) {
  const found = await tx.opinion.findUnique({ where: { id: opinionId }, select: { recordId: true } });
  if (!found) return null;
  const record = await lockAndLoadMemberRecord(tx, found.recordId, RECORD_SELECT);
  const opinion = record && (await tx.opinion.findUnique({ where: { id: opinionId }, select: OPINION_SELECT }));
  return record && opinion ? { record, opinion } : null;
}
type LoadedOpinion = NonNullable<Awaited<ReturnType<typeof lockAndLoadOpinion>>>;

/**
 * The road of a change to a recorded opinion: the opinion and its record loaded under the record's lock,
 * the writer authorized on the record (authorizeWrite), and the opinion still as the form read it.
 */
function opinionChange<S extends z.ZodType<{ opinionId: string; expectedVersion: string }>, R>(input: S, write: Command<S, LoadedOpinion, R>["write"]) {
  return command({
    input,
    load: (tx, { opinionId }) => lockAndLoadOpinion(tx, opinionId),
    authorize: (actor, { record, opinion }, { expectedVersion }) => {
      if (!authorizeWrite(actor, record)) return false;
      if (opinionVersion(opinion) !== expectedVersion) throw new DomainError("STALE_EDIT");
      return true;
    },
    write,
  });
}

/** Corrects an opinion's text, date or giver, until the meeting reviews the record. */
export const editOpinion = opinionChange(EditOpinionSchema, async ({ tx, input, loaded: { record, opinion } }) => {
  checkDate(input.givenOn, record.cycle.year);
  const updated = await tx.opinion.update({
    where: { id: opinion.id },
    data: { text: input.text, givenOn: new Date(`${input.givenOn}T00:00:00Z`), givenBy: input.givenBy },
    select: OPINION_SELECT,
  });
  return {
    result: { id: updated.id, version: opinionVersion(updated) },
    audit: recordAudit(record, "opinion.edit", { opinionId: opinion.id, source: opinion.source, before: audited(opinion), after: audited(updated) }),
  };
});

/** Deletes an opinion recorded by mistake, until the meeting reviews the record; the audit row keeps it. */
export const deleteOpinion = opinionChange(DeleteOpinionSchema, async ({ tx, loaded: { record, opinion } }) => {
  await tx.opinion.delete({ where: { id: opinion.id } });
  return {
    result: { id: opinion.id },
    audit: recordAudit(record, "opinion.delete", { opinionId: opinion.id, source: opinion.source, before: audited(opinion) }),
  };
});
