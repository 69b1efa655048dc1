import "server-only";
import type { Actor } from "@/lib/review/permissions";
import { Prisma, type OrgKind, type OrgSector, type RatingLevel, type RecordState } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/i18n/format";
import { vietnamDay } from "@/lib/review/calendar";
import { db } from "./db";
import { cyclesOver, stateSums, tallyRowsOf } from "./record-tally";
import { getReportScope, pickYear, type ReportScope } from "./report-scope";

// The progress board: every unit under the viewer's scope through the phases of a year's review, with
// what is late against each deadline. Late is by calendar day in Vietnam: a deadline of 10/12 is missed
// from 11/12 on. Two aggregate queries whatever the size: records are counted once per unit that runs
// them (the member's cell, the organization itself) in "RecordTally", and only those per-unit counts
// are rolled up the closure table to the rows shown.

export const RECORD_STATES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "REVIEWED",
  "DECIDED",
  "PUBLISHED",
  "ABSENT",
  "NOT_RATED",
  "UNDER_REREVIEW",
] as const satisfies readonly RecordState[];

export type Late = {
  /** Members whose self-review is not in after the self-review deadline. */
  selfReview: number;
  /** Members not yet reviewed at their cell's meeting after the meetings' deadline. */
  meeting: number;
  /** Members reviewed but not decided after the grassroots committees' deadline. */
  decision: number;
  /** Organizations not decided after their deadline (cells: the grassroots one; grassroots: the upper one). */
  organizations: number;
};

export type ProgressRow = {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  sector: OrgSector;
  /** Units below it (0 for a cell: the next step down is its members). */
  subUnits: number;
  members: number;
  byState: Record<RecordState, number>;
  /** Members whose review is done at the meeting or beyond (reviewed, decided, published), of those rated. */
  reviewed: number;
  decided: number;
  organizations: number;
  organizationsDecided: number;
  meetingsFinalized: number;
  late: Late;
  lateTotal: number;
};

export type ProgressMember = {
  id: string;
  memberId: string;
  fullName: string;
  cardNumber: string;
  state: RecordState;
  selfLevel: RatingLevel | null;
  proposedLevel: RatingLevel | null;
  decidedLevel: RatingLevel | null;
  late: boolean;
};

export type ProgressBoard = ReportScope & {
  year: number | null;
  today: string;
  deadlines: { selfReviewDue: string; meetingsDue: string; grassrootsDue: string; upperDecisionDue: string }[];
  total: ProgressRow | null;
  rows: ProgressRow[];
  /** For a unit without sub-units: its members' records. */
  members: ProgressMember[] | null;
};

/** One row shown (a unit) and one subject kind: its records per state, late and decided. */
type Agg = Record<RecordState, number> & { id: string; kind: "MEMBER" | "ORGANIZATION"; ls: number; lm: number; ld: number; lo: number; decided: number };

const emptyStates = () => Object.fromEntries(RECORD_STATES.map((s) => [s, 0])) as Record<RecordState, number>;

