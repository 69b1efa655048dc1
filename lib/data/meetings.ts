import "server-only";
import { toIsoDate } from "@/lib/i18n/format";
import { can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Level } from "@/lib/grading";
import { adoptedLevel, fewestFor, finalizeProblems, meetingRulesFrom, quorum, type Attendee, type Tally } from "@/lib/review/meeting";
import { nextState, type RecordState } from "@/lib/review/workflow";
import { z } from "zod";
import { FinalizeMeetingSchema, RereviewSchema, SaveMinutesSchema, TallySchema, type MinutesContent } from "@/lib/schemas/meetings";
import { command, recordAudit } from "./command";
import { storedFactsOf } from "./record-facts";
import { MEMBER_RECORD_SELECT as RECORD_SELECT, memberLevelRefusal, standingOf, type MemberRecordRow as CellRecord } from "./record-grading";
import { getCurrentCycle, loadOrgCycle, type OrgCycle } from "./cycles";
import { lockForDecisions } from "./record-locks";
import { db, type DbClient, type Tx } from "./db";
import { authorizeOrg, getOrgAncestry } from "./scope";

const EMPTY_MINUTES: MinutesContent = { heldOn: "", place: "", chairName: "", recorderName: "", attendance: [], collectiveReview: "", reviews: [] };

/**
 * What was stored, read leniently and field by field: a draft of an older shape (or the demo's) keeps
 * every part that still fits, and nothing typed is thrown away because one part does not.
 */
const StoredMinutesSchema = z.object({
  attendance: z.array(z.object({ memberId: z.string(), present: z.boolean(), absenceReason: z.string().optional().catch(undefined) })).catch([]),
  collectiveReview: z.string().catch(""),
  reviews: z
    .array(
      z.object({
        memberId: z.string(),
        selfReviewSummary: z.string().catch(""),
        critiques: z.array(z.object({ by: z.string().catch(""), text: z.string().catch("") })).catch([]),
        vote: TallySchema.nullable().catch(null),
      }),
    )
    .catch([]),
});

function minutesOf(
  meeting: { heldOn: Date | null; place: string | null; chairName: string | null; recorderName: string | null; minutes: unknown } | null,
): MinutesContent {
  if (!meeting) return EMPTY_MINUTES;
  const parsed = StoredMinutesSchema.safeParse(meeting.minutes);
  const stored = parsed.success ? parsed.data : { attendance: [], collectiveReview: "", reviews: [] };
  return {
    heldOn: meeting.heldOn ? toIsoDate(meeting.heldOn) : "",
    place: meeting.place ?? "",
    chairName: meeting.chairName ?? "",
    recorderName: meeting.recorderName ?? "",
    attendance: stored.attendance.map((a) => ({ ...a, absenceReason: a.absenceReason ?? "" })),
    collectiveReview: stored.collectiveReview,
    reviews: stored.reviews,
  };
}

/** Official on the day of the meeting (or today): admitted and recognised as official by then. */
const officialOn = (officialDate: Date | null, day: Date) => officialDate !== null && officialDate.getTime() <= day.getTime();

/**
 * The official members a meeting of the cell on `day` needs (the quorum's base), counted as the minutes'
 * attendance counts them: the cell's members in this cycle, official on the day, neither exempt nor suspended.
 */
async function officialMembersRequired(tx: DbClient, cycleId: string, cellId: string, day: Date): Promise<number> {
  return tx.member.count({
    where: {
      reviewRecords: { some: { cycleId, scopeOrgId: cellId, subjectKind: "MEMBER" } },
      status: { notIn: ["EXEMPT", "SUSPENDED"] },
      officialOn: { lte: day },
    },
  });
}

