import "server-only";
import type { Actor } from "@/lib/review/permissions";
import { Prisma, type RemediationStatus } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/i18n/format";
import { db } from "./db";
import { cyclesOver } from "./record-tally";
import { getReportScope, listDecidedYears, pickYear, type ReportScope } from "./report-scope";

// The lists that follow a year's decisions (docs/rating-rules.md, "After the decision"): the year's
// EXCELLENT (the grassroots committee's giấy khen), five EXCELLENT years running for members and
// organizations (the upper standing committee's giấy khen, the province's bằng khen), two NOT_COMPLETED
// years running (education and screening), and the remediation items still open, by due date. Every
// list is a query over the viewer's subtree; long ones are paged in SQL and exported whole.

export const LIST_KINDS = ["excellent", "streak", "notCompleted", "remediation", "excellentOrganizations", "streakOrganizations"] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_PAGE_SIZE = 50;

export type ListedMember = { memberId: string; fullName: string; cardNumber: string; cell: string; grassroots: string };
export type ListedOrganization = { organizationId: string; code: string; name: string; parent: string | null };
export type RemediationRow = ListedMember & {
  id: string;
  year: number;
  shortcoming: string;
  measures: string;
  responsible: string;
  deadline: string;
  status: RemediationStatus;
  overdue: boolean;
};