export async function getProgressBoard(actor: Actor, query: { unit?: string | null; year?: number | null }, now: Date = new Date()): Promise<ProgressBoard> {
  const scope = await getReportScope(actor, query.unit);
  const year = pickYear(scope, query.year, "current");
  const today = toIsoDate(vietnamDay(now));
  const unitId = scope.unit.id;
  if (year === null) return { ...scope, year, today, deadlines: [], total: null, rows: [], members: null };

  const [children, cycles] = await Promise.all([
    db.organization.findMany({
      where: { parentId: unitId, dissolvedOn: null },
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: { id: true, code: true, name: true, kind: true, sector: true, _count: { select: { children: true } } },
    }),
    cyclesOver(unitId, [year]),
  ]);
  const cycleIds = cycles.get(year)!;
  const ids = [unitId, ...children.map((c) => c.id)];

  const [aggs, meetings, deadlines] = await Promise.all([
    db.$queryRaw<Agg[]>`
      WITH per_unit AS (
        SELECT t."scopeOrgId" AS org, t."subjectKind"::text AS kind, ${stateSums("t")},
               sum(CASE WHEN cy."selfReviewDue" < ${today}::date THEN t.draft + t.returned ELSE 0 END)::int AS ls,
               sum(CASE WHEN cy."meetingsDue" < ${today}::date THEN t.draft + t.returned + t.submitted ELSE 0 END)::int AS lm,
               sum(CASE WHEN cy."grassrootsDue" < ${today}::date THEN t.reviewed ELSE 0 END)::int AS ld,
               sum(CASE WHEN t."subjectKind" = 'ORGANIZATION'
                         AND CASE WHEN o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') THEN cy."upperDecisionDue" ELSE cy."grassrootsDue" END < ${today}::date
                        THEN t.total - t.decided - t.published - t."notRated" ELSE 0 END)::int AS lo,
               sum(t.excellent + t.good + t.completed + t."notCompleted")::int AS decided
          FROM ${tallyRowsOf(cycleIds, unitId, "BOTH", Prisma.sql`JOIN "Organization" o ON o.id = t."scopeOrgId"`)}
         GROUP BY 1, 2
      )
      SELECT c."ancestorId" AS id, p.kind, ${stateSums("p", true)},
             sum(p.ls)::int AS ls, sum(p.lm)::int AS lm, sum(p.ld)::int AS ld, sum(p.lo)::int AS lo, sum(p.decided)::int AS decided
        FROM per_unit p JOIN "OrgClosure" c ON c."descendantId" = p.org
       WHERE c."ancestorId" = ANY(${ids})
       GROUP BY 1, 2`,
    db.$queryRaw<{ id: string; finalized: number }[]>`
      SELECT c."ancestorId" AS id, count(*)::int AS finalized
        FROM "Meeting" m
        JOIN "OrgClosure" c ON c."descendantId" = m."organizationId"
       WHERE m."cycleId" = ANY(${cycleIds}::text[]) AND c."ancestorId" = ANY(${ids}) AND m.status = 'FINALIZED'
       GROUP BY 1`,
    db.$queryRaw<{ selfReviewDue: Date; meetingsDue: Date; grassrootsDue: Date; upperDecisionDue: Date }[]>`
      SELECT DISTINCT cy."selfReviewDue", cy."meetingsDue", cy."grassrootsDue", cy."upperDecisionDue"
        FROM "ReviewCycle" cy WHERE cy.id = ANY(${cycleIds}::text[])
       ORDER BY 1 LIMIT 5`,
  ]);

  const rowFor = (org: { id: string; code: string; name: string; kind: OrgKind; sector: OrgSector; subUnits: number }): ProgressRow => {
    const byState = emptyStates();
    const late: Late = { selfReview: 0, meeting: 0, decision: 0, organizations: 0 };
    let members = 0;
    let organizations = 0;
    let organizationsDecided = 0;
    let decided = 0;
    for (const a of aggs) {
      if (a.id !== org.id) continue;
      const n = RECORD_STATES.reduce((sum, state) => sum + a[state], 0);
      if (a.kind === "MEMBER") {
        members += n;
        for (const state of RECORD_STATES) byState[state] += a[state];
        late.selfReview += a.ls;
        late.meeting += a.lm;
        late.decision += a.ld;
        decided += a.decided;
      } else {
        organizations += n;
        organizationsDecided += a.decided;
        late.organizations += a.lo;
      }
    }
    const reviewed = byState.REVIEWED + byState.DECIDED + byState.PUBLISHED;
    return {
      ...org,
      members,
      byState,
      reviewed,
      decided,
      organizations,
      organizationsDecided,
      meetingsFinalized: meetings.find((m) => m.id === org.id)?.finalized ?? 0,
      late,
      lateTotal: late.selfReview + late.meeting + late.decision + late.organizations,
    };
  };

  const total = rowFor({ ...scope.unit, subUnits: children.length });
  const rows = children.map((c) => rowFor({ id: c.id, code: c.code, name: c.name, kind: c.kind, sector: c.sector, subUnits: c._count.children }));

  let members: ProgressMember[] | null = null;
  if (children.length === 0) {
    const records = await db.$queryRaw<(Omit<ProgressMember, "late"> & { late: boolean })[]>`
      SELECT r.id, r."memberId", m."fullName", m."cardNumber", r.state, r."selfLevel", r."proposedLevel", r."decidedLevel",
             (   (r.state IN ('DRAFT', 'RETURNED') AND cy."selfReviewDue" < ${today}::date)
              OR (r.state IN ('DRAFT', 'RETURNED', 'SUBMITTED') AND cy."meetingsDue" < ${today}::date)
              OR (r.state = 'REVIEWED' AND cy."grassrootsDue" < ${today}::date)) AS late
        FROM "ReviewRecord" r
        JOIN "ReviewCycle" cy ON cy.id = r."cycleId" AND cy.year = ${year}
        JOIN "Member" m ON m.id = r."memberId"
       WHERE r."scopeOrgId" = ${unitId} AND r."subjectKind" = 'MEMBER'
       ORDER BY m."nameSearch", m.id`;
    members = records;
  }

  return {
    ...scope,
    year,
    today,
    deadlines: deadlines.map((d) => ({
      selfReviewDue: toIsoDate(d.selfReviewDue),
      meetingsDue: toIsoDate(d.meetingsDue),
      grassrootsDue: toIsoDate(d.grassrootsDue),
      upperDecisionDue: toIsoDate(d.upperDecisionDue),
    })),
    total,
    rows,
    members,
  };
}
