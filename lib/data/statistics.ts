import "server-only";
import type { Actor } from "@/lib/review/permissions";
import { Prisma, type RuleSetId } from "@/lib/generated/prisma/client";
import { LEVELS, type Level } from "@/lib/grading";
import { db } from "./db";
import { cyclesOver, TALLY_FIGURE_SUMS, TALLY_FIGURES, tallyRowsOf } from "./record-tally";
import { getReportScope, pickYear, type ReportScope } from "./report-scope";

// The statistics of a year as the year-end reports and the press give them ("… đảng viên được đánh
// giá, xếp loại; HTXSNV … chiếm …%"): who was to be reviewed, reviewed, rated and not rated (by
// reason), and count and share per decided level — for members by unit, by sector and by peer group,
// for grassroots organizations and subordinate cells, against the year before, and under QD366_HD43 the
// distribution of the 100-point score. Aggregates in SQL only: one GROUP BY per table, whatever the size.

/** The levels in the reports' order: the rules' own list, under the name the report pages import. */
export const LEVEL_KEYS = LEVELS;
export type LevelKey = Level;

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

export type TrendYear = { year: number; total: number; notRated: number; rated: number } & Record<LevelKey, number>;

/** How many years the trend looks back, the year shown included. */
export const TREND_YEARS = 5;

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
  /** Members' decided levels in the years up to the one shown (TREND_YEARS at most, those with any). */
  trend: TrendYear[];
};

type Row = Omit<LevelCounts, "toRate" | "label"> & { label: string | null };
const COUNT_NAMES = TALLY_FIGURES.map(([name]) => name).filter((name) => !/^b\d$/.test(name)) as (keyof Row)[];
/** The counts of a row as the page shows them (the score buckets and the row's dimension left out). */
const finish = (r: Row): LevelCounts =>
  ({ ...Object.fromEntries(COUNT_NAMES.map((name) => [name, r[name]])), key: r.key, label: r.label ?? r.key, toRate: r.total - r.notRated }) as LevelCounts;

// Every figure is a sum over "RecordTally" (lib/data/record-tally.ts): the counts per cell and peer
// group the triggers keep, a few thousand rows for a province. The year's rows are read once, and every
// table (the totals, by unit, by sector, by peer group, the score buckets) is summed from them; the
// cells' units and grassroots organizations are looked up once each, by hash joins.
const SUM_COLUMNS = Prisma.raw(TALLY_FIGURES.map(([name]) => `sum(b."${name}")::int AS "${name}"`).join(", "));
const ROW_FIGURES = Prisma.raw(TALLY_FIGURES.map(([name, expr]) => `${expr} AS "${name}"`).join(", "));

type FigureRow = Row & { dim: "ALL" | "UNIT" | "SECTOR" | "GROUP" | "LAST_YEAR" } & Record<`b${number}`, number>;

function memberFigures(unitId: string, cycles: Map<number, string[]>, year: number) {
  return db.$queryRaw<FigureRow[]>`
    WITH base AS MATERIALIZED (
      SELECT t."scopeOrgId" AS org, NULLIF(t."peerGroupId", '') AS pg, ${ROW_FIGURES}
        FROM ${tallyRowsOf(cycles.get(year)!, unitId, "MEMBER")}
    ), unit_of AS MATERIALIZED (
      SELECT uc."descendantId" AS org, u.code, u.name
        FROM "Organization" u JOIN "OrgClosure" uc ON uc."ancestorId" = u.id
       WHERE u."parentId" = ${unitId}
    ), sector_of AS MATERIALIZED (
      SELECT gc."descendantId" AS org, g.sector::text AS sector
        FROM "Organization" g JOIN "OrgClosure" gc ON gc."ancestorId" = g.id
       WHERE g.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO')
         AND g.id IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
    )
    SELECT 'ALL' AS dim, 'ALL' AS key, 'ALL' AS label, ${SUM_COLUMNS} FROM base b
    UNION ALL
    SELECT 'LAST_YEAR', 'ALL', 'ALL', ${TALLY_FIGURE_SUMS}
      FROM ${tallyRowsOf(cycles.get(year - 1)!, unitId, "MEMBER")}
    UNION ALL
    SELECT 'UNIT', u.code, min(u.name), ${SUM_COLUMNS}
      FROM base b JOIN unit_of u ON u.org = b.org GROUP BY u.code
    UNION ALL
    SELECT 'SECTOR', s.sector, s.sector, ${SUM_COLUMNS}
      FROM base b JOIN sector_of s ON s.org = b.org GROUP BY s.sector
    UNION ALL
    SELECT 'GROUP', COALESCE(pg.code, '—'), COALESCE(min(pg.name), '—'), ${SUM_COLUMNS}
      FROM base b LEFT JOIN "PeerGroup" pg ON pg.id = b.pg GROUP BY pg.code
    ORDER BY 1, 2`;
}

