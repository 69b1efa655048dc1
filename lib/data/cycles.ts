import "server-only";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { CycleDeadlinesSchema } from "@/lib/schemas/cycles";
import { writeAudit } from "./audit";
import { db } from "./db";
import { authorizeOrg } from "./scope";

const CYCLE_SELECT = {
  id: true,
  year: true,
  ruleSet: true,
  ratingDate: true,
  quotaBase: true,
  status: true,
  selfReviewDue: true,
  meetingsDue: true,
  grassrootsDue: true,
  upperDecisionDue: true,
  upperOrgId: true,
  version: true,
} as const;

/** The newest cycle that is not closed, of any upper committee above (or at) the organization. */
export async function getCurrentCycle(organizationId: string) {
  return db.reviewCycle.findFirst({
    where: {
      status: { not: "CLOSED" },
      upperOrg: { descendants: { some: { descendantId: organizationId } } },
    },
    orderBy: { year: "desc" },
    select: CYCLE_SELECT,
  });
}

export type CycleSummary = NonNullable<Awaited<ReturnType<typeof getCurrentCycle>>>;

export async function getCycleForEdit(actor: Actor, cycleId: string) {
  const cycle = await db.reviewCycle.findUnique({ where: { id: cycleId }, select: CYCLE_SELECT });
  if (!cycle) throw new NotFoundError();
  await authorizeOrg(actor, "cycle:manage", cycle.upperOrgId);
  return cycle;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Sets the phase deadlines of a cycle (the upper committee's plan). */
export async function updateCycleDeadlines(actor: Actor, raw: unknown) {
  const input = CycleDeadlinesSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { upperOrgId: string; version: number; status: string; selfReviewDue: Date; meetingsDue: Date; grassrootsDue: Date; upperDecisionDue: Date }[]
    >`SELECT "upperOrgId", version, status, "selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"
      FROM "ReviewCycle" WHERE id = ${input.cycleId} FOR UPDATE`;
    if (!row) throw new NotFoundError();
    await authorizeOrg(actor, "cycle:manage", row.upperOrgId, tx);
    if (row.status === "CLOSED") throw new DomainError("CYCLE_CLOSED");
    if (row.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const { upperOrgId, version: _v, status: _s, ...before } = row;
    const after = {
      selfReviewDue: toDate(input.selfReviewDue),
      meetingsDue: toDate(input.meetingsDue),
      grassrootsDue: toDate(input.grassrootsDue),
      upperDecisionDue: toDate(input.upperDecisionDue),
    };
    const updated = await tx.reviewCycle.update({
      where: { id: input.cycleId },
      data: { ...after, version: { increment: 1 } },
      select: { version: true },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "cycle.deadlines",
      entityType: "ReviewCycle",
      entityId: input.cycleId,
      organizationId: upperOrgId,
      data: { before, after },
    });
    return { version: updated.version };
  });
}
