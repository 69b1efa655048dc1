import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/review/permissions";
import { getCycleForEdit, updateCycleDeadlines } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { getMemberPage, updateMemberProfile } from "@/lib/data/members";
import { addOpinion } from "@/lib/data/opinions";
import { DomainError } from "@/lib/errors";
import { actorFor, CURRENT_YEAR, dayOfCurrentYear as on, ensureDemoDistrict } from "./fixtures";

// Findings of the hardening review, against the real database: bad text and dates are refused at the
// field (never an unexpected error from PostgreSQL), published cycles keep their plan and their
// deadlines stay in plausible years, and nobody edits the rating facts of their own record.

const audits = () => db.auditLog.count();

async function expectInvalid(write: Promise<unknown>, message?: string) {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZodError);
  if (message) expect((error as ZodError).issues.map((i) => i.message)).toContain(message);
}

let board: Actor;
let standing: Actor;

beforeAll(async () => {
  await ensureDemoDistrict();
  [board, standing] = await Promise.all([actorFor("bantochuc"), actorFor("thuongvu")]);
});

describe("cycle deadlines", () => {
  const deadlines = (year: number) => ({
    selfReviewDue: on(12, 10, year),
    meetingsDue: on(12, 20, year),
    grassrootsDue: on(12, 30, year),
    upperDecisionDue: on(1, 20, year),
  });

  it("a published cycle cannot be edited, by the board or the standing committee, and leaves no trace", async () => {
    const published = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, status: "PUBLISHED" } });
    expect((await getCycleForEdit(standing, published.id)).deadlinesEditable).toBe(false);
    const before = await audits();
    for (const actor of [board, standing]) {
      await expect(
        updateCycleDeadlines(actor, { cycleId: published.id, expectedVersion: published.version, ...deadlines(published.year) }),
      ).rejects.toMatchObject({
        code: "CYCLE_NOT_EDITABLE",
      });
    }
    const closed = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, status: "CLOSED" } });
    await expect(updateCycleDeadlines(board, { cycleId: closed.id, expectedVersion: closed.version, ...deadlines(closed.year) })).rejects.toMatchObject({
      code: "CYCLE_CLOSED",
    });
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: published.id } })).toEqual(published);
    expect(await audits()).toBe(before);
  });

  it("year 0000, 9999 and 1900 are refused, at the field, with nothing written", async () => {
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, year: CURRENT_YEAR } });
    expect((await getCycleForEdit(board, cycle.id)).deadlinesEditable).toBe(true);
    const before = await audits();
    const input = { cycleId: cycle.id, expectedVersion: cycle.version, ...deadlines(CURRENT_YEAR) };
    await expectInvalid(updateCycleDeadlines(board, { ...input, selfReviewDue: "0000-12-10" }), "dateOutOfRange");
    await expectInvalid(updateCycleDeadlines(board, { ...input, upperDecisionDue: "9999-12-31" }), "dateOutOfRange");
    await expectInvalid(updateCycleDeadlines(board, { ...input, meetingsDue: `${CURRENT_YEAR}-02-30` }), "invalidDate");
    // Within the plausible years but not the cycle's: the use case, which knows the year, refuses it.
    const error = await updateCycleDeadlines(board, { ...input, selfReviewDue: "1900-01-01" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { selfReviewDue: "deadlineOutsideCycle" } });
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toEqual(cycle);
    expect(await audits()).toBe(before);
  });
});

describe("rating facts of one's own record", () => {
  async function profileOf(memberId: string) {
    const m = await db.member.findUniqueOrThrow({ where: { id: memberId } });
    return {
      memberId,
      expectedVersion: m.version,
      post: m.post ?? "",
      residenceCell: m.residenceCell ?? "",
      category: m.category,
      isCivilServant: m.isCivilServant,
    };
  }

  for (const username of ["bithu", "danguy"]) {
    it(`${username} cannot change their own category or civil-service status, but may state their post and residence`, async () => {
      const officer = await actorFor(username);
      expect(officer.memberId).toBeTruthy();
      const own = officer.memberId!;
      await expect(getMemberPage(officer, own)).resolves.toMatchObject({ canEdit: true, canEditRatingFacts: false });
      const before = await db.member.findUniqueOrThrow({ where: { id: own } });
      const count = await audits();
      const otherCategory = before.category === "LEADER_MANAGER" ? "NON_LEADER_IN_SYSTEM" : "LEADER_MANAGER";
      await expect(updateMemberProfile(officer, { ...(await profileOf(own)), category: otherCategory })).rejects.toMatchObject({ code: "OWN_PROFILE_FACTS" });
      await expect(updateMemberProfile(officer, { ...(await profileOf(own)), isCivilServant: !before.isCivilServant })).rejects.toMatchObject({
        code: "OWN_PROFILE_FACTS",
      });
      expect(await db.member.findUniqueOrThrow({ where: { id: own } })).toEqual(before);
      expect(await audits()).toBe(count);

      await updateMemberProfile(officer, { ...(await profileOf(own)), residenceCell: "Chi bộ khu phố 3" });
      expect((await db.member.findUniqueOrThrow({ where: { id: own } })).residenceCell).toBe("Chi bộ khu phố 3");
    });
  }
});

