import "server-only";
import { getUnitRating } from "./unit-ratings";
import type { Actor } from "@/lib/review/permissions";
import type { NotRatedReason, OrgKind, RatingLevel, RuleSetId } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { getMeetingPage } from "./meetings";
import { getReportScope, listDecidedYears, pickYear } from "./report-scope";
import { getSelfReviewPage } from "./self-reviews";
import { authorizeOrg } from "./scope";

// What the official documents print, read under the same checks as the pages they come from.

export type OrgHeading = { name: string; kind: OrgKind; parentName: string | null; upperCommittee: string | null };

/** The unit, its parent, and the upper committee above it: the header of its documents. */
async function headingOf(orgId: string): Promise<OrgHeading> {
  const [org, upperRow] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, kind: true, parent: { select: { name: true } } } }),
    db.$queryRaw<{ name: string }[]>`
      SELECT o.name FROM "OrgClosure" c JOIN "Organization" o ON o.id = c."ancestorId"
       WHERE c."descendantId" = ${orgId} AND c.distance > 0 AND o.kind = 'UPPER_COMMITTEE'
       ORDER BY c.distance LIMIT 1`,
  ]);
  return { name: org.name, kind: org.kind, parentName: org.parent?.name ?? null, upperCommittee: upperRow[0]?.name ?? null };
}

export async function getSelfReviewDocument(actor: Actor, recordId: string) {
  const page = await getSelfReviewPage(actor, recordId);
  const cell = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId }, select: { scopeOrgId: true } });
  return { page, heading: await headingOf(cell.scopeOrgId) };
}

export async function getMinutesDocument(actor: Actor, cellId: string) {
  const page = await getMeetingPage(actor, cellId);
  if (!page) return null;
  return { page, heading: await headingOf(cellId) };
}

export type DecidedMember = { fullName: string; cardNumber: string; cell: string; level: RatingLevel | null; notRatedReason: NotRatedReason | null };

/** The grassroots committee's list of its members' decided levels for a year (report:read on the unit). */
export async function getMemberLevelsDocument(actor: Actor, query: { unit?: string | null; year?: number | null }) {
  const scope = await getReportScope(actor, query.unit);
  const year = pickYear(scope, query.year, "decided", await listDecidedYears(scope.unit.id));
  const rows = year
    ? await db.$queryRaw<DecidedMember[]>`
        SELECT m."fullName", m."cardNumber", c.name AS cell, r."decidedLevel" AS level, r."notRatedReason"
          FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${year}
          JOIN "Member" m ON m.id = r."memberId" JOIN "Organization" c ON c.id = r."scopeOrgId"
         WHERE r."subjectKind" = 'MEMBER'
           AND r."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${scope.unit.id})
         ORDER BY c.code, m."nameSearch", m.id`
    : [];
  return { unit: scope.unit, year, rows, ruleSet: await ruleSetOf(scope.unit.id, year), heading: await headingOf(scope.unit.id) };
}

export type DecidedOrganization = { name: string; code: string; level: RatingLevel | null; notRatedReason: NotRatedReason | null };

/** The standing committee's decision on its grassroots organizations' levels (report:read on the upper committee). */
export async function getOrganizationLevelsDocument(actor: Actor, query: { unit?: string | null; year?: number | null }) {
  const scope = await getReportScope(actor, query.unit);
  await authorizeOrg(actor, "report:read", scope.unit.id);
  const year = pickYear(scope, query.year, "decided", await listDecidedYears(scope.unit.id));
  const rows = year
    ? await db.$queryRaw<DecidedOrganization[]>`
        SELECT o.name, o.code, r."decidedLevel" AS level, r."notRatedReason"
          FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${year}
          JOIN "Organization" o ON o.id = r."organizationId"
         WHERE r."subjectKind" = 'ORGANIZATION' AND o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO')
           AND r."organizationId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${scope.unit.id})
         ORDER BY o.code`
    : [];
  const heading = await db.organization.findUniqueOrThrow({
    where: { id: scope.unit.id },
    select: { name: true, kind: true, parent: { select: { name: true } } },
  });
  return {
    unit: scope.unit,
    year,
    rows,
    ruleSet: await ruleSetOf(scope.unit.id, year),
    heading: { name: heading.name, kind: heading.kind, parentName: heading.parent?.name ?? null, upperCommittee: null } satisfies OrgHeading,
  };
}

export async function getUnitHeading(unitId: string): Promise<OrgHeading> {
  return headingOf(unitId);
}

async function ruleSetOf(unitId: string, year: number | null): Promise<RuleSetId | null> {
  if (!year) return null;
  const [row] = await db.$queryRaw<{ ruleSet: RuleSetId }[]>`
    SELECT cy."ruleSet"::text AS "ruleSet" FROM "ReviewCycle" cy
     WHERE cy.year = ${year}
       AND (cy."upperOrgId" IN (SELECT "ancestorId" FROM "OrgClosure" WHERE "descendantId" = ${unitId})
         OR cy."upperOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId}))
     LIMIT 1`;
  return row?.ruleSet ?? null;
}

/** A unit's own report of the year (Mẫu 01) as its people see it on the unit's page (org:read on the unit). */
export async function getCollectiveReviewDocument(actor: Actor, unitId: string) {
  const unit = await getUnitRating(actor, unitId);
  if (!unit) return null;
  const [organization, cycle] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: unitId }, select: { name: true, code: true } }),
    db.reviewCycle.findUniqueOrThrow({ where: { id: unit.cycleId }, select: { year: true } }),
  ]);
  return { unit, organization, year: cycle.year, heading: await headingOf(unitId) };
}
