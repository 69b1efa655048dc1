import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { Prisma, type RuleSetId } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { TALLY_FIGURE_SUMS, TALLY_FIGURES, tallyRowsUnder } from "./record-tally";
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

type Row = Omit<LevelCounts, "toRate" | "label"> & { label: string | null };
const COUNT_NAMES = TALLY_FIGURES.map(([name]) => name).filter((name) => !/^b\d$/.test(name)) as (keyof Row)[];
/** The counts of a row as the page shows them (the score buckets and the row's dimension left out). */
const finish = (r: Row): LevelCounts =>
  ({ ...Object.fromEntries(COUNT_NAMES.map((name) => [name, r[name]])), key: r.key, label: r.label ?? r.key, toRate: r.total - r.notRated }) as LevelCounts;

// Every figure is a sum over "RecordTally" (lib/data/record-tally.ts): the counts per cell and peer
// group the triggers keep, a few thousand rows for a province. The member figures of a year and the
// year before are summed per cell and peer group once, and every table (the totals, by unit, by sector,
// by peer group, the score buckets) is summed from those.
const SUM_COLUMNS = Prisma.raw(TALLY_FIGURES.map(([name]) => `sum(b."${name}")::int AS "${name}"`).join(", "));

type FigureRow = Row & { dim: "ALL" | "UNIT" | "SECTOR" | "GROUP"; year: number } & Record<`b${number}`, number>;

function memberFigures(unitId: string, year: number) {
  return db.$queryRaw<FigureRow[]>`
    WITH base AS MATERIALIZED (
      SELECT cy.year, t."scopeOrgId" AS org, NULLIF(t."peerGroupId", '') AS pg, ${TALLY_FIGURE_SUMS}
        FROM ${tallyRowsUnder(unitId, [year, year - 1], "MEMBER")}
       GROUP BY 1, 2, 3
    )
    SELECT 'ALL' AS dim, b.year, 'ALL' AS key, 'ALL' AS label, ${SUM_COLUMNS} FROM base b GROUP BY b.year
    UNION ALL
    SELECT 'UNIT', b.year, u.code, min(u.name), ${SUM_COLUMNS}
      FROM base b JOIN "OrgClosure" uc ON uc."descendantId" = b.org JOIN "Organization" u ON u.id = uc."ancestorId" AND u."parentId" = ${unitId}
     WHERE b.year = ${year} GROUP BY b.year, u.code
    UNION ALL
    SELECT 'SECTOR', b.year, g.sector::text, g.sector::text, ${SUM_COLUMNS}
      FROM base b JOIN "OrgClosure" gc ON gc."descendantId" = b.org JOIN "Organization" g ON g.id = gc."ancestorId" AND g.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO')
     WHERE b.year = ${year} GROUP BY b.year, g.sector
    UNION ALL
    SELECT 'GROUP', b.year, COALESCE(pg.code, '—'), COALESCE(min(pg.name), '—'), ${SUM_COLUMNS}
      FROM base b LEFT JOIN "PeerGroup" pg ON pg.id = b.pg
     WHERE b.year = ${year} GROUP BY b.year, pg.code
    ORDER BY 1, 3`;
}

/** Organization records of a year under a unit (the unit itself included), grouped by `key` of o. */
function organizationCounts(unitId: string, year: number, key: Prisma.Sql, label: Prisma.Sql) {
  // An organization's records are run by the organization itself: the tally row's unit is the subject.
  return db.$queryRaw<Row[]>`
    SELECT ${key} AS key, min(${label}) AS label, ${TALLY_FIGURE_SUMS}
      FROM ${tallyRowsUnder(unitId, [year], "ORGANIZATION", Prisma.sql`JOIN "Organization" o ON o.id = t."scopeOrgId"`)}
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

  const [figures, orgClasses, orgBySector, disciplines, ruleSets] = await Promise.all([
    memberFigures(unitId, year),
    organizationCounts(unitId, year, GRASSROOTS_OR_SUBORDINATE, GRASSROOTS_OR_SUBORDINATE),
    organizationCounts(unitId, year, Prisma.sql`o.sector::text`, Prisma.sql`o.sector::text`),
    db.$queryRaw<{ form: string; members: number }[]>`
      SELECT d.form::text AS form, count(DISTINCT d."memberId")::int AS members
        FROM "Discipline" d JOIN "Member" m ON m.id = d."memberId"
       WHERE d."decidedOn" >= make_date(${year}, 1, 1) AND d."decidedOn" < make_date(${year + 1}, 1, 1)
         AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
       GROUP BY ROLLUP (d.form) ORDER BY 1`,
    db.$queryRaw<{ ruleSet: RuleSetId }[]>`
      SELECT DISTINCT cy."ruleSet"::text AS "ruleSet" FROM "ReviewCycle" cy
       WHERE cy.year = ${year}
         AND (cy."upperOrgId" IN (SELECT "ancestorId" FROM "OrgClosure" WHERE "descendantId" = ${unitId})
           OR cy."upperOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId}))`,
  ]);
  const pickDim = (dim: FigureRow["dim"], y = year) => figures.filter((f) => f.dim === dim && f.year === y);
  const members = pickDim("ALL");
  const lastYear = pickDim("ALL", year - 1);
  const byUnit = pickDim("UNIT");
  const bySector = pickDim("SECTOR");
  const byPeerGroup = pickDim("GROUP");
  const scores = members[0] ? Array.from({ length: 10 }, (_, b) => ({ bucket: b, count: members[0][`b${b}`] })).filter((x) => x.count > 0) : [];
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
