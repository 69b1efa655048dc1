import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { Prisma, type RuleSetId } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { getReportScope, listDecidedYears, pickYear, type ReportScope } from "./report-scope";

// The statistics of a year as the year-end reports and the press give them ("… đảng viên được đánh
// giá, xếp loại; HTXSNV … chiếm …%"): who was to be reviewed, reviewed, rated and not rated (by
// reason), and count and share per decided level — for members by unit, by sector and by peer group,
// for grassroots organizations and subordinate cells, against the year before, and under QD366_HD43 the
// distribution of the 100-point score. Aggregates in SQL only: one GROUP BY per table, whatever the size.

export const LEVEL_KEYS = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

export type LevelCounts = {
  key: string;
  label: string;
  /** Records of the year: everyone present for the review. */
  total: number;
  notRated: number;
  notRatedExempt: number;
  notRatedSuspended: number;
  notRatedNewMember: number;
  notRatedNewOrganization: number;
  notRatedOther: number;
  /** To be rated: total minus not rated. */
  toRate: number;
  /** Reviewed at the meeting or beyond. */
  reviewed: number;
  absent: number;
  /** With a decided level. */
  rated: number;
  EXCELLENT: number;
  GOOD: number;
  COMPLETED: number;
  NOT_COMPLETED: number;
};

export type ScoreBucket = { from: number; to: number; count: number };

export type Statistics = ReportScope & {
  year: number | null;
  ruleSet: RuleSetId | null;
  members: LevelCounts | null;
  membersLastYear: LevelCounts | null;
  grassroots: LevelCounts | null;
  subordinate: LevelCounts | null;
  byUnit: LevelCounts[];
  bySector: LevelCounts[];
  byPeerGroup: LevelCounts[];
  organizationsBySector: LevelCounts[];
  disciplined: { members: number; byForm: { form: string; count: number }[] };
  /** QD366_HD43: decided or proposed members' total scores in 10-point buckets (90–100 the last). */
  scoreBuckets: ScoreBucket[];
  /** The rules' four bands: from 90, 70 to under 90, 50 to under 70, under 50. */
  scoreBands: { band: LevelKey; count: number }[];
  scored: number;
};

const COUNT_COLUMNS = Prisma.sql`
  count(*)::int AS total,
  count(*) FILTER (WHERE r.state = 'NOT_RATED')::int AS "notRated",
  count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT')::int AS "notRatedExempt",
  count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED')::int AS "notRatedSuspended",
  count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER')::int AS "notRatedNewMember",
  count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION')::int AS "notRatedNewOrganization",
  count(*) FILTER (WHERE r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER'))::int AS "notRatedOther",
  count(*) FILTER (WHERE r.state IN ('REVIEWED', 'DECIDED', 'PUBLISHED', 'UNDER_REREVIEW'))::int AS reviewed,
  count(*) FILTER (WHERE r.state = 'ABSENT')::int AS absent,
  count(*) FILTER (WHERE r."decidedLevel" IS NOT NULL)::int AS rated,
  count(*) FILTER (WHERE r."decidedLevel" = 'EXCELLENT')::int AS "EXCELLENT",
  count(*) FILTER (WHERE r."decidedLevel" = 'GOOD')::int AS "GOOD",
  count(*) FILTER (WHERE r."decidedLevel" = 'COMPLETED')::int AS "COMPLETED",
  count(*) FILTER (WHERE r."decidedLevel" = 'NOT_COMPLETED')::int AS "NOT_COMPLETED"`;

type Row = Omit<LevelCounts, "toRate" | "label"> & { label: string | null };
const finish = (r: Row): LevelCounts => ({ ...r, label: r.label ?? r.key, toRate: r.total - r.notRated });

/** Member records of a year under a unit, grouped by `key` (a trusted SQL expression of r, m, g, pg). */
function memberCounts(unitId: string, year: number, key: Prisma.Sql, label: Prisma.Sql, joins: Prisma.Sql = Prisma.empty) {
  return db.$queryRaw<Row[]>`
    SELECT ${key} AS key, min(${label}) AS label, ${COUNT_COLUMNS}
      FROM "ReviewRecord" r
      JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${year}
      ${joins}
     WHERE r."subjectKind" = 'MEMBER'
       AND r."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
     GROUP BY 1 ORDER BY 1`;
}

/** Organization records of a year under a unit (the unit itself included), grouped by `key` of o. */
function organizationCounts(unitId: string, year: number, key: Prisma.Sql, label: Prisma.Sql) {
  return db.$queryRaw<Row[]>`
    SELECT ${key} AS key, min(${label}) AS label, ${COUNT_COLUMNS}
      FROM "ReviewRecord" r
      JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${year}
      JOIN "Organization" o ON o.id = r."organizationId"
     WHERE r."subjectKind" = 'ORGANIZATION'
       AND r."organizationId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
     GROUP BY 1 ORDER BY 1`;
}

const GRASSROOTS_OR_SUBORDINATE = Prisma.sql`CASE WHEN o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') THEN 'GRASSROOTS' ELSE 'SUBORDINATE' END`;

