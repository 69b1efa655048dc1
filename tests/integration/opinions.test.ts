import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { addOpinion, deleteOpinion, editOpinion, listOpinions } from "@/lib/data/opinions";
import { listCellRecords } from "@/lib/data/self-reviews";
import { DomainError } from "@/lib/errors";
import type { RecordState } from "@/lib/generated/prisma/client";
import { todayInVietnam } from "@/lib/i18n/format";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// Opinions before the meeting on the real database: what a record requires from its member's stored facts
// (cell history, category, residence), recorded, corrected and deleted by the cell's secretary with an
// audit row in the same transaction, refused once the meeting reviewed the record, out of reach elsewhere.

let secretary: Actor; // bithu, Chi bộ thôn Đông (a residential cell)
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let member: Actor; // dangvien, Chi bộ thôn Đông
let cellEast: string;
let cellWest: string;
let recordId: string; // a plain member of thôn Đông, given a temporary activity below
let memberId: string;
let ownRecordId: string; // dangvien's
let secretaryRecordId: string; // bithu's own
const createdAssignments: string[] = [];

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A day of the review year that is never in the future while the year is under way. */
const GIVEN_ON = `${CURRENT_YEAR}-01-15`;
const tomorrow = () => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const valid = (changes: Record<string, unknown> = {}) => ({
  recordId,
  source: "TEMPORARY_CELL",
  text: "Đồng chí chấp hành tốt nội quy sinh hoạt tạm thời.",
  givenOn: GIVEN_ON,
  givenBy: "Chi ủy Chi bộ thôn Tây",
  ...changes,
});

async function setState(id: string, state: RecordState) {
  await db.reviewRecord.update({ where: { id }, data: { state } });
}

async function snapshot() {
  const [opinions, audits] = await Promise.all([
    db.opinion.findMany({ where: { recordId }, orderBy: { id: "asc" } }),
    db.auditLog.count({ where: { entityId: recordId } }),
  ]);
  return { opinions, audits };
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary, member] = await Promise.all([actorFor("bithu"), actorFor("bithu2"), actorFor("dangvien")]);
  [cellEast, cellWest] = await Promise.all([orgByCode("HU.01.04"), orgByCode("HU.01.05")]);
  const cycle = (await getCurrentCycle(cellEast))!;
  const record = await db.reviewRecord.findFirstOrThrow({
    where: {
      cycleId: cycle.id,
      scopeOrgId: cellEast,
      state: { in: ["DRAFT", "SUBMITTED"] },
      memberId: { notIn: [secretary.memberId!, member.memberId!] },
      member: { cellHistory: { none: { kind: "TEMPORARY" } }, officialOn: { not: null } },
    },
    orderBy: { id: "desc" },
    select: { id: true, memberId: true },
  });
  recordId = record.id;
  memberId = record.memberId!;
  await db.opinion.deleteMany({ where: { recordId } });
  await setState(recordId, "DRAFT");
  const ids = async (memberOf: string) =>
    (await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_memberId: { cycleId: cycle.id, memberId: memberOf } }, select: { id: true } })).id;
  [ownRecordId, secretaryRecordId] = await Promise.all([ids(member.memberId!), ids(secretary.memberId!)]);
});

afterAll(async () => {
  await db.memberCellAssignment.deleteMany({ where: { id: { in: createdAssignments } } });
});

