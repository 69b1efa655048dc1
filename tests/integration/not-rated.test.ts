import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { listRecordHistory } from "@/lib/data/history";
import { listNotRatedProposals, markNotRated, reinstate, ruleOnNotRated } from "@/lib/data/not-rated";
import { getSelfReviewPage } from "@/lib/data/self-reviews";
import { DomainError } from "@/lib/errors";
import { describeAuditEntry } from "@/lib/review/history";
import { WorkflowError } from "@/lib/review/workflow";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// "Không xếp loại" at the cell on the real database: the secretary sets a member's record aside with its
// reason and takes it back with why, each audited; a stale page, a missing note, another cell's
// secretary, the secretary's own record and a published year are refused, changing nothing.

let secretary: Actor; // bithu, Chi bộ thôn Đông
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let committee: Actor; // danguy, Đảng bộ xã An Bình
let recordId: string;
let ownRecordId: string;
let memberId: string;
let admittedOn: Date;
let ratingDate: Date;

const recordNow = () => db.reviewRecord.findUniqueOrThrow({ where: { id: recordId }, select: { state: true, notRatedReason: true, version: true } });
const auditCount = () => db.auditLog.count({ where: { entityId: recordId } });

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary, committee] = await Promise.all([actorFor("bithu"), actorFor("bithu2"), actorFor("danguy")]);
  const cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  // A member of the cell without an account, still writing: nobody else's test reads this one.
  const record = await db.reviewRecord.findFirstOrThrow({
    where: { cycleId: cycle.id, scopeOrgId: cellEast, subjectKind: "MEMBER", state: "DRAFT", member: { users: { none: {} } } },
    orderBy: { member: { cardNumber: "desc" } },
    select: { id: true, memberId: true, member: { select: { admittedOn: true } } },
  });
  recordId = record.id;
  memberId = record.memberId!;
  admittedOn = record.member!.admittedOn;
  ratingDate = cycle.ratingDate;
  ownRecordId = (await db.reviewRecord.findFirstOrThrow({ where: { cycleId: cycle.id, memberId: secretary.memberId! }, select: { id: true } })).id;
});

