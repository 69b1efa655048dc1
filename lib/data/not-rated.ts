import "server-only";
import { can, NotFoundError, type Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { notRatedReasonsOf, type RuleSetId } from "@/lib/grading";
import { formatDate, toIsoDate } from "@/lib/i18n/format";
import { assertTransition, type RecordState } from "@/lib/review/workflow";
import { ConfirmNotRatedSchema, MarkNotRatedSchema, ReinstateSchema } from "@/lib/schemas/not-rated";
import { writeAudit } from "./audit";
import { db, type Tx } from "./db";
import { authorizeOrg, getOrgAncestry } from "./scope";

// A member's record set aside from the rating (không xếp loại) and taken back into the review. The
// guidance names who is not rated — exempt from party activity, suspended, admitted less than six
// months before the rating date — and those reasons must hold on the member's own facts (the register's
// status, the admission date against the cycle's rating date). Any other reason (OTHER) is the cell's
// proposal only, until the grassroots committee confirms it on its desk with its grounds, or turns it
// down. Who may: the cell's secretary proposes and takes back (`markNotRated`, `reinstate`), the
// committee confirms or turns down (`confirmNotRated`, `rejectNotRated`); never on one's own record,
// while the year's review is under way. One transaction with its audit row.

/** The record under a row lock, with what the checks need; not found outside the actor's reach. */
async function lockedRecord(tx: Tx, actor: Actor, recordId: string, expectedVersion: number) {
  const [row] = await tx.$queryRaw<
    {
      id: string;
      state: RecordState;
      version: number;
      memberId: string;
      scopeOrgId: string;
      notRatedReason: string | null;
      notRatedConfirmedAt: Date | null;
      cycleStatus: string;
      ruleSet: string;
      ratingDate: Date;
      fullName: string;
      memberStatus: string;
      admittedOn: Date;
    }[]
  >`
    SELECT r.id, r.state::text AS state, r.version, r."memberId", r."scopeOrgId", r."notRatedReason"::text AS "notRatedReason",
           r."notRatedConfirmedAt", cy.status::text AS "cycleStatus", cy."ruleSet"::text AS "ruleSet", cy."ratingDate",
           m."fullName", m.status::text AS "memberStatus", m."admittedOn"
      FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" JOIN "Member" m ON m.id = r."memberId"
     WHERE r.id = ${recordId} AND r."subjectKind" = 'MEMBER'
       FOR UPDATE OF r`;
  if (!row) throw new NotFoundError();
  const target = { organizationAncestry: await getOrgAncestry(row.scopeOrgId, tx), memberId: row.memberId };
  if (!can(actor, "member:read", target)) throw new NotFoundError();
  if (row.cycleStatus === "PUBLISHED" || row.cycleStatus === "CLOSED") throw new DomainError("CYCLE_CLOSED");
  if (row.version !== expectedVersion) throw new DomainError("STALE_EDIT");
  return { ...row, target };
}

/** A proposal of the cell awaiting the committee: a reason the regulation does not name, not yet confirmed. */
export function awaitsConfirmation(record: { state: string; notRatedReason: string | null; notRatedConfirmedAt: Date | null }): boolean {
  return record.state === "NOT_RATED" && record.notRatedReason === "OTHER" && record.notRatedConfirmedAt === null;
}

export async function markNotRated(actor: Actor, raw: unknown) {
  const input = MarkNotRatedSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const record = await lockedRecord(tx, actor, input.recordId, input.expectedVersion);
    const transition = assertTransition(actor, "markNotRated", { state: record.state, kind: "MEMBER", target: record.target });
    // The regulation's reasons must hold on the member's facts: the register's status, the admission date.
    if (input.reason !== "OTHER") {
      const holding = notRatedReasonsOf(
        { id: record.memberId, kind: "MEMBER", peerGroup: "", proposed: "NOT_RATED", status: record.memberStatus === "LEFT" ? "ACTIVE" : (record.memberStatus as "ACTIVE"), admittedOn: toIsoDate(record.admittedOn) },
        { ruleSet: record.ruleSet as RuleSetId, ratingDate: toIsoDate(record.ratingDate) },
      );
      if (!holding.includes(input.reason)) {
        throw new DomainError("NOT_RATED_FACTS", { reason: "notRatedFacts" }, {
          name: record.fullName,
          reason: input.reason,
          admittedOn: formatDate(record.admittedOn),
          ratingDate: formatDate(record.ratingDate),
        });
      }
    }
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: { state: transition.to, notRatedReason: input.reason, notRatedConfirmedAt: null, notRatedConfirmedById: null, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "record.notRated",
      entityId: record.id,
      organizationId: record.scopeOrgId,
      data: { before: { state: record.state }, after: { state: transition.to, notRatedReason: input.reason }, ...(input.note ? { reason: input.note } : {}) },
    });
    return { state: transition.to, awaitsConfirmation: input.reason === "OTHER" };
  });
}