async function loadCellMeeting(client: DbClient, cellId: string) {
  const cycle = await getCurrentCycle(cellId, client);
  if (!cycle) return null;
  const [cell, meeting, records] = await Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: cellId }, select: { id: true, name: true } }),
    client.meeting.findUnique({ where: { cycleId_organizationId: { cycleId: cycle.id, organizationId: cellId } } }),
    client.reviewRecord.findMany({
      where: { cycleId: cycle.id, scopeOrgId: cellId, subjectKind: "MEMBER" },
      orderBy: { member: { nameSearch: "asc" } },
      select: RECORD_SELECT,
    }),
  ]);
  return { cycle, cell, meeting, records };
}

/**
 * The meeting page: the minutes (a draft or finalized), every member of the cell with their record, what
 * the rating rules say of each, and the peer group's counts in the other cells of the grassroots
 * organization (one aggregate query), so the 20 % arithmetic can be shown live as tallies are typed.
 */
export async function getMeetingPage(actor: Actor, cellId: string) {
  const target = await authorizeOrg(actor, "member:read", cellId);
  const loaded = await loadCellMeeting(db, cellId);
  if (!loaded) return null;
  const { cycle, cell, meeting, records } = loaded;
  const canWrite = can(actor, "minutes:write", target);
  const day = meeting?.heldOn ?? new Date();
  const groupIds = [...new Set(records.map((r) => r.peerGroupId).filter((id): id is string => id !== null))];
  // Proposals of the same peer groups in the other cells: the level decided if any, else the one proposed.
  const elsewhere = groupIds.length
    ? await db.$queryRaw<{ peerGroupId: string; excellent: number; good: number }[]>`
        SELECT "peerGroupId",
               count(*) FILTER (WHERE COALESCE("decidedLevel", "proposedLevel") = 'EXCELLENT')::int AS excellent,
               count(*) FILTER (WHERE COALESCE("decidedLevel", "proposedLevel") = 'GOOD')::int AS good
          FROM "ReviewRecord"
         WHERE "cycleId" = ${cycle.id} AND "peerGroupId" = ANY(${groupIds}) AND "scopeOrgId" <> ${cellId} AND state <> 'NOT_RATED'
         GROUP BY "peerGroupId"`
    : [];
  const [groups, overrides] = await Promise.all([
    db.peerGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }),
    db.quotaOverride.findMany({ where: { peerGroupId: { in: groupIds } }, orderBy: { decidedOn: "desc" }, select: { peerGroupId: true, ratePercent: true } }),
  ]);
  return {
    cell: { id: cell.id, name: cell.name },
    cycle: { id: cycle.id, year: cycle.year, ruleSet: cycle.ruleSet, ratingDate: toIsoDate(cycle.ratingDate), quotaBase: cycle.quotaBase },
    rules: meetingRulesFrom((await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { options: true } })).options),
    meeting: meeting ? { version: meeting.version, status: meeting.status, finalizedAt: meeting.finalizedAt, updatedAt: meeting.updatedAt } : null,
    minutes: minutesOf(meeting),
    canWrite: canWrite && meeting?.status !== "FINALIZED",
    members: records.map((r) => ({
      recordId: r.id,
      memberId: r.memberId!,
      fullName: r.member!.fullName,
      official: officialOn(r.member!.officialOn, day),
      status: r.member!.status === "LEFT" ? ("ACTIVE" as const) : r.member!.status,
      state: r.state,
      notRatedReason: r.notRatedReason,
      selfLevel: r.selfLevel,
      proposedLevel: r.proposedLevel,
      peerGroupId: r.peerGroupId,
      standing: standingOf(r, cycle.year),
      facts: storedFactsOf(r),
    })),
    groups: groups.map((g) => {
      const other = elsewhere.find((e) => e.peerGroupId === g.id);
      return {
        id: g.id,
        name: g.name,
        excellentElsewhere: other?.excellent ?? 0,
        goodElsewhere: other?.good ?? 0,
        ratePercent: overrides.find((o) => o.peerGroupId === g.id)?.ratePercent ?? null,
      };
    }),
  };
}

