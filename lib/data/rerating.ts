import "server-only";
import { can, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { OrgKind } from "@/lib/generated/prisma/client";
import type { Level } from "@/lib/grading";
import { assertTransition, recordKindOf, type RecordKind, type RecordState } from "@/lib/review/workflow";
import { OrderRerateSchema, ProposeRerateSchema, type RerateDecisionInput } from "@/lib/schemas/rerating";
import { writeAudit } from "./audit";
import { BULK_TRANSACTION, command, recordAudit } from "./command";
import { ancestriesOf, lockForDecisions, reopenRecords } from "./record-locks";
import { db, type Tx } from "./db";
import { authorizeOrg, getOrgAncestry } from "./scope";

// Re-rating a decided or published result (366 Điều 15; Mẫu 03 "Quyết định đánh giá, xếp loại lại"): the
// upper standing committee orders it by decision — number, date, issuer, reason — and the records go back
// to be reviewed and rated again (UNDER_REREVIEW), their decisions superseded and kept. The upper board may
// propose it, not order it. Every reopening of a published result names a decision (RerateDecision).

type Located = {
  id: string;
  state: RecordState;
  cycleId: string;
  memberId: string | null;
  organizationId: string | null;
  scopeOrgId: string;
  organization: { kind: OrgKind } | null;
  decidedLevel: Level | null;
};

const LOCATED_SELECT = {
  id: true,
  state: true,
  cycleId: true,
  memberId: true,
  organizationId: true,
  scopeOrgId: true,
  organization: { select: { kind: true } },
  decidedLevel: true,
} as const;

/** The record's kind for the workflow, and the unit its scope is checked on. */
function subjectOf(record: Located): { kind: RecordKind; unitId: string } {
  return record.memberId ? { kind: "MEMBER", unitId: record.scopeOrgId } : { kind: recordKindOf(record.organization!.kind), unitId: record.organizationId! };
}

/**
 * Writes the decision and reopens its records: decisions superseded, records UNDER_REREVIEW, the board's
 * open proposals answered. Returns the audit entry per record naming the decision, for the caller to write.
 */
async function writeRerateDecision(tx: Tx, actor: Actor, records: readonly Located[], decision: RerateDecisionInput, cycleId: string) {
  const ids = records.map((r) => r.id);
  const written = await tx.rerateDecision.create({
    data: {
      cycleId,
      decisionNo: decision.decisionNo,
      decidedOn: new Date(`${decision.decidedOn}T00:00:00Z`),
      issuer: decision.issuer,
      reason: decision.reason,
      recordIds: ids,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  await reopenRecords(tx, ids);
  await tx.rerateProposal.updateMany({ where: { recordId: { in: ids }, decisionId: null }, data: { decisionId: written.id } });
  const named = { id: written.id, decisionNo: decision.decisionNo, decidedOn: decision.decidedOn, issuer: decision.issuer };
  const audit = records.map((r) => ({
    action: "record.rerate" as const,
    entityId: r.id,
    organizationId: r.organizationId ?? r.scopeOrgId,
    data: { before: { state: r.state, decidedLevel: r.decidedLevel }, after: { state: "UNDER_REREVIEW" as const }, decision: named, reason: decision.reason },
  }));
  return { decisionId: written.id, audit };
}

/**
 * Writes the decision and reopens its records in the caller's transaction — a command of its own
 * (sending records back, returning a unit's rating) that reopens a published result: decisions
 * superseded, records UNDER_REREVIEW, an audit row per record naming the decision, the board's open
 * proposals answered.
 */
export async function reopenByDecision(tx: Tx, actor: Actor, records: readonly Located[], decision: RerateDecisionInput, cycleId: string): Promise<string> {
  const { decisionId, audit } = await writeRerateDecision(tx, actor, records, decision, cycleId);
  await writeAudit(tx, ...audit.map((entry) => ({ ...entry, actorId: actor.userId })));
  return decisionId;
}

/**
 * The upper standing committee orders records checked and rated again, by its decision: members or
 * organizations below it, decided or published; they go back to be reviewed at their cell or rated by
 * their committee again. One transaction: the decision, the records, an audit row each.
 */
export const orderRerate = command({
  input: OrderRerateSchema,
  load: async (tx, input) => {
    const ids = [...new Set(input.recordIds)];
    await lockForDecisions(tx, ids);
    const records = await tx.reviewRecord.findMany({ where: { id: { in: ids } }, select: LOCATED_SELECT });
    if (records.length !== ids.length || new Set(records.map((r) => r.cycleId)).size !== 1) return null;
    const ancestries = await ancestriesOf(
      records.map((r) => subjectOf(r).unitId),
      tx,
    );
    return records.map((record) => {
      const { kind, unitId } = subjectOf(record);
      return { record, kind, target: { organizationAncestry: ancestries.get(unitId) ?? [], ...(record.memberId ? { memberId: record.memberId } : {}) } };
    });
  },
  // Out of reach: not found; within reach but not the standing committee (or not decided yet): refused.
  authorize: (actor, located) =>
    located.every(({ record, kind, target }) => {
      if (!can(actor, "org:read", target)) return false;
      assertTransition(actor, "startRereview", { state: record.state, kind, target });
      return true;
    }),
  write: async ({ tx, actor, input, loaded: located }) => {
    const records = located.map((l) => l.record);
    const { decisionId, audit } = await writeRerateDecision(tx, actor, records, input.decision, records[0].cycleId);
    return { result: { decisionId, reopened: records.length }, audit };
  },
  transactionOptions: BULK_TRANSACTION,
});

/** The upper board proposes a re-rating of a decided or published result to the standing committee. */
export const proposeRerate = command({
  input: ProposeRerateSchema,
  load: async (tx, input) => {
    const record = await tx.reviewRecord.findUnique({ where: { id: input.recordId }, select: LOCATED_SELECT });
    return (
      record && {
        ...record,
        target: { organizationAncestry: await getOrgAncestry(subjectOf(record).unitId, tx), ...(record.memberId ? { memberId: record.memberId } : {}) },
      }
    );
  },
  authorize: (actor, record) => {
    if (!can(actor, "org:read", record.target)) return false;
    if (!can(actor, "rating:proposeRerate", record.target)) throw new DomainError("TRANSITION_NOT_ALLOWED");
    return true;
  },
  write: async ({ tx, actor, input, loaded: record }) => {
    if (record.state !== "DECIDED" && record.state !== "PUBLISHED") throw new DomainError("TRANSITION_NOT_ALLOWED");
    const proposal = await tx.rerateProposal.create({ data: { recordId: record.id, reason: input.reason, proposedById: actor.userId }, select: { id: true } });
    return {
      result: { proposalId: proposal.id },
      audit: recordAudit(record, "record.rerateProposal", { reason: input.reason, proposalId: proposal.id }),
    };
  },
});

/** The board's open proposals below an upper committee, for its standing committee to decide on. */
export async function listRerateProposals(actor: Actor, upperOrgId: string) {
  await authorizeOrg(actor, "rating:rereview", upperOrgId);
  const rows = await db.rerateProposal.findMany({
    where: { decisionId: null, record: { state: { in: ["DECIDED", "PUBLISHED"] }, cycle: { upperOrgId } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      proposedBy: { select: { displayName: true } },
      record: {
        select: {
          id: true,
          state: true,
          decidedLevel: true,
          member: { select: { fullName: true } },
          organization: { select: { name: true } },
          scopeOrg: { select: { name: true } },
        },
      },
    },
  });
  return rows.map((p) => ({
    proposalId: p.id,
    recordId: p.record.id,
    subject: p.record.member?.fullName ?? p.record.organization?.name ?? "",
    /** A member's record opens on its own page; an organization's is a row of the desk below. */
    isMember: p.record.member !== null,
    unit: p.record.scopeOrg.name,
    state: p.record.state,
    decidedLevel: p.record.decidedLevel,
    reason: p.reason,
    proposedBy: p.proposedBy.displayName,
    proposedOn: p.createdAt,
  }));
}