describe("not rated", () => {
  it("the secretary sets a record aside with its reason, and takes it back with why", async () => {
    // Admitted two months before the rating date: a new member under HD 43.
    await db.member.update({ where: { id: memberId }, data: { admittedOn: new Date(ratingDate.getTime() - 60 * 86_400_000) } });
    const before = await recordNow();
    expect((await getSelfReviewPage(secretary, recordId)).canMarkNotRated).toBe(true);

    await markNotRated(secretary, { recordId, expectedVersion: before.version, reason: "NEW_MEMBER", note: "Kết nạp ngày 20/08, chưa đủ 6 tháng." });
    expect(await recordNow()).toEqual({ state: "NOT_RATED", notRatedReason: "NEW_MEMBER", version: before.version + 1 });
    const page = await getSelfReviewPage(secretary, recordId);
    expect([page.canMarkNotRated, page.canReinstate, page.record.notRatedReason]).toEqual([false, true, "NEW_MEMBER"]);

    // The record's history says it in sentences: what happened, the reason, the note.
    const [latest] = (await listRecordHistory(secretary, recordId)).entries;
    expect(latest.action).toBe("record.notRated");
    const described = describeAuditEntry(latest.action, latest.data);
    expect(described.summary.key).toBe("actions.record.notRated");
    expect(described.details).toEqual(
      expect.arrayContaining([
        { key: "details.notRatedReason", refs: { reason: "notRatedReasons.NEW_MEMBER" } },
        { key: "details.reason", values: { reason: "Kết nạp ngày 20/08, chưa đủ 6 tháng." } },
      ]),
    );

    await expect(reinstate(secretary, { recordId, expectedVersion: before.version + 1, reason: "  " })).rejects.toBeInstanceOf(ZodError);
    await reinstate(secretary, { recordId, expectedVersion: before.version + 1, reason: "Ngày kết nạp ghi nhầm, đã đủ 6 tháng." });
    expect(await recordNow()).toEqual({ state: "DRAFT", notRatedReason: null, version: before.version + 2 });
    expect((await listRecordHistory(secretary, recordId)).entries[0].action).toBe("record.reinstate");
  });

  it("refuses a stale page, OTHER without a note, another cell, one's own record and a published year, changing nothing", async () => {
    const before = await recordNow();
    const audits = await auditCount();
    const stale = await markNotRated(secretary, { recordId, expectedVersion: before.version - 1, reason: "EXEMPT", note: "" }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).code).toBe("STALE_EDIT");
    const noNote = await markNotRated(secretary, { recordId, expectedVersion: before.version, reason: "OTHER", note: " " }).catch((e: unknown) => e);
    expect(noNote).toBeInstanceOf(ZodError);
    expect((noNote as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["note", "required"]]);
    await expect(markNotRated(secretary, { recordId, expectedVersion: before.version, reason: "NEW_ORGANIZATION", note: "" })).rejects.toBeInstanceOf(ZodError);
    await expect(markNotRated(otherSecretary, { recordId, expectedVersion: before.version, reason: "EXEMPT", note: "" })).rejects.toBeInstanceOf(NotFoundError);

    const own = await db.reviewRecord.findUniqueOrThrow({ where: { id: ownRecordId }, select: { version: true, state: true } });
    const ownRefusal = await markNotRated(secretary, { recordId: ownRecordId, expectedVersion: own.version, reason: "EXEMPT", note: "" }).catch(
      (e: unknown) => e,
    );
    expect(ownRefusal).toBeInstanceOf(WorkflowError);

    const lastYear = await db.reviewRecord.findFirstOrThrow({
      where: { cycle: { year: CURRENT_YEAR - 1 }, scopeOrgId: await orgByCode("HU.01.04"), subjectKind: "MEMBER", state: "PUBLISHED" },
      select: { id: true, version: true },
    });
    const closed = await markNotRated(secretary, { recordId: lastYear.id, expectedVersion: lastYear.version, reason: "EXEMPT", note: "" }).catch(
      (e: unknown) => e,
    );
    expect((closed as DomainError).code).toBe("CYCLE_CLOSED");

    expect(await recordNow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});

describe("only as the guidance allows", () => {
  it("refuses a reason of the regulation the member's own record contradicts, saying why, and changes nothing", async () => {
    await db.member.update({ where: { id: memberId }, data: { admittedOn } });
    const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { fullName: true, status: true } });
    expect(member.status).toBe("ACTIVE");
    const before = await recordNow();
    const audits = await auditCount();
    for (const reason of ["NEW_MEMBER", "EXEMPT", "SUSPENDED"] as const) {
      const error = await markNotRated(secretary, { recordId, expectedVersion: before.version, reason, note: "" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "NOT_RATED_FACTS", fieldErrors: { reason: "notRatedFacts" }, values: { name: member.fullName, reason } });
    }
    expect(await recordNow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
    // The register says suspended: the reason holds.
    await db.member.update({ where: { id: memberId }, data: { status: "SUSPENDED" } });
    try {
      await markNotRated(secretary, { recordId, expectedVersion: before.version, reason: "SUSPENDED", note: "Quyết định đình chỉ sinh hoạt số 3-QĐ/ĐU." });
      expect(await recordNow()).toMatchObject({ state: "NOT_RATED", notRatedReason: "SUSPENDED" });
      await reinstate(secretary, { recordId, expectedVersion: before.version + 1, reason: "Hết thời hạn đình chỉ." });
    } finally {
      await db.member.update({ where: { id: memberId }, data: { status: "ACTIVE" } });
    }
  });

  it("another reason is the cell's proposal until the grassroots committee confirms it with its grounds", async () => {
    const commune = await orgByCode("HU.01");
    const before = await recordNow();
    const result = await markNotRated(secretary, { recordId, expectedVersion: before.version, reason: "OTHER", note: "Đi lao động ở nước ngoài từ tháng 3." });
    expect(result).toEqual({ state: "NOT_RATED", awaitsConfirmation: true });
    expect((await getSelfReviewPage(secretary, recordId)).record.awaitsConfirmation).toBe(true);
    const proposals = await listNotRatedProposals(committee, commune);
    const proposal = proposals.find((p) => p.recordId === recordId)!;
    expect(proposal).toMatchObject({ version: before.version + 1, grounds: "Đi lao động ở nước ngoài từ tháng 3.", own: false });
    // Neither the cell's secretary nor another commune decides it; a ruling needs grounds.
    await expect(listNotRatedProposals(secretary, commune)).rejects.toBeInstanceOf(NotFoundError);
    const bySecretary = await ruleOnNotRated(secretary, { recordId, expectedVersion: proposal.version, confirm: true, grounds: "x" }).catch((e: unknown) => e);
    expect(bySecretary).toBeInstanceOf(WorkflowError);
    await expect(ruleOnNotRated(committee, { recordId, expectedVersion: proposal.version, confirm: true, grounds: " " })).rejects.toBeInstanceOf(ZodError);

    await ruleOnNotRated(committee, {
      recordId,
      expectedVersion: proposal.version,
      confirm: true,
      grounds: "Nghị quyết cấp ủy ngày 05/12: đồng ý không xếp loại.",
    });
    const confirmed = await db.reviewRecord.findUniqueOrThrow({
      where: { id: recordId },
      select: { state: true, notRatedConfirmedAt: true, notRatedConfirmedById: true },
    });
    expect(confirmed).toMatchObject({ state: "NOT_RATED", notRatedConfirmedAt: expect.any(Date), notRatedConfirmedById: committee.userId });
    expect((await listNotRatedProposals(committee, commune)).map((p) => p.recordId)).not.toContain(recordId);
    const [latest] = (await listRecordHistory(secretary, recordId)).entries;
    expect(latest.action).toBe("record.notRatedConfirm");
    expect(describeAuditEntry(latest.action, latest.data).details).toEqual([
      { key: "details.reason", values: { reason: "Nghị quyết cấp ủy ngày 05/12: đồng ý không xếp loại." } },
    ]);
    // Confirmed once: no second ruling.
    await expect(ruleOnNotRated(committee, { recordId, expectedVersion: proposal.version + 1, confirm: false, grounds: "x" })).rejects.toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
    });

    // Proposed again and turned down: the member is reviewed after all.
    await reinstate(secretary, { recordId, expectedVersion: proposal.version + 1, reason: "Đề xuất lại." });
    await markNotRated(secretary, { recordId, expectedVersion: proposal.version + 2, reason: "OTHER", note: "Đi lao động ở nước ngoài." });
    await ruleOnNotRated(committee, {
      recordId,
      expectedVersion: proposal.version + 3,
      confirm: false,
      grounds: "Vẫn liên hệ được, đề nghị kiểm điểm bằng văn bản.",
    });
    expect(await recordNow()).toMatchObject({ state: "DRAFT", notRatedReason: null });
    expect((await listRecordHistory(secretary, recordId)).entries[0].action).toBe("record.notRatedReject");
  });
});