export async function getStatistics(actor: Actor, query: { unit?: string | null; year?: number | null }): Promise<Statistics> {
  const scope = await getReportScope(actor, query.unit);
  const unitId = scope.unit.id;
  const year = pickYear(scope, query.year, "decided", await listDecidedYears(unitId));
  const empty: Statistics = {
    ...scope, year, ruleSet: null, members: null, membersLastYear: null, grassroots: null, subordinate: null, byUnit: [], bySector: [], byPeerGroup: [],
    organizationsBySector: [], disciplined: { members: 0, byForm: [] }, scoreBuckets: [], scoreBands: [], scored: 0,
  };
  if (year === null) return empty;

  const all = Prisma.sql`'ALL'`;
  const [members, lastYear, orgClasses, byUnit, bySector, byPeerGroup, orgBySector, disciplines, scores, ruleSets] = await Promise.all([
    memberCounts(unitId, year, all, all),
    memberCounts(unitId, year - 1, all, all),
    organizationCounts(unitId, year, GRASSROOTS_OR_SUBORDINATE, GRASSROOTS_OR_SUBORDINATE),
    // By the unit's children: each record counted under the child whose subtree holds its cell.
    memberCounts(
      unitId,
      year,
      Prisma.sql`u.code`,
      Prisma.sql`u.name`,
      Prisma.sql`JOIN "OrgClosure" uc ON uc."descendantId" = r."scopeOrgId" JOIN "Organization" u ON u.id = uc."ancestorId" AND u."parentId" = ${unitId}`,
    ),
    // The sector of the member's grassroots organization.
    memberCounts(unitId, year, Prisma.sql`g.sector::text`, Prisma.sql`g.sector::text`, Prisma.sql`JOIN "Member" m ON m.id = r."memberId" JOIN "Organization" g ON g.id = m."grassrootsId"`),
    memberCounts(unitId, year, Prisma.sql`COALESCE(pg.code, '—')`, Prisma.sql`COALESCE(pg.name, '—')`, Prisma.sql`LEFT JOIN "PeerGroup" pg ON pg.id = r."peerGroupId"`),
    organizationCounts(unitId, year, Prisma.sql`o.sector::text`, Prisma.sql`o.sector::text`),
    db.$queryRaw<{ form: string; members: number }[]>`
      SELECT d.form::text AS form, count(DISTINCT d."memberId")::int AS members
        FROM "Discipline" d JOIN "Member" m ON m.id = d."memberId"
       WHERE d."decidedOn" >= make_date(${year}, 1, 1) AND d."decidedOn" < make_date(${year + 1}, 1, 1)
         AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
       GROUP BY ROLLUP (d.form) ORDER BY 1`,
    db.$queryRaw<{ bucket: number; count: number }[]>`
      SELECT LEAST(("scoreGeneralTenths" + "scoreResultsTenths") / 100, 9)::int AS bucket, count(*)::int AS count
        FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${year} AND cy."ruleSet" = 'QD366_HD43'
       WHERE r."subjectKind" = 'MEMBER' AND r.state <> 'NOT_RATED'
         AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL
         AND r."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
       GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ ruleSet: RuleSetId }[]>`
      SELECT DISTINCT cy."ruleSet"::text AS "ruleSet" FROM "ReviewCycle" cy
       WHERE cy.year = ${year}
         AND (cy."upperOrgId" IN (SELECT "ancestorId" FROM "OrgClosure" WHERE "descendantId" = ${unitId})
           OR cy."upperOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId}))`,
  ]);

  const bucketCount = (b: number) => scores.find((s) => s.bucket === b)?.count ?? 0;
  const scoreBuckets = Array.from({ length: 10 }, (_, b) => ({ from: b * 10, to: b === 9 ? 100 : b * 10 + 10, count: bucketCount(b) }));
  const sum = (from: number, to: number) => scores.filter((s) => s.bucket >= from && s.bucket < to).reduce((n, s) => n + s.count, 0);
  const totalRow = disciplines.find((d) => d.form === null);

  return {
    ...scope,
    year,
    ruleSet: ruleSets[0]?.ruleSet ?? null,
    members: members[0] ? finish(members[0]) : null,
    membersLastYear: lastYear[0] ? finish(lastYear[0]) : null,
    grassroots: orgClasses.find((r) => r.key === "GRASSROOTS") ? finish(orgClasses.find((r) => r.key === "GRASSROOTS")!) : null,
    subordinate: orgClasses.find((r) => r.key === "SUBORDINATE") ? finish(orgClasses.find((r) => r.key === "SUBORDINATE")!) : null,
    byUnit: byUnit.map(finish),
    bySector: bySector.map(finish),
    byPeerGroup: byPeerGroup.map(finish),
    organizationsBySector: orgBySector.map(finish),
    disciplined: { members: totalRow?.members ?? 0, byForm: disciplines.filter((d) => d.form !== null).map((d) => ({ form: d.form, count: d.members })) },
    scoreBuckets: scores.length ? scoreBuckets : [],
    scoreBands: scores.length
      ? [
          { band: "EXCELLENT", count: sum(9, 10) },
          { band: "GOOD", count: sum(7, 9) },
          { band: "COMPLETED", count: sum(5, 7) },
          { band: "NOT_COMPLETED", count: sum(0, 5) },
        ]
      : [],
    scored: scores.reduce((n, s) => n + s.count, 0),
  };
}