export type MinutesSaveResult =
  { saved: true; version: number; savedAt: Date } | { saved: false; conflict: { version: number; content: MinutesContent; savedAt: Date } };

/** The cell's secretary records the meeting: a command on the cell in its review under way. */
const ON_CELL_MINUTES = {
  load: (tx: Tx, input: { cellId: string }) => loadOrgCycle(tx, input.cellId),
  authorize: (actor: Actor, { target }: OrgCycle) => can(actor, "minutes:write", target),
};

/** Saves the minutes as a draft, as they are typed (one small write; finalizing is audited). */
export const saveMinutesDraft = command({
  input: SaveMinutesSchema,
  ...ON_CELL_MINUTES,
  write: async ({ tx, input, loaded: { cycle } }) => ({ result: await writeDraft(tx, cycle.id, input), audit: [] }),
});

async function writeDraft(tx: Tx, cycleId: string, input: z.output<typeof SaveMinutesSchema>): Promise<MinutesSaveResult> {
  const { heldOn, place, chairName, recorderName, ...minutes } = input.content;
  const data = {
    heldOn: heldOn ? new Date(`${heldOn}T00:00:00Z`) : null,
    place: place || null,
    chairName: chairName || null,
    recorderName: recorderName || null,
    minutes: minutes as unknown as Prisma.InputJsonValue,
  };
  const existing = await tx.meeting.findUnique({ where: { cycleId_organizationId: { cycleId, organizationId: input.cellId } } });
  if (existing?.status === "FINALIZED") throw new DomainError("MINUTES_FINALIZED");
  if (!existing) {
    if (input.baseVersion !== 0) throw new NotFoundError();
    const created = await tx.meeting.create({
      data: { cycleId, organizationId: input.cellId, ...data, version: 1 },
      select: { version: true, updatedAt: true },
    });
    return { saved: true, version: created.version, savedAt: created.updatedAt };
  }
  const updated = await tx.meeting.updateMany({
    where: { id: existing.id, version: input.baseVersion, status: "DRAFT" },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) return { saved: false, conflict: { version: existing.version, content: minutesOf(existing), savedAt: existing.updatedAt } };
  return { saved: true, version: input.baseVersion + 1, savedAt: new Date() };
}

export type FinalizeRefusal = { code: string; memberId?: string };

/**
 * Finalizes the minutes: the quorum, the cell's collective review first, every member's vote adopted,
 * every adopted level within what the rating rules allow. Then the minutes are locked and every submitted
 * record becomes REVIEWED with its proposed level and tally — the proposals go up to the committee. One
 * transaction with its audit rows; nothing is written when anything is missing.
 *
 * The vote is the cell's act, recorded by the secretary: the permission is the secretary's
 * (minutes:write on the cell), checked once, and each record's move is the workflow's `review` — the
 * secretary's own record included, since the cell, not the secretary, reviewed them.
 */
export const finalizeMeeting = command({
  input: FinalizeMeetingSchema,
  ...ON_CELL_MINUTES,
  write: async ({ tx, input, loaded: { cycle } }) => {
    const [locked] = await tx.$queryRaw<{ id: string; version: number; status: string }[]>`
      SELECT id, version, status::text AS status FROM "Meeting" WHERE "cycleId" = ${cycle.id} AND "organizationId" = ${input.cellId} FOR UPDATE`;
    if (!locked) throw new DomainError("MINUTES_INCOMPLETE", { meeting: "required" });
    if (locked.status === "FINALIZED") throw new DomainError("MINUTES_FINALIZED");
    if (locked.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    // The records are locked too: no self-review is submitted or returned while the minutes close.
    await tx.$executeRaw`SELECT id FROM "ReviewRecord" WHERE "cycleId" = ${cycle.id} AND "scopeOrgId" = ${input.cellId} AND "subjectKind" = 'MEMBER' FOR UPDATE`;
    const loaded = (await loadCellMeeting(tx, input.cellId))!;
    const minutes = minutesOf(loaded.meeting);
    const options = await tx.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { options: true } });
    const rules = meetingRulesFrom(options.options);
    const heldOn = loaded.meeting?.heldOn ?? null;
    const presence = new Map(minutes.attendance.map((a) => [a.memberId, a]));
    const attendance: Attendee[] = loaded.records.map((r) => ({
      memberId: r.memberId!,
      official: officialOn(r.member!.officialOn, heldOn ?? new Date()),
      status: r.member!.status === "LEFT" ? "ACTIVE" : r.member!.status,
      present: presence.get(r.memberId!)?.present ?? false,
      absenceReason: presence.get(r.memberId!)?.absenceReason,
    }));
    const votes = new Map(minutes.reviews.map((r) => [r.memberId, r.vote as Tally | null]));
    // A member absent from the meeting, not voted on, is reviewed as soon as possible (ABSENT).
    const becomesAbsent = loaded.records.filter(
      (r) =>
        !presence.get(r.memberId!)?.present &&
        !votes.get(r.memberId!) &&
        nextState("markAbsent", { state: r.state as RecordState, kind: "MEMBER" }) === "ABSENT",
    );
    const absentIds = new Set(becomesAbsent.map((r) => r.id));
    const problems: FinalizeRefusal[] = finalizeProblems(
      {
        attendance,
        collectiveReviewRecorded: minutes.collectiveReview.trim() !== "",
        records: loaded.records.map((r) => ({
          memberId: r.memberId!,
          state: absentIds.has(r.id) ? "ABSENT" : (r.state as RecordState),
          tally: votes.get(r.memberId!) ?? null,
          notRatedReason: r.notRatedReason,
        })),
      },
      rules,
    ).map((p) => ({ code: p.code, memberId: "memberId" in p ? p.memberId : undefined }));
    if (!heldOn) problems.unshift({ code: "MEETING_DATE_MISSING" });
    const meetingQuorum = quorum(attendance, rules);
    const voters = meetingQuorum.present;
    const toReview = loaded.records.filter((r) => r.state === "SUBMITTED" && !absentIds.has(r.id));
    const proposals: { record: CellRecord; level: Level; tally: Tally }[] = [];
    for (const record of toReview) {
      const tally = votes.get(record.memberId!);
      if (!tally) continue; // reported by finalizeProblems
      const adoption = adoptedLevel(tally, meetingQuorum, rules);
      if (!adoption.level) continue;
      // The rules: a level they refuse (above the facts' maximum, no complete score, not rated under
      // them) is not proposed; the member is named with the cause.
      const refusal = memberLevelRefusal(record, cycle, adoption.level);
      if (refusal) problems.push({ code: refusal, memberId: record.memberId! });
      proposals.push({ record, level: adoption.level, tally });
    }
    if (problems.length > 0) {
      throw new DomainError(
        "MINUTES_INCOMPLETE",
        Object.fromEntries(problems.map((p, i) => [p.memberId ? `${p.code}.${p.memberId}` : `${p.code}.${i}`, p.code])),
      );
    }
    const now = new Date();
    await tx.meeting.update({ where: { id: locked.id }, data: { status: "FINALIZED", finalizedAt: now, version: { increment: 1 } } });
    for (const { record, level, tally } of proposals) {
      await tx.reviewRecord.update({
        where: { id: record.id },
        data: { state: "REVIEWED", proposedLevel: level, voteTally: { ...tally, votersPresent: voters }, version: { increment: 1 } },
      });
    }
    if (becomesAbsent.length > 0) {
      await tx.reviewRecord.updateMany({ where: { id: { in: [...absentIds] } }, data: { state: "ABSENT", version: { increment: 1 } } });
    }
    return {
      result: { reviewed: proposals.length, absent: becomesAbsent.length },
      audit: [
        {
          action: "meeting.finalize",
          entityId: locked.id,
          organizationId: input.cellId,
          data: { reviewed: proposals.map((p) => ({ recordId: p.record.id, level: p.level, tally: p.tally })), absent: [...absentIds], votersPresent: voters },
        },
        // Each record's history shows the step too.
        ...proposals.map(({ record, level, tally }) => ({
          action: "record.review" as const,
          entityId: record.id,
          organizationId: input.cellId,
          data: { before: { state: record.state }, after: { state: "REVIEWED" as const, proposedLevel: level }, tally, meetingId: locked.id },
        })),
        ...becomesAbsent.map((record) => ({
          action: "record.absent" as const,
          entityId: record.id,
          organizationId: input.cellId,
          data: { before: { state: record.state }, after: { state: "ABSENT" as const }, meetingId: locked.id },
        })),
      ],
    };
  },
});

