import "server-only";
import { can, NotFoundError, type Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { assertTransition, type RecordState } from "@/lib/review/workflow";
import { MarkNotRatedSchema, ReinstateSchema } from "@/lib/schemas/not-rated";
import { writeAudit } from "./audit";
import { db, type Tx } from "./db";
import { getOrgAncestry } from "./scope";

// A member's record set aside from the rating (không xếp loại: exempt from party activity, suspended,
// admitted less than six months before the rating date, another reason the cell records) and taken back
// into the review. Who may: the cell's secretary (the workflow's `markNotRated` and `reinstate`), never
// on their own record, while the year's review is under way. One transaction with its audit row.

/** The record under a row lock, with what the checks need; not found outside the actor's reach. */
async function lockedRecord(tx: Tx, actor: Actor, recordId: string, expectedVersion: number) {
  const [row] = await tx.$queryRaw<{ id: string; state: RecordState; version: number; memberId: string; scopeOrgId: string; notRatedReason: string | null; cycleStatus: string }[]>`
    SELECT r.id, r.state::text AS state, r.version, r."memberId", r."scopeOrgId", r."notRatedReason"::text AS "notRatedReason", cy.status::text AS "cycleStatus"
      FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId"
     WHERE r.id = ${recordId} AND r."subjectKind" = 'MEMBER'
       FOR UPDATE OF r`;
  if (!row) throw new NotFoundError();
  const target = { organizationAncestry: await getOrgAncestry(row.scopeOrgId, tx), memberId: row.memberId };
  if (!can(actor, "member:read", target)) throw new NotFoundError();
  if (row.cycleStatus === "PUBLISHED" || row.cycleStatus === "CLOSED") throw new DomainError("CYCLE_CLOSED");
  if (row.version !== expectedVersion) throw new DomainError("STALE_EDIT");
  return { ...row, target };
}

export async function markNotRated(actor: Actor, raw: unknown) {
  const input = MarkNotRatedSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const record = await lockedRecord(tx, actor, input.recordId, input.expectedVersion);
    const transition = assertTransition(actor, "markNotRated", { state: record.state, kind: "MEMBER", target: record.target });
    await tx.reviewRecord.update({ where: { id: record.id }, data: { state: transition.to, notRatedReason: input.reason, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "record.notRated",
      entityType: "ReviewRecord",
      entityId: record.id,
      organizationId: record.scopeOrgId,
      data: { before: { state: record.state }, after: { state: transition.to, notRatedReason: input.reason }, ...(input.note ? { reason: input.note } : {}) },
    });
    return { state: transition.to };
  });
}

export async function reinstate(actor: Actor, raw: unknown) {
  const input = ReinstateSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const record = await lockedRecord(tx, actor, input.recordId, input.expectedVersion);
    const transition = assertTransition(actor, "reinstate", { state: record.state, kind: "MEMBER", target: record.target });
    await tx.reviewRecord.update({ where: { id: record.id }, data: { state: transition.to, notRatedReason: null, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "record.reinstate",
      entityType: "ReviewRecord",
      entityId: record.id,
      organizationId: record.scopeOrgId,
      data: { before: { state: record.state, notRatedReason: record.notRatedReason }, after: { state: transition.to }, reason: input.reason },
    });
    return { state: transition.to };
  });
}
