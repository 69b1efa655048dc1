import "server-only";
import { NotFoundError, subtreeRoots, type Actor } from "@/lib/review/permissions";
import { Prisma, type OrgKind, type OrgSector } from "@/lib/generated/prisma/client";
import { reviewYearOn } from "@/lib/review/calendar";
import { db } from "./db";
import { authorizeOrg } from "./scope";

// Where a report looks: one unit the person may read reports of (report:read on it or above), the path
// from their top unit down to it, and the review years that have a cycle over it. Every report query
// then filters on that unit's subtree in SQL, so nothing outside the scope is ever counted.

export type ReportUnit = { id: string; code: string; name: string; kind: OrgKind; sector: OrgSector; parentId: string | null };

export type ReportScope = {
  unit: ReportUnit;
  /** From the top unit the person may read reports of, down to the unit's parent. */
  breadcrumbs: { id: string; name: string }[];
  /** Years with a review cycle over (or under) the unit, newest first. */
  years: number[];
};

export async function getReportScope(actor: Actor, unitId?: string | null): Promise<ReportScope> {
  const roots = subtreeRoots(actor, "report:read");
  if (!roots.length) throw new NotFoundError();
  let id = unitId ?? null;
  if (!id) {
    // The highest unit the person may read reports of: the upper committee for its board.
    const top = await db.organization.findFirst({ where: { id: { in: roots } }, orderBy: [{ depth: "asc" }, { code: "asc" }], select: { id: true } });
    if (!top) throw new NotFoundError();
    id = top.id;
  }
  const target = await authorizeOrg(actor, "report:read", id);
  const rootSet = new Set(roots);
  const ancestry = target.organizationAncestry.slice(1);
  const topIndex = ancestry.findLastIndex((a) => rootSet.has(a));
  const visible = topIndex >= 0 ? ancestry.slice(0, topIndex + 1) : [];
  const [unit, ancestors, years] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true, kind: true, sector: true, parentId: true } }),
    db.organization.findMany({ where: { id: { in: visible } }, select: { id: true, name: true, depth: true } }),
    db.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT cy.year FROM "ReviewCycle" cy
       WHERE cy."upperOrgId" IN (SELECT "ancestorId" FROM "OrgClosure" WHERE "descendantId" = ${id})
          OR cy."upperOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${id})
       ORDER BY cy.year DESC`,
  ]);
  return {
    unit,
    breadcrumbs: ancestors.sort((a, b) => a.depth - b.depth).map(({ id: aid, name }) => ({ id: aid, name })),
    years: years.map((y) => y.year),
  };
}

/** The year a report shows: the one asked for when it has a cycle, else the review year under way (or the newest). */
export function pickYear(scope: ReportScope, asked: number | null | undefined, prefer: "current" | "decided", decidedYears: number[] = []): number | null {
  if (asked && scope.years.includes(asked)) return asked;
  if (prefer === "decided" && decidedYears.length) return decidedYears[0];
  const current = reviewYearOn(new Date());
  if (scope.years.includes(current)) return current;
  return scope.years[0] ?? null;
}

/** Years whose review is published (or closed) over the unit, newest first: the years the reports quote. */
export async function listDecidedYears(unitId: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT cy.year FROM "ReviewCycle" cy
     WHERE cy.status IN ('PUBLISHED', 'CLOSED')
       AND (cy."upperOrgId" IN (SELECT "ancestorId" FROM "OrgClosure" WHERE "descendantId" = ${unitId})
         OR cy."upperOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId}))
     ORDER BY cy.year DESC`;
  return rows.map((r) => r.year);
}

/**
 * "The cycle `cy` is one over the unit": run by an upper committee above it (or at it) or below it. A
 * report's records all belong to such cycles, and saying so lets PostgreSQL read only those cycles'
 * records (one district's, not the province's fifteen).
 */
export function cycleOver(unitId: string): Prisma.Sql {
  return Prisma.sql`(cy."upperOrgId" IN (SELECT "ancestorId" FROM "OrgClosure" WHERE "descendantId" = ${unitId})
                  OR cy."upperOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId}))`;
}
