import "server-only";
import { decisionPublic } from "@/lib/review/disclosure";
import { can, NotFoundError, type Actor } from "@/lib/review/permissions";
import type { Level } from "@/lib/grading";
import { getCurrentCycle } from "./cycles";
import { db } from "./db";
import { getOrgAncestry } from "./scope";

// The published results of a cell (công khai, 366 Điều 15): what its members see once the committee has
// published — nothing before (a level decided but not published stays hidden), nothing outside the
// reader's scope.

export async function getPublishedResults(actor: Actor, cellId: string) {
  const ancestry = await getOrgAncestry(cellId);
  if (ancestry.length === 0 || !can(actor, "org:read", { organizationAncestry: ancestry })) throw new NotFoundError();
  const [cell, cycle] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: cellId }, select: { id: true, name: true } }),
    getCurrentCycle(cellId),
  ]);
  if (!cycle) return { cell, cycle: null, members: [], unit: null, pending: 0, own: null };
  const [publishedRecords, pending, unit, own] = await Promise.all([
    db.reviewRecord.findMany({
      where: { cycleId: cycle.id, scopeOrgId: cellId, subjectKind: "MEMBER", state: "PUBLISHED" },
      orderBy: { member: { nameSearch: "asc" } },
      select: { id: true, decidedLevel: true, publishedAt: true, member: { select: { fullName: true } } },
    }),
    db.reviewRecord.count({ where: { cycleId: cycle.id, scopeOrgId: cellId, subjectKind: "MEMBER", state: { notIn: ["PUBLISHED", "NOT_RATED"] } } }),
    db.reviewRecord.findFirst({ where: { cycleId: cycle.id, organizationId: cellId, state: "PUBLISHED" }, select: { decidedLevel: true } }),
    actor.memberId
      ? db.reviewRecord.findFirst({
          where: { cycleId: cycle.id, scopeOrgId: cellId, memberId: actor.memberId },
          select: { id: true, state: true, decidedLevel: true, decisionReason: true, proposedLevel: true },
        })
      : null,
  ]);
  // A remediation plan is there to read once it exists, or due when the level is NOT_COMPLETED (the
  // committee records it): any other published level has no plan to point to.
  const published = own?.state === "PUBLISHED" && actor.memberId !== null;
  const planItems = published ? await db.remediationItem.count({ where: { memberId: actor.memberId!, year: cycle.year } }) : 0;
  return {
    cell,
    cycle: { year: cycle.year },
    members: publishedRecords.map((r) => ({ recordId: r.id, fullName: r.member!.fullName, level: r.decidedLevel as Level })),
    unit: unit ? { level: unit.decidedLevel as Level } : null,
    pending,
    // The reader's own result, with the committee's reason, once published; before that only its state.
    own: own
      ? {
          recordId: own.id,
          state: own.state,
          level: decisionPublic(own.state) ? (own.decidedLevel as Level) : null,
          reason: decisionPublic(own.state) ? own.decisionReason : null,
          remediationPlan: published && (planItems > 0 || own.decidedLevel === "NOT_COMPLETED"),
        }
      : null,
  };
}