export async function reinstate(actor: Actor, raw: unknown) {
  const input = ReinstateSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const record = await lockedRecord(tx, actor, input.recordId, input.expectedVersion);
    const transition = assertTransition(actor, "reinstate", { state: record.state, kind: "MEMBER", target: record.target });
    await tx.reviewRecord.update({ where: { id: record.id }, data: { state: transition.to, notRatedReason: null, notRatedConfirmedAt: null, notRatedConfirmedById: null, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "record.reinstate",
      entityId: record.id,
      organizationId: record.scopeOrgId,
      data: { before: { state: record.state, notRatedReason: record.notRatedReason }, after: { state: transition.to }, reason: input.reason },
    });
    return { state: transition.to };
  });
}

/**
 * The grassroots committee rules on a cell's proposal to leave a member unrated for a reason the
 * regulation does not name: confirms it with its grounds (the record stays NOT_RATED, confirmed), or
 * turns it down with its reason (the member is reviewed after all, from DRAFT).
 */
export async function ruleOnNotRated(actor: Actor, raw: unknown) {
  const input = ConfirmNotRatedSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const record = await lockedRecord(tx, actor, input.recordId, input.expectedVersion);
    const transition = assertTransition(actor, input.confirm ? "confirmNotRated" : "rejectNotRated", { state: record.state, kind: "MEMBER", target: record.target });
    if (!awaitsConfirmation(record)) throw new DomainError("TRANSITION_NOT_ALLOWED");
    const now = new Date();
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: input.confirm
        ? { notRatedConfirmedAt: now, notRatedConfirmedById: actor.userId, version: { increment: 1 } }
        : { state: transition.to, notRatedReason: null, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: input.confirm ? "record.notRatedConfirm" : "record.notRatedReject",
      entityId: record.id,
      organizationId: record.scopeOrgId,
      data: { before: { state: record.state, notRatedReason: record.notRatedReason }, after: { state: transition.to }, reason: input.grounds },
    });
    return { state: transition.to };
  });
}

/**
 * The cells' proposals to leave a member unrated for a reason the regulation does not name, awaiting
 * the grassroots committee: who, in which cell, and the grounds the cell gave (its audit row). Two queries.
 */
export async function listNotRatedProposals(actor: Actor, organizationId: string) {
  await authorizeOrg(actor, "rating:decide", organizationId);
  const records = await db.reviewRecord.findMany({
    where: {
      subjectKind: "MEMBER",
      state: "NOT_RATED",
      notRatedReason: "OTHER",
      notRatedConfirmedAt: null,
      peerGroup: { decidingOrgId: organizationId },
      cycle: { status: { in: ["PREPARING", "SELF_REVIEW", "DECIDING"] } },
    },
    orderBy: [{ scopeOrg: { position: "asc" } }, { member: { nameSearch: "asc" } }],
    select: { id: true, version: true, memberId: true, member: { select: { fullName: true } }, scopeOrg: { select: { name: true } } },
  });
  const grounds = await db.$queryRaw<{ entityId: string; reason: string | null }[]>`
    SELECT DISTINCT ON ("entityId") "entityId", data->>'reason' AS reason
      FROM "AuditLog" WHERE "entityType" = 'ReviewRecord' AND "entityId" = ANY(${records.map((r) => r.id)}::text[])
       AND action = 'record.notRated'
     ORDER BY "entityId", at DESC`;
  const groundsOf = new Map(grounds.map((g) => [g.entityId, g.reason ?? ""]));
  return records.map((r) => ({
    recordId: r.id,
    version: r.version,
    fullName: r.member!.fullName,
    cellName: r.scopeOrg.name,
    grounds: groundsOf.get(r.id) ?? "",
    /** The committee member's own record: another member of the committee rules on it. */
    own: actor.memberId === r.memberId,
  }));
}