describe("text input policy", () => {
  it("NUL, other control characters and lone surrogates are refused with a message, never sent to PostgreSQL", async () => {
    const secretary = await actorFor("bithu");
    const member = await db.member.findFirstOrThrow({
      where: { cell: { code: "HU.01.04" }, id: { not: secretary.memberId! } },
      orderBy: { cardNumber: "asc" },
    });
    const profile = {
      memberId: member.id,
      expectedVersion: member.version,
      post: "",
      residenceCell: "",
      category: member.category,
      isCivilServant: member.isCivilServant,
    };
    const before = await audits();
    await expectInvalid(updateMemberProfile(secretary, { ...profile, post: "Tổ\u0000trưởng" }), "controlCharacters");
    await expectInvalid(updateMemberProfile(secretary, { ...profile, residenceCell: "Thôn \ud800Đông" }), "invalidCharacters");
    await expectInvalid(updateMemberProfile(secretary, { ...profile, post: "a\u001bb" }), "controlCharacters");
    await expectInvalid(updateMemberProfile(secretary, { ...profile, memberId: `${member.id}\u0000` }));
    const record = await db.reviewRecord.findFirstOrThrow({ where: { memberId: member.id, cycle: { year: CURRENT_YEAR } } });
    const opinion = { recordId: record.id, source: "RESIDENCE", givenOn: on(11, 20), givenBy: "Chi bộ nơi cư trú" };
    await expectInvalid(addOpinion(secretary, { ...opinion, text: "Tốt\u0000" }), "controlCharacters");
    await expectInvalid(addOpinion(secretary, { ...opinion, text: "Tốt \udc00" }), "invalidCharacters");
    await expectInvalid(addOpinion(secretary, { ...opinion, text: "Tốt", givenOn: "0000-11-20" }), "dateOutOfRange");
    expect(await audits()).toBe(before);
  });

  it("bidirectional controls are refused in one-line and multi-line text alike, and nothing is written", async () => {
    const secretary = await actorFor("bithu");
    const member = await db.member.findFirstOrThrow({
      where: { cell: { code: "HU.01.04" }, id: { not: secretary.memberId! } },
      orderBy: { cardNumber: "asc" },
    });
    const profile = {
      memberId: member.id,
      expectedVersion: member.version,
      post: "",
      residenceCell: "",
      category: member.category,
      isCivilServant: member.isCivilServant,
    };
    const record = await db.reviewRecord.findFirstOrThrow({ where: { memberId: member.id, cycle: { year: CURRENT_YEAR } } });
    const opinion = { recordId: record.id, source: "RESIDENCE", givenOn: on(11, 20), givenBy: "Chi bộ nơi cư trú", text: "Tốt" };
    const before = await audits();
    // The overrides and embeddings, the isolates, and the marks LRM, RLM and ALM.
    for (const bidi of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"]) {
      await expectInvalid(updateMemberProfile(secretary, { ...profile, post: `Tổ trưởng${bidi}` }), "bidiControls");
      await expectInvalid(updateMemberProfile(secretary, { ...profile, residenceCell: `${bidi}Thôn Đông` }), "bidiControls");
      await expectInvalid(addOpinion(secretary, { ...opinion, text: `Hoàn thành${bidi} tốt\nnhiệm vụ` }), "bidiControls");
      await expectInvalid(addOpinion(secretary, { ...opinion, givenBy: `Chi bộ ${bidi}khu 3` }), "bidiControls");
    }
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toEqual(member);
    expect(await audits()).toBe(before);
  });
});