export type Recognition = ReportScope & {
  year: number | null;
  counts: {
    excellentMembers: number;
    excellentOrganizations: number;
    streakMembers: number;
    streakOrganizations: number;
    notCompleted: number;
    remediation: number;
  };
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

/**
 * The members of the unit's subtree with `level` in the year `to` (their cell that year beside them), and
 * in each year of [from, to) before it, anywhere: a member who moved in keeps their earlier years. Each
 * year's set is read from the index of decided levels per cycle and the sets are intersected, never
 * walked member by member.
 */
function membersWithLevel(unitId: string, cycleIds: string[], from: number, to: number, level: "EXCELLENT" | "NOT_COMPLETED") {
  const earlierYears =
    from === to
      ? Prisma.empty
      : Prisma.sql`WHERE y."memberId" IN (
          SELECT r."memberId" FROM "ReviewRecord" r
            JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year >= ${from} AND cy.year < ${to}
           WHERE r."decidedLevel" = ${level}::"RatingLevel" AND r."memberId" IN (SELECT "memberId" FROM this_year)
           GROUP BY r."memberId" HAVING count(DISTINCT cy.year) = ${to - from})`;
  // Common table expressions for a WITH clause: `qualified` ("memberId", cell) is the list.
  return Prisma.sql`
    this_year AS MATERIALIZED (
      SELECT r."memberId", r."scopeOrgId" AS cell FROM "ReviewRecord" r
       WHERE r."cycleId" = ANY(${cycleIds}::text[]) AND r."decidedLevel" = ${level}::"RatingLevel" AND r."memberId" IS NOT NULL
         AND r."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
    ), qualified AS MATERIALIZED (
      SELECT y."memberId", y.cell FROM this_year y ${earlierYears}
    )`;
}

/**
 * Members of the unit whose level in each of the years [from, to] was `level` (to = the year shown), by
 * their cell that year (in code order) and name. A page needs the names of its own cells only: the cells
 * are counted first and the page's rows placed by those counts, so a province's 30,000 EXCELLENT members
 * are never joined to their names to show fifty.
 */
export async function listMembersWithLevel(unitId: string, from: number, to: number, level: "EXCELLENT" | "NOT_COMPLETED", paging: Paging = ALL) {
  const cycleIds = (await cyclesOver(unitId, [to])).get(to)!;
  return db.$queryRaw<(ListedMember & { total: number })[]>`
    WITH ${membersWithLevel(unitId, cycleIds, from, to, level)},
    cells AS (
      SELECT q.cell AS id, c.code, c.name, count(*)::int AS n FROM qualified q JOIN "Organization" c ON c.id = q.cell GROUP BY 1, 2, 3
    ), placed AS (
      SELECT id, code, name, n, (sum(n) OVER (ORDER BY code, id) - n)::int AS before, (sum(n) OVER ())::int AS total FROM cells
    ), page_cells AS MATERIALIZED (
      SELECT * FROM placed WHERE before < ${paging.offset + paging.limit} AND before + n > ${paging.offset}
    ), rows AS (
      SELECT m.id AS "memberId", m."fullName", m."cardNumber", pc.id AS "cellId", pc.name AS cell, pc.code, pc.total, m."nameSearch",
             pc.before + row_number() OVER (PARTITION BY pc.id ORDER BY m."nameSearch", m.id) AS position
        FROM page_cells pc JOIN qualified q ON q.cell = pc.id JOIN "Member" m ON m.id = q."memberId"
    )
    SELECT x."memberId", x."fullName", x."cardNumber", x.cell, x.total,
           (SELECT g.name FROM "OrgClosure" gc JOIN "Organization" g ON g.id = gc."ancestorId"
             WHERE gc."descendantId" = x."cellId" AND g.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') LIMIT 1) AS grassroots
      FROM rows x
     WHERE x.position > ${paging.offset} AND x.position <= ${paging.offset + paging.limit}
     ORDER BY x.position`;
}

export async function countMembersWithLevel(unitId: string, from: number, to: number, level: "EXCELLENT" | "NOT_COMPLETED"): Promise<number> {
  const cycleIds = (await cyclesOver(unitId, [to])).get(to)!;
  const [row] = await db.$queryRaw<{ n: number }[]>`WITH ${membersWithLevel(unitId, cycleIds, from, to, level)} SELECT count(*)::int AS n FROM qualified`;
  return row.n;
}

/** Organizations of the unit's subtree EXCELLENT in each of the years [from, to], from the records' tally. */
export async function listOrganizationsExcellent(unitId: string, from: number, to: number) {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const cycleIds = [...(await cyclesOver(unitId, years)).values()].flat();
  return db.$queryRaw<ListedOrganization[]>`
    SELECT o.id AS "organizationId", o.code, o.name, p.name AS parent
      FROM "RecordTally" t JOIN "ReviewCycle" cy ON cy.id = t."cycleId"
      JOIN "Organization" o ON o.id = t."scopeOrgId"
      LEFT JOIN "Organization" p ON p.id = o."parentId"
     WHERE t."cycleId" = ANY(${cycleIds}::text[]) AND t."subjectKind" = 'ORGANIZATION' AND t.excellent > 0
       AND t."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
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
  const paged = (kind: ListKind): Paging =>
    query.list === kind ? { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE } : { offset: 0, limit: LIST_PAGE_SIZE };
  if (year === null) {
    const remediationCount = await countOpenRemediation(unitId);
    return {
      ...scope,
      year,
      page,
      counts: { excellentMembers: 0, excellentOrganizations: 0, streakMembers: 0, streakOrganizations: 0, notCompleted: 0, remediation: remediationCount },
      excellentMembers: [],
      excellentOrganizations: [],
      streakMembers: [],
      streakOrganizations: [],
      notCompleted: [],
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
  const [
    [excellentMembers, excellentCount],
    excellentOrganizations,
    [streakMembers, streakCount],
    streakOrganizations,
    [notCompleted, notCompletedCount],
    remediation,
    remediationCount,
  ] = await Promise.all([
    listed(year, "EXCELLENT", "excellent"),
    listOrganizationsExcellent(unitId, year, year),
    listed(from, "EXCELLENT", "streak"),
    listOrganizationsExcellent(unitId, from, year),
    listed(year - 1, "NOT_COMPLETED", "notCompleted"),
    listOpenRemediation(unitId, today, paged("remediation")),
    countOpenRemediation(unitId),
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
    // A province has a thousand EXCELLENT organizations: counted whole, shown a page at a time.
    excellentOrganizations: pageOf(excellentOrganizations, paged("excellentOrganizations")),
    streakMembers,
    streakOrganizations: pageOf(streakOrganizations, paged("streakOrganizations")),
    notCompleted,
    remediation,
  };
}

const pageOf = <T>(rows: T[], paging: Paging): T[] => rows.slice(paging.offset, paging.offset + paging.limit);
