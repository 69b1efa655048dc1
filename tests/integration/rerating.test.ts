import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { listRecordHistory } from "@/lib/data/history";
import { listRerateProposals, orderRerate, proposeRerate } from "@/lib/data/rerating";
import { describeAuditEntry } from "@/lib/review/history";
import { WorkflowError } from "@/lib/review/workflow";
import { actorFor, dayOfCurrentYear, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// Re-rating by the upper level (366 Điều 15): the upper board proposes, the standing committee orders by
// its decision — number, date, issuer, reason — and the record goes back to be reviewed and rated again,
// its decision superseded and kept, the decision named in its history. Nobody else reopens anything.

let board: Actor; // bantochuc
let standing: Actor; // thuongvu
let committee: Actor; // danguy
let district: string;
let recordId: string;
let before: { state: string; decidedLevel: string | null; version: number; decidedAt: Date | null; publishedAt: Date | null };

const DECISION = {
  decisionNo: "12-QĐ/TU",
  decidedOn: dayOfCurrentYear(12, 26),
  issuer: "Ban Thường vụ Tỉnh ủy",
  reason: "Có kết luận kiểm tra về vi phạm chưa được xem xét khi xếp loại.",
};

beforeAll(async () => {
  await ensureDemoDistrict();
  [board, standing, committee] = await Promise.all([actorFor("bantochuc"), actorFor("thuongvu"), actorFor("danguy")]);
  district = await orgByCode("HU");
  const cycle = (await getCurrentCycle(district))!;
  // A member's published result in a commune other than the demo accounts' (nobody else's test reads it).
  const record = await db.reviewRecord.findFirstOrThrow({
    where: { cycleId: cycle.id, subjectKind: "MEMBER", scopeOrg: { code: { startsWith: "HU.02." } }, state: { in: ["REVIEWED", "DRAFT", "SUBMITTED"] } },
    orderBy: { id: "asc" },
    select: { id: true, state: true, decidedLevel: true, version: true, decidedAt: true, publishedAt: true },
  });
  recordId = record.id;
  before = record;
  await db.reviewRecord.update({ where: { id: recordId }, data: { state: "PUBLISHED", decidedLevel: "GOOD", decidedAt: new Date(), publishedAt: new Date() } });
  await db.ratingDecision.create({ data: { recordId, level: "GOOD", decidedById: committee.userId, decidedAt: new Date() } });
});

afterAll(async () => {
  await db.ratingDecision.deleteMany({ where: { recordId } });
  await db.reviewRecord.update({
    where: { id: recordId },
    data: { state: before.state as never, decidedLevel: before.decidedLevel as never, decidedAt: before.decidedAt, publishedAt: before.publishedAt },
  });
  await expectTallyExact();
});

describe("re-rating a published result (366 Điều 15)", () => {
  it("the board proposes it; it may not order it; the standing committee sees the proposal", async () => {
    await expect(orderRerate(board, { recordIds: [recordId], decision: DECISION })).rejects.toBeInstanceOf(WorkflowError);
    await expect(proposeRerate(board, { recordId, reason: " " })).rejects.toBeInstanceOf(ZodError);
    await proposeRerate(board, { recordId, reason: "Đảng viên bị kết luận vi phạm sau khi xếp loại." });
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId }, select: { state: true } })).toEqual({ state: "PUBLISHED" });
    const proposals = await listRerateProposals(standing, district);
    expect(proposals.find((p) => p.recordId === recordId)).toMatchObject({
      reason: "Đảng viên bị kết luận vi phạm sau khi xếp loại.",
      state: "PUBLISHED",
      isMember: true,
    });
    await expect(listRerateProposals(board, district)).rejects.toBeInstanceOf(NotFoundError);
    // Another commune's committee does not reach it; the standing committee itself orders, it does not propose.
    await expect(proposeRerate(committee, { recordId, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(proposeRerate(standing, { recordId, reason: "x" })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
  });

  it("the standing committee orders it by its decision: reopened, the old decision kept, the decision named in the history", async () => {
    await expect(orderRerate(standing, { recordIds: [recordId], decision: { ...DECISION, decisionNo: "" } })).rejects.toBeInstanceOf(ZodError);
    const { decisionId } = await orderRerate(standing, { recordIds: [recordId], decision: DECISION });
    const record = await db.reviewRecord.findUniqueOrThrow({
      where: { id: recordId },
      select: { state: true, decidedLevel: true, publishedAt: true, decisions: { select: { level: true, supersededAt: true } } },
    });
    expect(record).toMatchObject({
      state: "UNDER_REREVIEW",
      decidedLevel: null,
      publishedAt: null,
      decisions: [{ level: "GOOD", supersededAt: expect.any(Date) }],
    });
    expect(await db.rerateDecision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({
      decisionNo: "12-QĐ/TU",
      issuer: "Ban Thường vụ Tỉnh ủy",
      recordIds: [recordId],
    });
    // The board's proposal is answered by the decision, and leaves the list.
    expect(await db.rerateProposal.count({ where: { recordId, decisionId } })).toBe(1);
    expect((await listRerateProposals(standing, district)).map((p) => p.recordId)).not.toContain(recordId);
    const [latest] = (await listRecordHistory(standing, recordId)).entries;
    expect(latest.action).toBe("record.rerate");
    expect(describeAuditEntry(latest.action, latest.data).details).toEqual(
      expect.arrayContaining([
        { key: "details.rerateDecision", values: { no: "12-QĐ/TU", date: `26/12/${DECISION.decidedOn.slice(0, 4)}`, issuer: "Ban Thường vụ Tỉnh ủy" } },
      ]),
    );
    // Not decided any more: nothing to reopen again.
    await expect(orderRerate(standing, { recordIds: [recordId], decision: DECISION })).rejects.toBeInstanceOf(WorkflowError);
  });

  it("nobody outside the upper committee's scope reaches it", async () => {
    const zz = await actorFor("bithu");
    await expect(orderRerate(zz, { recordIds: [recordId], decision: DECISION })).rejects.toBeInstanceOf(NotFoundError);
    await expect(orderRerate(standing, { recordIds: ["no-such-record"], decision: DECISION })).rejects.toBeInstanceOf(NotFoundError);
  });
});