describe("what a record requires, from its member's facts", () => {
  it("a member of a residential cell who never moved needs nothing", async () => {
    const view = await listOpinions(secretary, recordId);
    expect(view).toMatchObject({ required: [], received: [], missing: [], canWrite: true, canEdit: true, locked: null });
  });

  it("a temporary activity this year calls for the temporary cell's comment, shown as missing in the cell's list too", async () => {
    const stay = await db.memberCellAssignment.create({
      data: { memberId, cellId: cellWest, kind: "TEMPORARY", fromDate: date(`${CURRENT_YEAR}-03-01`), toDate: date(`${CURRENT_YEAR}-08-31`) },
    });
    createdAssignments.push(stay.id);
    const view = await listOpinions(secretary, recordId);
    expect(view.required).toEqual([
      { source: "TEMPORARY_CELL", reason: "TEMPORARY_ACTIVITY", body: "Chi bộ thôn Tây", from: `${CURRENT_YEAR}-03-01`, to: `${CURRENT_YEAR}-08-31` },
    ]);
    expect(view.missing).toEqual(["TEMPORARY_CELL"]);
    const list = await listCellRecords(secretary, cellEast);
    expect(list.records.find((r) => r.id === recordId)?.opinions).toEqual({ required: 1, missing: ["TEMPORARY_CELL"] });
  });

  it("a transfer in after six months elsewhere this year calls for the previous cell's comment", async () => {
    // Another member of the cell, whose official history gains a stay in thôn Tây ended on 1 August.
    const cycle = (await getCurrentCycle(cellEast))!;
    const other = await db.reviewRecord.findFirstOrThrow({
      where: { cycleId: cycle.id, scopeOrgId: cellEast, state: { not: "NOT_RATED" }, memberId: { notIn: [secretary.memberId!, member.memberId!, memberId] } },
      orderBy: { id: "asc" },
      select: { id: true, memberId: true },
    });
    const stay = await db.memberCellAssignment.create({
      data: { memberId: other.memberId!, cellId: cellWest, kind: "OFFICIAL", fromDate: date("2010-05-01"), toDate: date(`${CURRENT_YEAR}-08-01`) },
    });
    createdAssignments.push(stay.id);
    const list = await listCellRecords(secretary, cellEast);
    const row = list.records.find((r) => r.id === other.id)!;
    expect(row.opinions.missing).toContain("PREVIOUS_CELL");
    expect((await listOpinions(secretary, other.id)).required).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: "PREVIOUS_CELL", body: "Chi bộ thôn Tây" })]),
    );
  });

  it("a civil servant of an agency cell needs the residence-place comment, named from their details", async () => {
    const cycle = (await getCurrentCycle(cellEast))!;
    const record = await db.reviewRecord.findFirstOrThrow({
      where: {
        cycleId: cycle.id,
        state: { not: "NOT_RATED" },
        scopeOrg: { sector: "AGENCY" },
        member: { category: "NON_LEADER_IN_SYSTEM", residenceCell: { not: null } },
      },
      orderBy: { id: "asc" },
      select: { id: true, scopeOrgId: true, member: { select: { residenceCell: true } } },
    });
    // That cell's secretary: an account of the district given the role there for this test.
    const agencySecretary: Actor = { ...secretary, memberId: null, roles: [{ role: "CELL_SECRETARY", organizationId: record.scopeOrgId }] };
    const view = await listOpinions(agencySecretary, record.id);
    expect(view.required[0]).toEqual({ source: "RESIDENCE", reason: "WORKS_IN_SYSTEM", body: record.member!.residenceCell });
    await expect(listOpinions(secretary, record.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("recording, correcting and deleting an opinion", () => {
  it("adds one: listed as received, audited on the record in the same transaction", async () => {
    const before = await snapshot();
    const { id, version } = await addOpinion(secretary, valid());
    const view = await listOpinions(secretary, recordId);
    expect(view.missing).toEqual([]);
    expect(view.received).toEqual([expect.objectContaining({ id, version, source: "TEMPORARY_CELL", givenOn: GIVEN_ON, givenBy: "Chi ủy Chi bộ thôn Tây" })]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "ReviewRecord", entityId: recordId, action: "opinion.add" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      actorId: secretary.userId,
      organizationId: cellEast,
      data: { opinionId: id, source: "TEMPORARY_CELL", after: { text: valid().text, givenOn: GIVEN_ON, givenBy: "Chi ủy Chi bộ thôn Tây" } },
    });
    expect(await db.auditLog.count({ where: { entityId: recordId } })).toBe(before.audits + 1);
    expect((await listCellRecords(secretary, cellEast)).records.find((r) => r.id === recordId)?.opinions).toEqual({ required: 1, missing: [] });
  });

  it("refuses a second opinion of the same source: a correction is an edit", async () => {
    const before = await snapshot();
    await expect(addOpinion(secretary, valid({ text: "Lần hai" }))).rejects.toMatchObject({ code: "OPINION_EXISTS", fieldErrors: { source: "opinionExists" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input and changes nothing: empty or too long text, no giver, no real date, a future date, a date outside the year", async () => {
    await db.opinion.deleteMany({ where: { recordId, source: "RESIDENCE" } });
    const before = await snapshot();
    const residence = (changes: Record<string, unknown>) => valid({ source: "RESIDENCE", ...changes });
    await expect(addOpinion(secretary, residence({ text: "   " }))).rejects.toBeInstanceOf(ZodError);
    await expect(addOpinion(secretary, residence({ text: "x".repeat(5_001) }))).rejects.toBeInstanceOf(ZodError);
    await expect(addOpinion(secretary, residence({ givenBy: "" }))).rejects.toBeInstanceOf(ZodError);
    await expect(addOpinion(secretary, residence({ givenOn: `${CURRENT_YEAR}-02-30` }))).rejects.toBeInstanceOf(ZodError);
    await expect(addOpinion(secretary, residence({ source: "NEIGHBOUR" }))).rejects.toBeInstanceOf(ZodError);
    await expect(addOpinion(secretary, residence({ givenOn: tomorrow() }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { givenOn: "opinionDateFuture" },
    });
    await expect(addOpinion(secretary, residence({ givenOn: `${CURRENT_YEAR - 1}-11-30` }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { givenOn: "opinionDateOutsideYear" },
    });
    expect(await snapshot()).toEqual(before);
    // 5,000 characters and the first of December the year before are within the limits.
    const ok = await addOpinion(secretary, residence({ text: "y".repeat(5_000), givenOn: `${CURRENT_YEAR - 1}-12-01` }));
    await deleteOpinion(secretary, { opinionId: ok.id, expectedVersion: ok.version });
  });

  it("edits one on the version read, audits before and after, and refuses a stale edit", async () => {
    const [opinion] = (await listOpinions(secretary, recordId)).received;
    const edited = await editOpinion(secretary, {
      opinionId: opinion.id,
      expectedVersion: opinion.version,
      text: "Đồng chí gương mẫu, nhiệt tình.",
      givenOn: `${CURRENT_YEAR}-02-01`,
      givenBy: "Đồng chí Bí thư chi bộ thôn Tây",
    });
    expect(edited.version).not.toBe(opinion.version);
    const row = await db.opinion.findUniqueOrThrow({ where: { id: opinion.id } });
    expect(row).toMatchObject({
      text: "Đồng chí gương mẫu, nhiệt tình.",
      givenOn: date(`${CURRENT_YEAR}-02-01`),
      givenBy: "Đồng chí Bí thư chi bộ thôn Tây",
      source: "TEMPORARY_CELL",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: recordId, action: "opinion.edit" }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({
      opinionId: opinion.id,
      before: { text: opinion.text, givenOn: GIVEN_ON },
      after: { text: "Đồng chí gương mẫu, nhiệt tình.", givenOn: `${CURRENT_YEAR}-02-01` },
    });
    // Another tab still holds the first version: refused, nothing written.
    const before = await snapshot();
    await expect(
      editOpinion(secretary, { opinionId: opinion.id, expectedVersion: opinion.version, text: "Bản cũ", givenOn: GIVEN_ON, givenBy: "X" }),
    ).rejects.toMatchObject({ code: "STALE_EDIT" });
    await expect(deleteOpinion(secretary, { opinionId: opinion.id, expectedVersion: opinion.version })).rejects.toMatchObject({ code: "STALE_EDIT" });
    await expect(
      editOpinion(secretary, { opinionId: opinion.id, expectedVersion: edited.version, text: "Hợp lệ", givenOn: tomorrow(), givenBy: "X" }),
    ).rejects.toMatchObject({ fieldErrors: { givenOn: "opinionDateFuture" } });
    expect(await snapshot()).toEqual(before);
  });

  it("deletes one: gone from the record, kept whole in the audit row", async () => {
    const [opinion] = (await listOpinions(secretary, recordId)).received;
    await deleteOpinion(secretary, { opinionId: opinion.id, expectedVersion: opinion.version });
    expect(await db.opinion.count({ where: { id: opinion.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: recordId, action: "opinion.delete" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: secretary.userId, data: { opinionId: opinion.id, source: "TEMPORARY_CELL", before: { text: opinion.text } } });
    expect((await listOpinions(secretary, recordId)).missing).toEqual(["TEMPORARY_CELL"]);
    await expect(deleteOpinion(secretary, { opinionId: opinion.id, expectedVersion: opinion.version })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may, and when", () => {
  let opinion: { id: string; version: string };
  beforeAll(async () => {
    opinion = await addOpinion(secretary, valid());
  });

  it("another cell's secretary and a plain member: not found, and nothing changed", async () => {
    const before = await snapshot();
    for (const actor of [otherSecretary, member]) {
      await expect(addOpinion(actor, valid({ source: "RESIDENCE" }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        editOpinion(actor, { opinionId: opinion.id, expectedVersion: opinion.version, text: "Sửa trộm", givenOn: GIVEN_ON, givenBy: "X" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteOpinion(actor, { opinionId: opinion.id, expectedVersion: opinion.version })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(listOpinions(otherSecretary, recordId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOpinions(member, recordId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addOpinion(secretary, valid({ recordId: "no-such-record" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("the member reads the opinions of their own record, read-only; the secretary never writes on their own", async () => {
    const own = await listOpinions(member, ownRecordId);
    expect(own).toMatchObject({ canWrite: false, canEdit: false, own: true, ownRecordOfficer: false });
    await expect(addOpinion(member, valid({ recordId: ownRecordId }))).rejects.toBeInstanceOf(NotFoundError);
    const secretaryOwn = await listOpinions(secretary, secretaryRecordId);
    expect(secretaryOwn).toMatchObject({ canWrite: false, ownRecordOfficer: true });
    const audits = await db.auditLog.count({ where: { entityId: secretaryRecordId } });
    await expect(addOpinion(secretary, valid({ recordId: secretaryRecordId, source: "RESIDENCE" }))).rejects.toMatchObject({ code: "OPINION_OWN_RECORD" });
    expect(await db.auditLog.count({ where: { entityId: secretaryRecordId } })).toBe(audits);
  });

  it("once the meeting reviewed the record: read-only, every write refused with its reason, nothing changed", async () => {
    await setState(recordId, "REVIEWED");
    try {
      const view = await listOpinions(secretary, recordId);
      expect(view).toMatchObject({ canWrite: true, canEdit: false, locked: "OPINIONS_LOCKED" });
      const before = await snapshot();
      await expect(addOpinion(secretary, valid({ source: "RESIDENCE" }))).rejects.toMatchObject({ code: "OPINIONS_LOCKED" });
      await expect(
        editOpinion(secretary, { opinionId: opinion.id, expectedVersion: opinion.version, text: "Sau cuộc họp", givenOn: GIVEN_ON, givenBy: "X" }),
      ).rejects.toMatchObject({ code: "OPINIONS_LOCKED" });
      const refused = deleteOpinion(secretary, { opinionId: opinion.id, expectedVersion: opinion.version });
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      await expect(refused).rejects.toMatchObject({ code: "OPINIONS_LOCKED" });
      expect(await snapshot()).toEqual(before);
      // A record not rated is not reviewed at all: nothing is required, nothing may be written.
      await setState(recordId, "NOT_RATED");
      expect(await listOpinions(secretary, recordId)).toMatchObject({ required: [], missing: [], locked: "OPINIONS_LOCKED" });
    } finally {
      await setState(recordId, "DRAFT");
    }
  });
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
