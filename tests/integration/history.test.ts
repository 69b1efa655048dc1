import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { HISTORY_PAGE_SIZE, listRecordHistory, readHistory } from "@/lib/data/history";
import { addOpinion, editOpinion } from "@/lib/data/opinions";
import { describeAuditEntry } from "@/lib/review/history";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";

// A record's history on the real database: its audit rows, newest first, with who and when, paginated by
// 50; read by whoever may read the record and nobody else; the same reader serves other entities (the
// meeting's minutes).

let secretary: Actor; // bithu, Chi bộ thôn Đông
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let member: Actor; // dangvien, Chi bộ thôn Đông
let recordId: string;
let ownRecordId: string;
let cellEast: string;

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary, member] = await Promise.all([actorFor("bithu"), actorFor("bithu2"), actorFor("dangvien")]);
  cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  // A record of the cell that nothing else writes on in this file's run: its history is what we write.
  const record = await db.reviewRecord.findFirstOrThrow({
    where: { cycleId: cycle.id, scopeOrgId: cellEast, memberId: { notIn: [secretary.memberId!, member.memberId!] }, state: { not: "NOT_RATED" } },
    orderBy: { id: "asc" },
    skip: 2,
    select: { id: true },
  });
  recordId = record.id;
  await db.opinion.deleteMany({ where: { recordId } });
  await db.reviewRecord.update({ where: { id: recordId }, data: { state: "DRAFT" } });
  ownRecordId = (
    await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_memberId: { cycleId: cycle.id, memberId: member.memberId! } }, select: { id: true } })
  ).id;
});

describe("the history of a record", () => {
  it("lists the record's audit rows newest first, with who did it, and reading it writes nothing", async () => {
    const added = await addOpinion(secretary, {
      recordId,
      source: "RESIDENCE",
      text: "Gương mẫu ở khu dân cư.",
      givenOn: `${CURRENT_YEAR}-01-20`,
      givenBy: "Chi ủy thôn Bắc",
    });
    await editOpinion(secretary, {
      opinionId: added.id,
      expectedVersion: added.version,
      text: "Gương mẫu, nhiệt tình ở khu dân cư.",
      givenOn: `${CURRENT_YEAR}-01-20`,
      givenBy: "Chi ủy thôn Bắc",
    });
    const audits = await db.auditLog.count();
    const history = await listRecordHistory(secretary, recordId);
    expect(await db.auditLog.count()).toBe(audits);
    const rows = await db.auditLog.findMany({ where: { entityType: "ReviewRecord", entityId: recordId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(history.total).toBe(rows.length);
    expect(history.entries.map((e) => e.id)).toEqual(rows.slice(0, HISTORY_PAGE_SIZE).map((r) => r.id.toString()));
    const [edit, add] = history.entries;
    expect(edit).toMatchObject({ action: "opinion.edit", actorName: secretary.displayName });
    expect(add).toMatchObject({ action: "opinion.add", actorName: secretary.displayName });
    expect(edit.at.getTime()).toBeGreaterThanOrEqual(add.at.getTime());
    // In sentences: what was recorded, by which body, and what it said before the edit.
    expect(describeAuditEntry(edit.action, edit.data)).toMatchObject({
      summary: { key: "actions.opinion.edit", refs: { source: "cell.opinions.sourcesShort.RESIDENCE" } },
      details: [
        { values: { text: "Gương mẫu, nhiệt tình ở khu dân cư.", date: `20/01/${CURRENT_YEAR}` } },
        { key: "details.opinionBefore", values: { text: "Gương mẫu ở khu dân cư." } },
      ],
    });
  });

  it("pages by 50 with the count of all; a page out of range shows the nearest, bad input the first", async () => {
    await db.auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        actorId: secretary.userId,
        action: "record.facts",
        entityType: "ReviewRecord",
        entityId: recordId,
        organizationId: cellEast,
        at: new Date(Date.UTC(CURRENT_YEAR, 0, 1, 0, i)),
        data: { before: { scoreGeneralTenths: 200, scoreResultsTenths: 500 + i }, after: { scoreGeneralTenths: 200, scoreResultsTenths: 501 + i } },
      })),
    });
    const total = await db.auditLog.count({ where: { entityType: "ReviewRecord", entityId: recordId } });
    const first = await listRecordHistory(secretary, recordId);
    expect(first).toMatchObject({ total, page: 1, pageCount: Math.ceil(total / 50), pageSize: 50 });
    expect(first.entries).toHaveLength(50);
    const times = first.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const last = await listRecordHistory(secretary, recordId, { page: first.pageCount });
    expect(last.entries).toHaveLength(total - 50 * (first.pageCount - 1));
    // The oldest of the sixty is the last row of the last page.
    expect(last.entries.at(-1)?.at).toEqual(new Date(Date.UTC(CURRENT_YEAR, 0, 1, 0, 0)));
    expect((await listRecordHistory(secretary, recordId, { page: 999 })).page).toBe(first.pageCount);
    for (const page of [0, -3, Number.NaN, 1.7]) expect((await listRecordHistory(secretary, recordId, { page })).page).toBe(1);
  });

  it("is read by whoever may read the record: the member their own, not another's; another cell's secretary nothing", async () => {
    await expect(listRecordHistory(member, ownRecordId)).resolves.toMatchObject({ page: 1 });
    await expect(listRecordHistory(member, recordId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRecordHistory(otherSecretary, recordId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRecordHistory(secretary, "no-such-record")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is not the history of an organization's record, which this page does not show", async () => {
    const cycle = (await getCurrentCycle(cellEast))!;
    const orgRecord = await db.reviewRecord.findFirst({
      where: { cycleId: cycle.id, subjectKind: "ORGANIZATION", organizationId: cellEast },
      select: { id: true },
    });
    if (orgRecord) await expect(listRecordHistory(secretary, orgRecord.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reads any entity's rows alone: a meeting's history holds only the meeting's", async () => {
    const meetingId = `meeting-${Date.now()}`;
    await db.auditLog.createMany({
      data: [
        {
          actorId: secretary.userId,
          action: "meeting.save",
          entityType: "Meeting",
          entityId: meetingId,
          organizationId: cellEast,
          at: new Date(Date.UTC(CURRENT_YEAR, 11, 1, 1)),
        },
        {
          actorId: null,
          action: "meeting.finalize",
          entityType: "Meeting",
          entityId: meetingId,
          organizationId: cellEast,
          at: new Date(Date.UTC(CURRENT_YEAR, 11, 1, 2)),
        },
        // The same id under another entity type is another entity.
        { actorId: secretary.userId, action: "record.facts", entityType: "ReviewRecord", entityId: meetingId, organizationId: cellEast },
      ],
    });
    const history = await readHistory(db, "Meeting", meetingId);
    expect(history).toMatchObject({ total: 2, pageCount: 1 });
    expect(history.entries.map((e) => [e.action, e.actorName])).toEqual([
      ["meeting.finalize", null],
      ["meeting.save", secretary.displayName],
    ]);
  });
});