describe("the one road of a change (lib/data/command.ts), on markNotRated and reinstate", () => {
  const auditSince = (lastId: bigint) =>
    db.auditLog.findMany({
      where: { id: { gt: lastId } },
      orderBy: { id: "asc" },
      select: { actorId: true, action: true, entityType: true, entityId: true, organizationId: true, data: true },
    });
  const lastAuditId = async () => (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;

  it("input the schema refuses changes nothing and writes no audit row", async () => {
    const before = await recordNow();
    const lastId = await lastAuditId();
    const refused = [
      undefined,
      {},
      { recordId, expectedVersion: String(before.version), reason: "EXEMPT", note: "" },
      { recordId, expectedVersion: before.version, reason: "NOT_A_REASON", note: "" },
      { recordId: "x".repeat(41), expectedVersion: before.version, reason: "EXEMPT", note: "" },
    ];
    for (const raw of refused) await expect(markNotRated(secretary, raw)).rejects.toBeInstanceOf(ZodError);
    await expect(reinstate(secretary, { recordId, expectedVersion: before.version })).rejects.toBeInstanceOf(ZodError);
    expect(await recordNow()).toEqual(before);
    expect(await auditSince(lastId)).toEqual([]);
  });

  it("an actor outside the record's scope gets NOT_FOUND, as for a record that does not exist, and nothing is written", async () => {
    const before = await recordNow();
    const lastId = await lastAuditId();
    const outside = await markNotRated(otherSecretary, { recordId, expectedVersion: before.version, reason: "OTHER", note: "Ghi chú." }).catch(
      (e: unknown) => e,
    );
    const missing = await markNotRated(secretary, { recordId: "no-such-record", expectedVersion: before.version, reason: "OTHER", note: "Ghi chú." }).catch(
      (e: unknown) => e,
    );
    expect(outside).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((outside as Error).message).toBe((missing as Error).message);
    expect(await recordNow()).toEqual(before);
    expect(await auditSince(lastId)).toEqual([]);
  });

  it("a change writes exactly its typed audit row, naming who, what, where, the state before and after", async () => {
    const cellEast = await orgByCode("HU.01.04");
    const before = await recordNow();
    expect(before.state).toBe("DRAFT");
    let lastId = await lastAuditId();
    await markNotRated(secretary, { recordId, expectedVersion: before.version, reason: "OTHER", note: "Đi học dài hạn ở nước ngoài." });
    expect(await auditSince(lastId)).toEqual([
      {
        actorId: secretary.userId,
        action: "record.notRated",
        entityType: "ReviewRecord",
        entityId: recordId,
        organizationId: cellEast,
        data: { before: { state: "DRAFT" }, after: { state: "NOT_RATED", notRatedReason: "OTHER" }, reason: "Đi học dài hạn ở nước ngoài." },
      },
    ]);

    lastId = await lastAuditId();
    await reinstate(secretary, { recordId, expectedVersion: before.version + 1, reason: "Đã về nước, kiểm điểm cùng chi bộ." });
    expect(await auditSince(lastId)).toEqual([
      {
        actorId: secretary.userId,
        action: "record.reinstate",
        entityType: "ReviewRecord",
        entityId: recordId,
        organizationId: cellEast,
        data: { before: { state: "NOT_RATED", notRatedReason: "OTHER" }, after: { state: "DRAFT" }, reason: "Đã về nước, kiểm điểm cùng chi bộ." },
      },
    ]);
    expect(await recordNow()).toEqual({ state: "DRAFT", notRatedReason: null, version: before.version + 2 });
  });
});

afterAll(async () => {
  await db.member.update({ where: { id: memberId }, data: { admittedOn } });
  await expectTallyExact();
});
