import "server-only";
import { decisionPublic } from "@/lib/review/disclosure";
import { can, NotFoundError, type Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { toIsoDate } from "@/lib/i18n/format";
import { RemediationPlanSchema, RemediationStatusSchema } from "@/lib/schemas/decisions";
import { getCurrentCycle } from "./cycles";
import { db } from "./db";
import { getOrgAncestry } from "./scope";

// Remediation plans (kế hoạch khắc phục): every NOT_COMPLETED, and any shortcoming the committee chooses,
// gets items (shortcoming, measures, responsible person, deadline, status). The secretary follows them
// up at cell meetings; open items show on the member's pages and pre-fill next year's self-review.

async function recordTarget(recordId: string) {
  const record = await db.reviewRecord.findUnique({
    where: { id: recordId },
    select: { id: true, memberId: true, scopeOrgId: true, state: true, decidedLevel: true, cycle: { select: { year: true } } },
  });
  if (!record?.memberId) throw new NotFoundError();
  return { record, target: { organizationAncestry: await getOrgAncestry(record.scopeOrgId), memberId: record.memberId } };
}

/** The plan's items of a member's record, and what the actor may do with them. */
export async function getRemediation(actor: Actor, recordId: string) {
  const { record, target } = await recordTarget(recordId);
  if (!can(actor, "member:read", target)) throw new NotFoundError();
  // A member sees their plan (and whether one is due) once the level is public (lib/review/disclosure.ts);
  // the committee and the secretary as soon as it exists.
  const isOwn = actor.memberId === record.memberId;
  const visible = !isOwn || decisionPublic(record.state);
  const items = visible
    ? await db.remediationItem.findMany({ where: { memberId: record.memberId!, year: record.cycle.year }, orderBy: [{ deadline: "asc" }, { id: "asc" }] })
    : [];
  const decided = record.state === "DECIDED" || record.state === "PUBLISHED";
  return {
    items: items.map((i) => ({ id: i.id, shortcoming: i.shortcoming, measures: i.measures, responsible: i.responsible, deadline: toIsoDate(i.deadline), status: i.status })),
    needed: visible && decided && record.decidedLevel === "NOT_COMPLETED" && items.length === 0,
    canPlan: decided && !isOwn && can(actor, "rating:decide", target),
    canFollowUp: !isOwn && (can(actor, "minutes:write", target) || can(actor, "rating:decide", target)),
    year: record.cycle.year,
  };
}

/** The committee records a plan for a decided member's record: one transaction, one audit row. */
export async function createRemediationPlan(actor: Actor, raw: unknown) {
  const input = RemediationPlanSchema.parse(raw);
  const { record, target } = await recordTarget(input.recordId);
  if (!can(actor, "rating:decide", target)) throw new NotFoundError();
  if (actor.memberId === record.memberId) throw new DomainError("OWN_RECORD");
  if (record.state !== "DECIDED" && record.state !== "PUBLISHED") throw new DomainError("TRANSITION_NOT_ALLOWED");
  const cycle = await getCurrentCycle(record.scopeOrgId);
  if (!cycle || cycle.year !== record.cycle.year) throw new DomainError("CYCLE_CLOSED");
  return db.$transaction(async (tx) => {
    await tx.remediationItem.createMany({
      data: input.items.map((item) => ({
        memberId: record.memberId!,
        year: record.cycle.year,
        shortcoming: item.shortcoming,
        measures: item.measures,
        responsible: item.responsible,
        deadline: new Date(`${item.deadline}T00:00:00Z`),
      })),
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "remediation.plan",
        entityType: "ReviewRecord",
        entityId: record.id,
        organizationId: record.scopeOrgId,
        data: { items: input.items },
      },
    });
    return { created: input.items.length };
  });
}

/** The secretary (or the committee) follows an item up: open, in progress, done. Audited. */
export async function updateRemediationStatus(actor: Actor, raw: unknown) {
  const input = RemediationStatusSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const item = await tx.remediationItem.findUnique({ where: { id: input.itemId }, select: { id: true, status: true, memberId: true, member: { select: { cellId: true } } } });
    if (!item) throw new NotFoundError();
    const target = { organizationAncestry: await getOrgAncestry(item.member.cellId, tx), memberId: item.memberId };
    if (!can(actor, "minutes:write", target) && !can(actor, "rating:decide", target)) throw new NotFoundError();
    if (actor.memberId === item.memberId) throw new DomainError("OWN_RECORD");
    await tx.remediationItem.update({ where: { id: item.id }, data: { status: input.status } });
    await tx.auditLog.create({
      data: { actorId: actor.userId, action: "remediation.status", entityType: "RemediationItem", entityId: item.id, organizationId: item.member.cellId, data: { before: { status: item.status }, after: { status: input.status } } },
    });
    return { status: input.status };
  });
}
