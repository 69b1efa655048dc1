import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { RemediationStatus } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/i18n/format";
import { db } from "./db";
import { getReportScope, listDecidedYears, pickYear, type ReportScope } from "./report-scope";

// The lists that follow a year's decisions (docs/rating-rules.md, "After the decision"): the year's
// EXCELLENT (the grassroots committee's giấy khen), five EXCELLENT years running for members and
// organizations (the upper standing committee's giấy khen, the province's bằng khen), two NOT_COMPLETED
// years running (education and screening), and the remediation items still open, by due date. Every
// list is a query over the viewer's subtree; long ones are paged in SQL and exported whole.

export const LIST_KINDS = ["excellent", "streak", "notCompleted", "remediation"] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_PAGE_SIZE = 50;

export type ListedMember = { memberId: string; fullName: string; cardNumber: string; cell: string; grassroots: string };
export type ListedOrganization = { organizationId: string; code: string; name: string; parent: string | null };
export type RemediationRow = ListedMember & { id: string; year: number; shortcoming: string; measures: string; responsible: string; deadline: string; status: RemediationStatus; overdue: boolean };

export type Recognition = ReportScope & {
  year: number | null;
  counts: { excellentMembers: number; excellentOrganizations: number; streakMembers: number; streakOrganizations: number; notCompleted: number; remediation: number };
  excellentMembers: ListedMember[];
  excellentOrganizations: ListedOrganization[];
  streakMembers: ListedMember[];
  streakOrganizations: ListedOrganization[];
  notCompleted: ListedMember[];
  remediation: RemediationRow[];
  page: number;
};

export const STREAK_YEARS = 5;

type Paging = { offset: number; limit: number };
const ALL: Paging = { offset: 0, limit: 1_000_000_000 };

/** Members of the unit whose level in each of the years [from, to] was `level` (to = the year shown). */
export function listMembersWithLevel(unitId: string, from: number, to: number, level: "EXCELLENT" | "NOT_COMPLETED", paging: Paging = ALL) {
  // `total` counts the whole list beside the page, so one query gives both.
  return db.$queryRaw<(ListedMember & { total: number })[]>`
    WITH this_year AS (
      SELECT r."memberId" FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${to}
       WHERE r."subjectKind" = 'MEMBER' AND r."decidedLevel" = ${level}::"RatingLevel"
         AND r."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
    ), qualified AS (
      SELECT r."memberId" FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year BETWEEN ${from} AND ${to}
       WHERE r."memberId" IN (SELECT "memberId" FROM this_year) AND r."decidedLevel" = ${level}::"RatingLevel"
       GROUP BY r."memberId" HAVING count(DISTINCT cy.year) = ${to - from + 1}
    )
    SELECT m.id AS "memberId", m."fullName", m."cardNumber", c.name AS cell, g.name AS grassroots, (count(*) OVER ())::int AS total
      FROM qualified q JOIN "Member" m ON m.id = q."memberId"
      JOIN "Organization" c ON c.id = m."cellId" JOIN "Organization" g ON g.id = m."grassrootsId"
     ORDER BY g.code, c.code, m."nameSearch", m.id
     OFFSET ${paging.offset} LIMIT ${paging.limit}`;
}

