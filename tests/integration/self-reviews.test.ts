import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSelfReviewPage, listCellRecords, returnSelfReview, saveSelfReviewDraft, submitSelfReview } from "@/lib/data/self-reviews";
import type { SelfReviewContent } from "@/lib/review/templates";
import { WorkflowError } from "@/lib/review/workflow";
import { actorFor, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// The self-review on the real database: drafts saved as typed (no audit per keystroke), a stale save
// answered with the newer text, submit checked for completeness and audited, the secretary's return and
// paper entry — and nobody outside the cell reaching any of it.

let member: Actor; // dangvien, Chi bộ thôn Đông
let secretary: Actor; // bithu, Chi bộ thôn Đông
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let ownRecordId: string;
let cellEast: string;

/** A complete self-review for the page's form: every text, every answer, full marks, a level. */
async function completeContent(actor: Actor, recordId: string): Promise<SelfReviewContent> {
  const page = await getSelfReviewPage(actor, recordId);
  const texts = Object.fromEntries(page.template.sections.filter((s) => s.kind === "text").map((s) => [s.key, `Nội dung phần ${s.key}.`]));
  const scores = Object.fromEntries((page.sheet?.groups ?? []).flatMap((g) => g.items.map((i) => [i.key, i.maxPoints])));
  return { ...page.content, texts, remediation: page.content.remediation.map((r) => ({ ...r, answer: "Đã khắc phục." })), scores, selfLevel: "GOOD" };
}

async function resetRecord(recordId: string) {
  await db.selfReview.deleteMany({ where: { recordId } });
  await db.reviewRecord.update({
    where: { id: recordId },
    data: { state: "DRAFT", scoreItems: Prisma.DbNull, scoreGeneralTenths: null, scoreResultsTenths: null },
  });
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [member, secretary, otherSecretary] = await Promise.all([actorFor("dangvien"), actorFor("bithu"), actorFor("bithu2")]);
  cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  ownRecordId = (
    await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_memberId: { cycleId: cycle.id, memberId: member.memberId! } }, select: { id: true } })
  ).id;
  await resetRecord(ownRecordId);
});

