import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { listRecordHistory } from "@/lib/data/history";
import { markNotRated, reinstate } from "@/lib/data/not-rated";
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
let recordId: string;
let ownRecordId: string;

const recordNow = () => db.reviewRecord.findUniqueOrThrow({ where: { id: recordId }, select: { state: true, notRatedReason: true, version: true } });
const auditCount = () => db.auditLog.count({ where: { entityId: recordId } });

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary] = await Promise.all([actorFor("bithu"), actorFor("bithu2")]);
  const cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  // A member of the cell without an account, still writing: nobody else's test reads this one.
  const record = await db.reviewRecord.findFirstOrThrow({
    where: { cycleId: cycle.id, scopeOrgId: cellEast, subjectKind: "MEMBER", state: "DRAFT", member: { users: { none: {} } } },
    orderBy: { member: { cardNumber: "desc" } },
    select: { id: true },
  });
  recordId = record.id;
  ownRecordId = (await db.reviewRecord.findFirstOrThrow({ where: { cycleId: cycle.id, memberId: secretary.memberId! }, select: { id: true } })).id;
});

describe("not rated", () => {
  it("the secretary sets a record aside with its reason, and takes it back with why", async () => {
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
    const ownRefusal = await markNotRated(secretary, { recordId: ownRecordId, expectedVersion: own.version, reason: "EXEMPT", note: "" }).catch((e: unknown) => e);
    expect(ownRefusal).toBeInstanceOf(WorkflowError);

    const lastYear = await db.reviewRecord.findFirstOrThrow({
      where: { cycle: { year: CURRENT_YEAR - 1 }, scopeOrgId: (await orgByCode("HU.01.04")), subjectKind: "MEMBER", state: "PUBLISHED" },
      select: { id: true, version: true },
    });
    const closed = await markNotRated(secretary, { recordId: lastYear.id, expectedVersion: lastYear.version, reason: "EXEMPT", note: "" }).catch((e: unknown) => e);
    expect((closed as DomainError).code).toBe("CYCLE_CLOSED");

    expect(await recordNow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});

afterAll(() => expectTallyExact());
