import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { finalizeMeeting, getMeetingPage, saveMinutesDraft } from "@/lib/data/meetings";
import type { MinutesContent } from "@/lib/schemas/meetings";
import type { DomainError } from "@/lib/errors";
import { actorFor, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// The cell's review meeting on the real database: minutes saved as a draft (stale saves answered with
// the newer text), finalizing refused without a quorum or a collective review or with a level above the
// rules, then accepted: minutes locked, records REVIEWED with their proposals, audited in one transaction.

let secretary: Actor; // bithu2, Chi bộ thôn Tây, whose meeting the demo left as a draft
let otherSecretary: Actor; // bithu, Chi bộ thôn Đông
let cellWest: string;

const allGood = (voters: number) => ({ EXCELLENT: 0, GOOD: voters, COMPLETED: 0, NOT_COMPLETED: 0 });

async function draftFor(everyonePresent: boolean): Promise<{ content: MinutesContent; version: number }> {
  const page = (await getMeetingPage(secretary, cellWest))!;
  const voters = page.members.filter((m) => m.official && m.status === "ACTIVE").length;
  return {
    version: page.meeting?.version ?? 0,
    content: {
      heldOn: `${page.cycle.year}-12-18`,
      place: "Nhà văn hóa thôn Tây",
      chairName: "Ngô Thị Hạnh",
      recorderName: "Thư ký chi bộ",
      attendance: page.members.map((m) => ({ memberId: m.memberId, present: everyonePresent, absenceReason: everyonePresent ? "" : "Đi công tác" })),
      collectiveReview: "Chi bộ đã lãnh đạo hoàn thành các nhiệm vụ năm.",
      reviews: page.members
        .filter((m) => m.state === "SUBMITTED")
        .map((m) => ({ memberId: m.memberId, selfReviewSummary: "Tóm tắt.", critiques: [{ by: "Đồng chí A", text: "Góp ý." }], vote: allGood(voters) })),
    },
  };
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary] = await Promise.all([actorFor("bithu2"), actorFor("bithu")]);
  cellWest = await orgByCode("HU.01.05");
  const cycle = (await getCurrentCycle(cellWest))!;
  // The cell meets today: every record a self-review would be waiting on is submitted, with a score that
  // allows GOOD, so the test is about the meeting, not the self-reviews. The demo's minutes stay, reopened
  // as a draft: they are read as stored (another shape than the form's), nothing thrown away.
  await db.meeting.updateMany({ where: { cycleId: cycle.id, organizationId: cellWest }, data: { status: "DRAFT", finalizedAt: null } });
  await db.reviewRecord.updateMany({
    // Members' records only: the cell's own record (its proposal, unit-ratings.test.ts) is not the meeting's.
    where: { cycleId: cycle.id, scopeOrgId: cellWest, subjectKind: "MEMBER", state: { in: ["DRAFT", "RETURNED", "SUBMITTED", "REVIEWED", "ABSENT"] } },
    data: {
      state: "SUBMITTED",
      scoreGeneralTenths: 250,
      scoreResultsTenths: 550,
      tasksAssigned: 0,
      tasksCompleted: 0,
      tasksOnTime: 0,
      tasksExceeded: 0,
      shortcomingsNamed: 0,
      shortcomingsRemedied: 0,
    },
  });
});

