import "server-only";
import { decisionPublic } from "@/lib/review/disclosure";
import { assertCan, can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import { toIsoDate } from "@/lib/i18n/format";
import { RemediationPlanSchema, RemediationStatusSchema } from "@/lib/schemas/decisions";
import { command } from "./command";
import { getCurrentCycle } from "./cycles";
import { db, type DbClient } from "./db";
import { getOrgAncestry } from "./scope";

// Remediation plans (kế hoạch khắc phục): every NOT_COMPLETED, and any shortcoming the committee chooses,
// gets items (shortcoming, measures, responsible person, deadline, status). The secretary follows them
// up at cell meetings; open items show on the member's pages and pre-fill next year's self-review.

/** A member's record with its cycle's year, and its target; null when there is none. */
async function recordTarget(recordId: string, client: DbClient = db) {
  const record = await client.reviewRecord.findUnique({
    where: { id: recordId },
    select: { id: true, memberId: true, scopeOrgId: true, state: true, decidedLevel: true, cycle: { select: { year: true } } },
  });
  if (!record?.memberId) return null;
  return { record, memberId: record.memberId, target: { organizationAncestry: await getOrgAncestry(record.scopeOrgId, client), memberId: record.memberId } };
}

/** True unless the officer acts on their own record, which is refused (OWN_RECORD): another officer does it. */
function notOwn(actor: Actor, memberId: string): true {
  if (actor.memberId === memberId) throw new DomainError("OWN_RECORD");
  return true;
}

/** The plan's items of a member's record, and what the actor may do with them. */
export async function getRemediation(actor: Actor, recordId: string) {
  const found = await recordTarget(recordId);
  if (!found) throw new NotFoundError();
  const { record, target } = found;
  assertCan(actor, "member:read", target);
  // A member sees their plan (and whether one is due) once the level is public (lib/review/disclosure.ts);
  // the committee and the secretary as soon as it exists.
  const isOwn = actor.memberId === record.memberId;
  const visible = !isOwn || decisionPublic(record.state);
  const items = visible
    ? await db.remediationItem.findMany({ where: { memberId: record.memberId!, year: record.cycle.year }, orderBy: [{ deadline: "asc" }, { id: "asc" }] })
    : [];
  const decided = record.state === "DECIDED" || record.state === "PUBLISHED";
  return {
    items: items.map((i) => ({
      id: i.id,
      shortcoming: i.shortcoming,
      measures: i.measures,
      responsible: i.responsible,
      deadline: toIsoDate(i.deadline),
      status: i.status,
    })),
    needed: visible && decided && record.decidedLevel === "NOT_COMPLETED" && items.length === 0,
    canPlan: decided && !isOwn && can(actor, "rating:decide", target),
    canFollowUp: !isOwn && (can(actor, "minutes:write", target) || can(actor, "rating:decide", target)),
    year: record.cycle.year,
  };
}

/** The committee records a plan for a decided member's record: one transaction, one audit row. */
export const createRemediationPlan = command({
  input: RemediationPlanSchema,
  load: (tx, input) => recordTarget(input.recordId, tx),
  authorize: (actor, { memberId, target }) => can(actor, "rating:decide", target) && notOwn(actor, memberId),
  write: async ({ tx, input, loaded: { record, memberId } }) => {
    if (record.state !== "DECIDED" && record.state !== "PUBLISHED") throw new DomainError("TRANSITION_NOT_ALLOWED");
    const cycle = await getCurrentCycle(record.scopeOrgId, tx);
    if (!cycle || cycle.year !== record.cycle.year) throw new DomainError("CYCLE_CLOSED");
    await tx.remediationItem.createMany({
      data: input.items.map((item) => ({
        memberId,
        year: record.cycle.year,
        shortcoming: item.shortcoming,
        measures: item.measures,
        responsible: item.responsible,
        deadline: new Date(`${item.deadline}T00:00:00Z`),
      })),
    });
    return {
      result: { created: input.items.length },
      audit: { action: "remediation.plan", entityId: record.id, organizationId: record.scopeOrgId, data: { items: input.items } },
    };
  },
});

/** The secretary (or the committee) follows an item up: open, in progress, done. Audited. */
export const updateRemediationStatus = command({
  input: RemediationStatusSchema,
  load: async (tx, input) => {
    const item = await tx.remediationItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, status: true, memberId: true, member: { select: { cellId: true } } },
    });
    return item && { ...item, target: { organizationAncestry: await getOrgAncestry(item.member.cellId, tx), memberId: item.memberId } };
  },
  authorize: (actor, item) => (can(actor, "minutes:write", item.target) || can(actor, "rating:decide", item.target)) && notOwn(actor, item.memberId),
  write: async ({ tx, input, loaded: item }) => {
    await tx.remediationItem.update({ where: { id: item.id }, data: { status: input.status } });
    const data = { before: { status: item.status }, after: { status: input.status } };
    return { result: { status: input.status }, audit: { action: "remediation.status", entityId: item.id, organizationId: item.member.cellId, data } };
  },
});