/**
 * A record the committee sent back is reviewed again at a cell meeting (finishRereview): the new vote
 * must be adopted under the cycle's rule and the level stay within what the rules allow; the record
 * goes back up as REVIEWED. One transaction, one audit row on the record.
 */
export const recordRereview = command({
  input: RereviewSchema,
  load: async (tx, input) => {
    // The new proposal enters its group's pool: the group is locked first, as every decision save does.
    await lockForDecisions(tx, [input.recordId]);
    const record = await tx.reviewRecord.findUnique({
      where: { id: input.recordId },
      select: {
        ...RECORD_SELECT,
        cycleId: true,
        scopeOrgId: true,
        version: true,
        cycle: { select: { year: true, ruleSet: true, ratingDate: true, options: true } },
      },
    });
    if (!record?.memberId) return null;
    return { record, target: { organizationAncestry: await getOrgAncestry(record.scopeOrgId, tx), memberId: record.memberId } };
  },
  authorize: (actor, { target }) => can(actor, "member:read", target),
  transition: ({ record, target }) => ({ name: "finishRereview", record: { state: record.state, kind: "MEMBER", target } }),
  write: async ({ tx, input, loaded: { record }, transition }) => {
    if (record.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    // The re-review meeting is a meeting of the cell like the first: its quorum is checked, and the vote
    // adopts a level under the cycle's rule, over the official members who must attend on that day.
    const rules = meetingRulesFrom(record.cycle.options);
    const required = await officialMembersRequired(tx, record.cycleId, record.scopeOrgId, new Date(`${input.heldOn}T00:00:00Z`));
    if (input.votersPresent > required) throw new DomainError("INVALID_INPUT", { votersPresent: "votersOverRequired" });
    const rereviewQuorum = { required, present: input.votersPresent, needed: fewestFor(required, rules.quorum) };
    if (input.votersPresent < rereviewQuorum.needed)
      throw new DomainError("QUORUM_NOT_MET", { votersPresent: "quorumNotMet" }, { required, needed: rereviewQuorum.needed });
    const adoption = adoptedLevel(input.tally, rereviewQuorum, rules);
    if (!adoption.level)
      throw new DomainError(
        "VOTE_NOT_ADOPTED",
        { tally: adoption.reason },
        { reason: adoption.reason, needed: adoption.needed, baseKind: rules.adoptionBase, required },
      );
    const refusal = memberLevelRefusal(record, record.cycle, adoption.level);
    if (refusal) throw new DomainError("LEVEL_REFUSED", { tally: refusal }, { name: record.member!.fullName, reason: refusal });
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: {
        state: transition.to,
        proposedLevel: adoption.level,
        voteTally: { ...input.tally, votersPresent: input.votersPresent },
        version: { increment: 1 },
      },
    });
    return {
      result: { proposedLevel: adoption.level },
      audit: recordAudit(record, "record.rereview", {
        before: { state: record.state, proposedLevel: record.proposedLevel },
        after: { state: transition.to, proposedLevel: adoption.level },
        tally: input.tally,
        heldOn: input.heldOn,
        reason: input.note,
      }),
    };
  },
});