export async function countMembersWithLevel(unitId: string, from: number, to: number, level: "EXCELLENT" | "NOT_COMPLETED"): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT r."memberId" FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year BETWEEN ${from} AND ${to}
       WHERE r."subjectKind" = 'MEMBER' AND r."decidedLevel" = ${level}::"RatingLevel"
         AND r."memberId" IN (SELECT r2."memberId" FROM "ReviewRecord" r2 JOIN "ReviewCycle" c2 ON c2.id = r2."cycleId" AND c2.year = ${to}
                               WHERE r2."decidedLevel" = ${level}::"RatingLevel" AND r2."subjectKind" = 'MEMBER'
                                 AND r2."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId}))
       GROUP BY r."memberId" HAVING count(DISTINCT cy.year) = ${to - from + 1}) q`;
  return row.n;
}

/** Organizations of the unit's subtree EXCELLENT in each of the years [from, to]. */
export function listOrganizationsExcellent(unitId: string, from: number, to: number) {
  return db.$queryRaw<ListedOrganization[]>`
    SELECT o.id AS "organizationId", o.code, o.name, p.name AS parent
      FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year BETWEEN ${from} AND ${to}
      JOIN "Organization" o ON o.id = r."organizationId"
      LEFT JOIN "Organization" p ON p.id = o."parentId"
     WHERE r."subjectKind" = 'ORGANIZATION' AND r."decidedLevel" = 'EXCELLENT'
       AND r."organizationId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
     GROUP BY o.id, o.code, o.name, p.name
    HAVING count(DISTINCT cy.year) = ${to - from + 1}
     ORDER BY o.code`;
}

/** Remediation items not done, of members whose cell is in the unit's subtree, by due date. */
export function listOpenRemediation(unitId: string, today: string, paging: Paging = ALL) {
  return db.$queryRaw<RemediationRow[]>`
    SELECT ri.id, ri.year, ri.shortcoming, ri.measures, ri.responsible, to_char(ri.deadline, 'YYYY-MM-DD') AS deadline, ri.status,
           ri.deadline < ${today}::date AS overdue,
           m.id AS "memberId", m."fullName", m."cardNumber", c.name AS cell, g.name AS grassroots
      FROM "RemediationItem" ri JOIN "Member" m ON m.id = ri."memberId"
      JOIN "Organization" c ON c.id = m."cellId" JOIN "Organization" g ON g.id = m."grassrootsId"
     WHERE ri.status <> 'DONE'
       AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
     ORDER BY ri.deadline, g.code, c.code, m."nameSearch", ri.id
     OFFSET ${paging.offset} LIMIT ${paging.limit}`;
}

async function countOpenRemediation(unitId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "RemediationItem" ri JOIN "Member" m ON m.id = ri."memberId"
     WHERE ri.status <> 'DONE' AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})`;
  return row.n;
}

export async function getRecognition(
  actor: Actor,
  query: { unit?: string | null; year?: number | null; list?: ListKind | null; page?: number | null },
  today: string = toIsoDate(new Date()),
): Promise<Recognition> {
  const scope = await getReportScope(actor, query.unit);
  const unitId = scope.unit.id;
  const year = pickYear(scope, query.year, "decided", await listDecidedYears(unitId));
  const page = Math.max(1, query.page ?? 1);
  const paged = (kind: ListKind): Paging => (query.list === kind ? { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE } : { offset: 0, limit: LIST_PAGE_SIZE });
  const remediationCount = await countOpenRemediation(unitId);
  if (year === null) {
    return {
      ...scope, year, page,
      counts: { excellentMembers: 0, excellentOrganizations: 0, streakMembers: 0, streakOrganizations: 0, notCompleted: 0, remediation: remediationCount },
      excellentMembers: [], excellentOrganizations: [], streakMembers: [], streakOrganizations: [], notCompleted: [],
      remediation: await listOpenRemediation(unitId, today, paged("remediation")),
    };
  }
  const from = year - STREAK_YEARS + 1;
  // A page past the end of a list has no row to carry the count: count it alone then.
  const listed = async (from: number, level: "EXCELLENT" | "NOT_COMPLETED", kind: ListKind) => {
    const rows = await listMembersWithLevel(unitId, from, year, level, paged(kind));
    const total = rows[0]?.total ?? (paged(kind).offset > 0 ? await countMembersWithLevel(unitId, from, year, level) : 0);
    return [rows.map(({ total: _t, ...row }) => row), total] as const;
  };
  const [[excellentMembers, excellentCount], excellentOrganizations, [streakMembers, streakCount], streakOrganizations, [notCompleted, notCompletedCount], remediation] = await Promise.all([
    listed(year, "EXCELLENT", "excellent"),
    listOrganizationsExcellent(unitId, year, year),
    listed(from, "EXCELLENT", "streak"),
    listOrganizationsExcellent(unitId, from, year),
    listed(year - 1, "NOT_COMPLETED", "notCompleted"),
    listOpenRemediation(unitId, today, paged("remediation")),
  ]);
  return {
    ...scope,
    year,
    page,
    counts: {
      excellentMembers: excellentCount,
      excellentOrganizations: excellentOrganizations.length,
      streakMembers: streakCount,
      streakOrganizations: streakOrganizations.length,
      notCompleted: notCompletedCount,
      remediation: remediationCount,
    },
    excellentMembers,
    excellentOrganizations,
    streakMembers,
    streakOrganizations,
    notCompleted,
    remediation,
  };
}