describe("the member's own self-review", () => {
  it("opens on the form of the member's category, with last year's shortcomings to answer", async () => {
    const page = await getSelfReviewPage(member, ownRecordId);
    expect(page.template.id).toMatch(/^QD366_2[ABC]$/);
    expect(page.writer).toBe("self");
    const remediation = await db.remediationItem.count({ where: { memberId: member.memberId!, year: page.cycle.year - 1 } });
    expect(page.content.remediation).toHaveLength(remediation);
  });

  it("saves drafts as typed, with no audit row per save, and answers a stale save with the newer text", async () => {
    const audits = await db.auditLog.count({ where: { entityId: ownRecordId } });
    const page = await getSelfReviewPage(member, ownRecordId);
    const first = await saveSelfReviewDraft(member, {
      recordId: ownRecordId,
      baseVersion: page.version,
      content: { ...page.content, texts: { shortcomings: "Bản thứ nhất" } },
    });
    expect(first).toMatchObject({ saved: true, version: page.version + 1 });
    const second = await saveSelfReviewDraft(member, {
      recordId: ownRecordId,
      baseVersion: page.version + 1,
      content: { ...page.content, texts: { shortcomings: "Bản thứ hai" } },
    });
    expect(second).toMatchObject({ saved: true, version: page.version + 2 });
    // A second tab still on the first version: refused, and handed the newer text.
    const stale = await saveSelfReviewDraft(member, {
      recordId: ownRecordId,
      baseVersion: page.version + 1,
      content: { ...page.content, texts: { shortcomings: "Bản cũ" } },
    });
    expect(stale).toMatchObject({ saved: false, conflict: { version: page.version + 2, content: { texts: { shortcomings: "Bản thứ hai" } } } });
    expect((await getSelfReviewPage(member, ownRecordId)).content.texts.shortcomings).toBe("Bản thứ hai");
    expect(await db.auditLog.count({ where: { entityId: ownRecordId } })).toBe(audits);
  });

  it("two tabs' first saves at the same moment: one is kept, the other is handed its text, no error", async () => {
    await resetRecord(ownRecordId);
    const page = await getSelfReviewPage(member, ownRecordId);
    expect(page.version).toBe(0);
    const save = (text: string) =>
      saveSelfReviewDraft(member, { recordId: ownRecordId, baseVersion: 0, content: { ...page.content, texts: { shortcomings: text } } });
    const answers = await Promise.all([save("Tab A"), save("Tab B"), save("Tab C")]);
    const kept = answers.filter((a) => a.saved);
    expect(kept).toHaveLength(1);
    const stored = (await getSelfReviewPage(member, ownRecordId)).content.texts.shortcomings;
    for (const lost of answers.filter((a) => !a.saved)) {
      expect(lost).toMatchObject({ saved: false, conflict: { version: 1, content: { texts: { shortcomings: stored } } } });
    }
    expect((await getSelfReviewPage(member, ownRecordId)).version).toBe(1);
  });

  it("refuses bad input and changes nothing", async () => {
    const page = await getSelfReviewPage(member, ownRecordId);
    await expect(
      saveSelfReviewDraft(member, { recordId: ownRecordId, baseVersion: page.version, content: { ...page.content, selfLevel: "SUPER" } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      saveSelfReviewDraft(member, {
        recordId: ownRecordId,
        baseVersion: page.version,
        content: { ...page.content, texts: { shortcomings: "x".repeat(20_001) } },
      }),
    ).rejects.toBeInstanceOf(ZodError);
    expect((await getSelfReviewPage(member, ownRecordId)).version).toBe(page.version);
  });

  it("refuses to submit an incomplete form, naming what is missing", async () => {
    const page = await getSelfReviewPage(member, ownRecordId);
    await expect(submitSelfReview(member, { recordId: ownRecordId, expectedVersion: page.version })).rejects.toMatchObject({
      code: "SELF_REVIEW_INCOMPLETE",
      fieldErrors: expect.objectContaining({ measures: "required", selfLevel: "required" }),
    });
    expect((await db.reviewRecord.findUniqueOrThrow({ where: { id: ownRecordId } })).state).toBe("DRAFT");
  });

  it("submits a complete form: read-only, the self-scored points become the record's, audited", async () => {
    const content = await completeContent(member, ownRecordId);
    const page = await getSelfReviewPage(member, ownRecordId);
    const saved = await saveSelfReviewDraft(member, { recordId: ownRecordId, baseVersion: page.version, content });
    await expect(submitSelfReview(member, { recordId: ownRecordId, expectedVersion: (saved as { version: number }).version })).resolves.toEqual({
      state: "SUBMITTED",
    });
    const record = await db.reviewRecord.findUniqueOrThrow({ where: { id: ownRecordId } });
    expect(record).toMatchObject({ state: "SUBMITTED", selfLevel: "GOOD", scoreGeneralTenths: 300, scoreResultsTenths: 700 });
    expect(await db.auditLog.findFirst({ where: { entityId: ownRecordId, action: "selfReview.submit", actorId: member.userId } })).not.toBeNull();
    const after = await getSelfReviewPage(member, ownRecordId);
    expect(after.writer).toBeNull();
    await expect(saveSelfReviewDraft(member, { recordId: ownRecordId, baseVersion: after.version, content })).rejects.toMatchObject({
      code: "SELF_REVIEW_LOCKED",
    });
  });

  it("is returned by the secretary with a reason the member reads, then edited and submitted again", async () => {
    await expect(returnSelfReview(secretary, { recordId: ownRecordId, reason: "  " })).rejects.toBeInstanceOf(ZodError);
    await expect(returnSelfReview(member, { recordId: ownRecordId, reason: "Tự trả lại" })).rejects.toBeInstanceOf(WorkflowError);
    await returnSelfReview(secretary, { recordId: ownRecordId, reason: "Bổ sung kết quả khắc phục hạn chế năm trước." });
    const page = await getSelfReviewPage(member, ownRecordId);
    expect(page).toMatchObject({ record: { state: "RETURNED" }, writer: "self", returnReason: "Bổ sung kết quả khắc phục hạn chế năm trước." });
    expect(await db.auditLog.findFirst({ where: { entityId: ownRecordId, action: "selfReview.return", actorId: secretary.userId } })).not.toBeNull();
    // Returning twice is not a transition the workflow allows.
    await expect(returnSelfReview(secretary, { recordId: ownRecordId, reason: "Lần nữa" })).rejects.toBeInstanceOf(WorkflowError);
    await expect(submitSelfReview(member, { recordId: ownRecordId, expectedVersion: page.version })).resolves.toEqual({ state: "SUBMITTED" });
  });

  it("is out of reach for another cell's secretary (not found, nothing changed)", async () => {
    const before = await db.reviewRecord.findUniqueOrThrow({ where: { id: ownRecordId } });
    await expect(getSelfReviewPage(otherSecretary, ownRecordId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(returnSelfReview(otherSecretary, { recordId: ownRecordId, reason: "Không phải chi bộ mình" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCellRecords(otherSecretary, cellEast)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: ownRecordId } })).toEqual(before);
  });
});

describe("a paper self-review typed in by the secretary", () => {
  let recordId: string;
  beforeAll(async () => {
    const cycle = (await getCurrentCycle(cellEast))!;
    const record = await db.reviewRecord.findFirstOrThrow({
      where: { cycleId: cycle.id, scopeOrgId: cellEast, state: "DRAFT", selfReview: null, memberId: { notIn: [member.memberId!, secretary.memberId!] } },
      select: { id: true },
    });
    recordId = record.id;
  });

  it("is saved and submitted by the secretary, marked as entered by them, and audited", async () => {
    const page = await getSelfReviewPage(secretary, recordId);
    expect(page.writer).toBe("onBehalf");
    const content = await completeContent(secretary, recordId);
    const saved = await saveSelfReviewDraft(secretary, { recordId, baseVersion: page.version, content });
    await submitSelfReview(secretary, { recordId, expectedVersion: (saved as { version: number }).version });
    const after = await getSelfReviewPage(secretary, recordId);
    expect(after).toMatchObject({ record: { state: "SUBMITTED" }, enteredOnBehalfBy: secretary.displayName });
    expect(await db.auditLog.findFirst({ where: { entityId: recordId, action: "selfReview.submitOnBehalf", actorId: secretary.userId } })).not.toBeNull();
  });

  it("never takes over a draft the member began on their own", async () => {
    await resetRecord(ownRecordId);
    expect((await getSelfReviewPage(secretary, ownRecordId)).writer).toBe("onBehalf");
    const page = await getSelfReviewPage(member, ownRecordId);
    await saveSelfReviewDraft(member, { recordId: ownRecordId, baseVersion: page.version, content: { ...page.content, texts: { measures: "Của tôi" } } });
    expect((await getSelfReviewPage(secretary, ownRecordId)).writer).toBeNull();
    const current = await getSelfReviewPage(member, ownRecordId);
    await expect(saveSelfReviewDraft(secretary, { recordId: ownRecordId, baseVersion: current.version, content: current.content })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