describe("the cell's meeting and its minutes", () => {
  it("shows every member with their record, the rules' facts, and the peer group's counts elsewhere", async () => {
    const page = (await getMeetingPage(secretary, cellWest))!;
    expect(page.canWrite).toBe(true);
    expect(page.members.length).toBeGreaterThan(5);
    expect(page.groups).toHaveLength(1);
    // The demo's minutes, of the generator's own shape, are read into the form's.
    expect(page.minutes.collectiveReview).not.toBe("");
    expect(page.minutes.attendance.length).toBeGreaterThan(5);
    const inGroup = await db.reviewRecord.count({
      where: {
        cycleId: (await getCurrentCycle(cellWest))!.id,
        peerGroupId: page.groups[0].id,
        scopeOrgId: { not: cellWest },
        OR: [{ proposedLevel: "EXCELLENT", decidedLevel: null }, { decidedLevel: "EXCELLENT" }],
        state: { not: "NOT_RATED" },
      },
    });
    expect(page.groups[0].excellentElsewhere).toBe(inGroup);
  });

  it("saves the draft, refuses a stale save with the newer minutes, and refuses bad input", async () => {
    const { content, version } = await draftFor(false);
    const first = await saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: version, content });
    expect(first).toMatchObject({ saved: true });
    const stale = await saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: version, content: { ...content, place: "Cũ" } });
    expect(stale).toMatchObject({ saved: false, conflict: { content: { place: "Nhà văn hóa thôn Tây" } } });
    await expect(
      saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: version + 1, content: { ...content, heldOn: "2026-02-30" } }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("is out of reach for another cell's secretary", async () => {
    const { content } = await draftFor(true);
    await expect(getMeetingPage(otherSecretary, cellWest)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveMinutesDraft(otherSecretary, { cellId: cellWest, baseVersion: 1, content })).rejects.toBeInstanceOf(NotFoundError);
    await expect(finalizeMeeting(otherSecretary, { cellId: cellWest, expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to finalize without a quorum, and changes nothing", async () => {
    const page = (await getMeetingPage(secretary, cellWest))!;
    const states = await db.reviewRecord.findMany({
      where: { scopeOrgId: cellWest, cycleId: (await getCurrentCycle(cellWest))!.id },
      select: { id: true, state: true },
      orderBy: { id: "asc" },
    });
    await expect(finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: page.meeting!.version })).rejects.toMatchObject({
      code: "MINUTES_INCOMPLETE",
      fieldErrors: expect.objectContaining({ "QUORUM_NOT_MET.0": "QUORUM_NOT_MET" }),
    });
    expect(
      await db.reviewRecord.findMany({
        where: { scopeOrgId: cellWest, cycleId: (await getCurrentCycle(cellWest))!.id },
        select: { id: true, state: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(states);
    expect((await db.meeting.findFirstOrThrow({ where: { organizationId: cellWest, status: "DRAFT" } })).finalizedAt).toBeNull();
  });

  it("refuses a proposed level above what the member's facts allow, naming the member", async () => {
    const { content } = await draftFor(true);
    const page = (await getMeetingPage(secretary, cellWest))!;
    const voters = page.members.filter((m) => m.official && m.status === "ACTIVE").length;
    const target = content.reviews[0];
    // 80 points cap at GOOD: an EXCELLENT vote is above the rules.
    target.vote = { EXCELLENT: voters, GOOD: 0, COMPLETED: 0, NOT_COMPLETED: 0 };
    const saved = await saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: page.meeting!.version, content });
    await expect(finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: (saved as { version: number }).version })).rejects.toMatchObject({
      fieldErrors: { [`LEVEL_ABOVE_RULES.${target.memberId}`]: "LEVEL_ABOVE_RULES" },
    });
  });

  it("refuses to propose a level for a member without a complete score (SCORE_MISSING), naming the member, and writes nothing", async () => {
    const { content } = await draftFor(true);
    const page = (await getMeetingPage(secretary, cellWest))!;
    const target = content.reviews[1];
    const cycleId = (await getCurrentCycle(cellWest))!.id;
    const record = await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_memberId: { cycleId, memberId: target.memberId } }, select: { id: true } });
    await db.reviewRecord.update({ where: { id: record.id }, data: { scoreResultsTenths: null } });
    try {
      const saved = await saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: page.meeting!.version, content });
      const auditsBefore = await db.auditLog.count();
      const recordsBefore = await db.reviewRecord.findMany({
        where: { scopeOrgId: cellWest, cycleId },
        select: { id: true, state: true, proposedLevel: true, version: true },
        orderBy: { id: "asc" },
      });
      const error = await finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: (saved as { version: number }).version }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "MINUTES_INCOMPLETE", fieldErrors: { [`SCORE_MISSING.${target.memberId}`]: "SCORE_MISSING" } });
      expect(
        await db.reviewRecord.findMany({
          where: { scopeOrgId: cellWest, cycleId },
          select: { id: true, state: true, proposedLevel: true, version: true },
          orderBy: { id: "asc" },
        }),
      ).toEqual(recordsBefore);
      expect(await db.auditLog.count()).toBe(auditsBefore);
      expect((await db.meeting.findFirstOrThrow({ where: { organizationId: cellWest, cycleId } })).status).toBe("DRAFT");
    } finally {
      await db.reviewRecord.update({ where: { id: record.id }, data: { scoreResultsTenths: 550 } });
    }
  });

  it("counts a vote against the official members who must attend, or those present when the cycle says so", async () => {
    const { content } = await draftFor(true);
    const page = (await getMeetingPage(secretary, cellWest))!;
    const required = page.members.filter((m) => m.official && m.status === "ACTIVE");
    const majority = Math.floor(required.length / 2) + 1;
    expect(majority).toBeGreaterThanOrEqual(4);
    // Just the quorum present; the target gets a majority of those present, not of those who must attend.
    const presentIds = new Set(required.slice(0, majority).map((m) => m.memberId));
    content.attendance = content.attendance.map((a) => ({
      ...a,
      present: presentIds.has(a.memberId),
      absenceReason: presentIds.has(a.memberId) ? "" : "Đi công tác",
    }));
    const [target, other] = content.reviews;
    target.vote = { EXCELLENT: 0, GOOD: majority - 1, COMPLETED: 1, NOT_COMPLETED: 0 };
    other.vote = { EXCELLENT: 0, GOOD: majority, COMPLETED: 0, NOT_COMPLETED: 0 };
    const cycle = (await getCurrentCycle(cellWest))!;
    const saved = await saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: page.meeting!.version, content });
    const finalize = () =>
      finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: (saved as { version: number }).version }).then(
        () => null,
        (e: DomainError) => e.fieldErrors,
      );
    const problems = await finalize();
    expect(problems).toMatchObject({ [`VOTE_NOT_ADOPTED.${target.memberId}`]: "VOTE_NOT_ADOPTED" });
    expect(problems).not.toHaveProperty(`VOTE_NOT_ADOPTED.${other.memberId}`);
    // The cycle counts against those present: the same vote adopts GOOD (the other reviews keep it refused).
    await db.reviewCycle.update({ where: { id: cycle.id }, data: { options: { adoptionBase: "PRESENT" } } });
    try {
      const underPresent = await finalize();
      expect(underPresent).not.toBeNull();
      expect(underPresent).not.toHaveProperty(`VOTE_NOT_ADOPTED.${target.memberId}`);
    } finally {
      await db.reviewCycle.update({ where: { id: cycle.id }, data: { options: {} } });
    }
  });

  it("finalizes: minutes locked, every submitted record REVIEWED with its proposal and tally, audited", async () => {
    const { content } = await draftFor(true);
    const page = (await getMeetingPage(secretary, cellWest))!;
    const saved = await saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: page.meeting!.version, content });
    const version = (saved as { version: number }).version;
    await expect(finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: version - 1 })).rejects.toMatchObject({ code: "STALE_EDIT" });
    const result = await finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: version });
    expect(content.reviews.length).toBeGreaterThan(3);
    expect(result.reviewed).toBe(content.reviews.length);
    const reviewed = await db.reviewRecord.findMany({
      where: { memberId: { in: content.reviews.map((r) => r.memberId) }, cycleId: (await getCurrentCycle(cellWest))!.id },
    });
    expect(reviewed.every((r) => r.state === "REVIEWED" && r.proposedLevel === "GOOD" && r.voteTally !== null)).toBe(true);
    const meeting = await db.meeting.findFirstOrThrow({ where: { organizationId: cellWest, status: "FINALIZED" } });
    expect(await db.auditLog.count({ where: { entityId: meeting.id, action: "meeting.finalize", actorId: secretary.userId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "record.review", entityId: { in: reviewed.map((r) => r.id) } } })).toBe(reviewed.length);
    // Locked: no more drafts, no second finalizing.
    await expect(saveMinutesDraft(secretary, { cellId: cellWest, baseVersion: meeting.version, content })).rejects.toMatchObject({ code: "MINUTES_FINALIZED" });
    await expect(finalizeMeeting(secretary, { cellId: cellWest, expectedVersion: meeting.version })).rejects.toMatchObject({ code: "MINUTES_FINALIZED" });
    expect((await getMeetingPage(secretary, cellWest))!.canWrite).toBe(false);
  });
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
