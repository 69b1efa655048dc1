import "server-only";
import { can, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import { notRatedReasonsOf, type RuleSetId } from "@/lib/grading";
import { formatDate, toIsoDate } from "@/lib/i18n/format";
import type { z } from "zod";
import type { RecordState, TransitionName } from "@/lib/review/workflow";
import { ConfirmNotRatedSchema, MarkNotRatedSchema, ReinstateSchema } from "@/lib/schemas/not-rated";
import { command, type Command, recordAudit } from "./command";
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

/** The member's record under a row lock, with what the checks need and its target; null when there is none. */
async function lockAndLoad(tx: Tx, recordId: string) {
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
  if (!row) return null;
  return { ...row, target: { organizationAncestry: await getOrgAncestry(row.scopeOrgId, tx), memberId: row.memberId } };
}
type LockedRecord = NonNullable<Awaited<ReturnType<typeof lockAndLoad>>>;

/**
 * Whether the actor may change the record: not found outside their reach; refused while the year's
 * review is published or closed, or when the record changed since the form was read.
 */
function authorizeChange(actor: Actor, record: LockedRecord, input: { expectedVersion: number }): boolean {
  if (!can(actor, "member:read", record.target)) return false;
  if (record.cycleStatus === "PUBLISHED" || record.cycleStatus === "CLOSED") throw new DomainError("CYCLE_CLOSED");
  if (record.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
  return true;
}

/**
 * The road of every change of a record's rating status: the record locked and loaded, authorized
 * (authorizeChange), the workflow step `transition` names checked on it, then `write`.
 */
function statusChange<S extends z.ZodType<{ recordId: string; expectedVersion: number }>, R>(
  input: S,
  transition: (input: z.output<S>) => TransitionName,
  write: Command<S, LockedRecord, R>["write"],
) {
  return command({
    input,
    load: (tx, { recordId }) => lockAndLoad(tx, recordId),
    authorize: authorizeChange,
    transition: (record, input) => ({ name: transition(input), record: { state: record.state, kind: "MEMBER", target: record.target } }),
    write,
  });
}

/** A proposal of the cell awaiting the committee: a reason the regulation does not name, not yet confirmed. */
export function awaitsConfirmation(record: { state: string; notRatedReason: string | null; notRatedConfirmedAt: Date | null }): boolean {
  return record.state === "NOT_RATED" && record.notRatedReason === "OTHER" && record.notRatedConfirmedAt === null;
}

export const markNotRated = statusChange(
  MarkNotRatedSchema,
  () => "markNotRated",
  async ({ tx, input, loaded: record, transition }) => {
    // The regulation's reasons must hold on the member's facts: the register's status, the admission date.
    if (input.reason !== "OTHER") {
      const holding = notRatedReasonsOf(
        {
          id: record.memberId,
          kind: "MEMBER",
          peerGroup: "",
          proposed: "NOT_RATED",
          status: record.memberStatus === "LEFT" ? "ACTIVE" : (record.memberStatus as "ACTIVE"),
          admittedOn: toIsoDate(record.admittedOn),
        },
        { ruleSet: record.ruleSet as RuleSetId, ratingDate: toIsoDate(record.ratingDate) },
      );
      if (!holding.includes(input.reason)) {
        throw new DomainError(
          "NOT_RATED_FACTS",
          { reason: "notRatedFacts" },
          {
            name: record.fullName,
            reason: input.reason,
            admittedOn: formatDate(record.admittedOn),
            ratingDate: formatDate(record.ratingDate),
          },
        );
      }
    }
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: { state: transition.to, notRatedReason: input.reason, notRatedConfirmedAt: null, notRatedConfirmedById: null, version: { increment: 1 } },
    });
    return {
      result: { state: transition.to, awaitsConfirmation: input.reason === "OTHER" },
      audit: recordAudit(record, "record.notRated", {
        before: { state: record.state },
        after: { state: transition.to, notRatedReason: input.reason },
        ...(input.note ? { reason: input.note } : {}),
      }),
    };
  },
);

export const reinstate = statusChange(
  ReinstateSchema,
  () => "reinstate",
  async ({ tx, input, loaded: record, transition }) => {
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: { state: transition.to, notRatedReason: null, notRatedConfirmedAt: null, notRatedConfirmedById: null, version: { increment: 1 } },
    });
    const data = { before: { state: record.state, notRatedReason: record.notRatedReason }, after: { state: transition.to }, reason: input.reason };
    return { result: { state: transition.to }, audit: { action: "record.reinstate", entityId: record.id, organizationId: record.scopeOrgId, data } };
  },
);

/**
 * The grassroots committee rules on a cell's proposal to leave a member unrated for a reason the
 * regulation does not name: confirms it with its grounds (the record stays NOT_RATED, confirmed), or
 * turns it down with its reason (the member is reviewed after all, from DRAFT).
 */
export const ruleOnNotRated = statusChange(
  ConfirmNotRatedSchema,
  (input) => (input.confirm ? "confirmNotRated" : "rejectNotRated"),
  async ({ tx, actor, input, loaded: record, transition }) => {
    if (!awaitsConfirmation(record)) throw new DomainError("TRANSITION_NOT_ALLOWED");
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: input.confirm
        ? { notRatedConfirmedAt: new Date(), notRatedConfirmedById: actor.userId, version: { increment: 1 } }
        : { state: transition.to, notRatedReason: null, version: { increment: 1 } },
    });
    const data = { before: { state: record.state, notRatedReason: record.notRatedReason }, after: { state: transition.to }, reason: input.grounds };
    return {
      result: { state: transition.to },
      audit: { action: input.confirm ? "record.notRatedConfirm" : "record.notRatedReject", entityId: record.id, organizationId: record.scopeOrgId, data },
    };
  },
);

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