const GRASSROOTS_OR_SUBORDINATE = Prisma.sql`CASE WHEN o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') THEN 'GRASSROOTS' ELSE 'SUBORDINATE' END`;

/**
 * Organization records of a year under a unit (the unit itself included), per class (grassroots or
 * subordinate) and per sector, in one pass: `dim` says which grouping a row belongs to.
 */
function organizationCounts(unitId: string, cycleIds: string[]) {
  // An organization's records are run by the organization itself: the tally row's unit is the subject.
  return db.$queryRaw<(Row & { dim: "CLASS" | "SECTOR" })[]>`
    SELECT CASE WHEN GROUPING(o.sector) = 1 THEN 'CLASS' ELSE 'SECTOR' END AS dim,
           COALESCE(o.sector::text, ${GRASSROOTS_OR_SUBORDINATE}) AS key, COALESCE(o.sector::text, ${GRASSROOTS_OR_SUBORDINATE}) AS label,
           ${TALLY_FIGURE_SUMS}
      FROM ${tallyRowsOf(cycleIds, unitId, "ORGANIZATION", Prisma.sql`JOIN "Organization" o ON o.id = t."scopeOrgId"`)}
     GROUP BY GROUPING SETS ((${GRASSROOTS_OR_SUBORDINATE}), (o.sector))
     ORDER BY 1, 2`;
}

export async function getStatistics(actor: Actor, query: { unit?: string | null; year?: number | null }): Promise<Statistics> {
  const scope = await getReportScope(actor, query.unit);
  const unitId = scope.unit.id;
  // The review under way, as on the progress board: both tabs open on the same year.
  const year = pickYear(scope, query.year, "current");
  const empty: Statistics = {
    ...scope,
    year,
    ruleSet: null,
    members: null,
    membersLastYear: null,
    grassroots: null,
    subordinate: null,
    byUnit: [],
    bySector: [],
    byPeerGroup: [],
    organizationsBySector: [],
    disciplined: { members: 0, byForm: [] },
    scoreBuckets: [],
    scoreBands: [],
    scored: 0,
    trend: [],
  };
  if (year === null) return empty;

  const trendYears = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i);
  const cycles = await cyclesOver(unitId, trendYears);
  const [figures, organizations, disciplines, ruleSets, trend] = await Promise.all([
    memberFigures(unitId, cycles, year),
    organizationCounts(unitId, cycles.get(year)!),
    db.$queryRaw<{ form: string; members: number }[]>`
      SELECT d.form::text AS form, count(DISTINCT d."memberId")::int AS members
        FROM "Discipline" d JOIN "Member" m ON m.id = d."memberId"
       WHERE d."decidedOn" >= make_date(${year}, 1, 1) AND d."decidedOn" < make_date(${year + 1}, 1, 1)
         AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
       GROUP BY ROLLUP (d.form) ORDER BY 1`,
    db.$queryRaw<{ ruleSet: RuleSetId }[]>`SELECT DISTINCT "ruleSet"::text AS "ruleSet" FROM "ReviewCycle" WHERE id = ANY(${cycles.get(year)!}::text[])`,
    db.$queryRaw<TrendYear[]>`
      SELECT cy.year, sum(t.total)::int AS total, sum(t."notRated")::int AS "notRated",
             sum(t.excellent + t.good + t.completed + t."notCompleted")::int AS rated,
             sum(t.excellent)::int AS "EXCELLENT", sum(t.good)::int AS "GOOD", sum(t.completed)::int AS "COMPLETED", sum(t."notCompleted")::int AS "NOT_COMPLETED"
        FROM ${tallyRowsOf([...cycles.values()].flat(), unitId, "MEMBER")}
       GROUP BY cy.year HAVING sum(t.excellent + t.good + t.completed + t."notCompleted") > 0
       ORDER BY cy.year`,
  ]);
  const orgClass = (key: "GRASSROOTS" | "SUBORDINATE") => {
    const row = organizations.find((r) => r.dim === "CLASS" && r.key === key);
    return row ? finish(row) : null;
  };
  const pickDim = (dim: FigureRow["dim"]) => figures.filter((f) => f.dim === dim && f.total > 0);
  const members = pickDim("ALL");
  const lastYear = pickDim("LAST_YEAR");
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
    grassroots: orgClass("GRASSROOTS"),
    subordinate: orgClass("SUBORDINATE"),
    byUnit: byUnit.map(finish),
    bySector: bySector.map(finish),
    byPeerGroup: byPeerGroup.map(finish),
    organizationsBySector: organizations.filter((r) => r.dim === "SECTOR").map(finish),
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
    trend,
  };
}
