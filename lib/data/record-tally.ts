import "server-only";
import { Prisma, type RecordState } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { cycleOver } from "./report-scope";

// The reports' figures come from "RecordTally": per cycle, per unit that runs the records (the member's
// cell, the organization itself), per subject kind and peer group, the counts per state, not-rated
// reason, decided level and score bucket. Triggers on "ReviewRecord" keep it exact in the same
// transaction as every change (migration 20261202010705_record_tally), so a province's statistics sum
// a few thousand tally rows instead of 600,000 records. This module says how the report figures are
// read off those columns; a test recounts them from the records after every kind of change.

/** The figures the statistics give, as sums over tally rows `t` of cycles `cy` (score buckets only under QD366_HD43). */
export const TALLY_FIGURES: [string, string][] = [
  ["total", `t.total`],
  ["notRated", `t."notRated"`],
  ["notRatedExempt", `t."notRatedExempt"`],
  ["notRatedSuspended", `t."notRatedSuspended"`],
  ["notRatedNewMember", `t."notRatedNewMember"`],
  ["notRatedNewOrganization", `t."notRatedNewOrganization"`],
  ["notRatedOther", `t."notRatedOther"`],
  // Reviewed at the meeting or beyond, a re-review under way included.
  ["reviewed", `t.reviewed + t.decided + t.published + t."underRereview"`],
  ["absent", `t.absent`],
  ["rated", `t.excellent + t.good + t.completed + t."notCompleted"`],
  ["EXCELLENT", `t.excellent`],
  ["GOOD", `t.good`],
  ["COMPLETED", `t.completed`],
  ["NOT_COMPLETED", `t."notCompleted"`],
  ...Array.from({ length: 10 }, (_, b): [string, string] => [`b${b}`, `CASE WHEN cy."ruleSet" = 'QD366_HD43' THEN t.score${b} ELSE 0 END`]),
];

/** `sum(<figure>)::int AS "<name>"` for every figure, over tally rows `t` joined to their cycle `cy`. */
export const TALLY_FIGURE_SUMS = Prisma.raw(TALLY_FIGURES.map(([name, expr]) => `sum(${expr})::int AS "${name}"`).join(",\n"));

/** The tally's column of each record state ("NOT_RATED" → "notRated"). */
export const TALLY_STATE_COLUMNS = {
  DRAFT: "draft",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  REVIEWED: "reviewed",
  DECIDED: "decided",
  PUBLISHED: "published",
  ABSENT: "absent",
  NOT_RATED: "notRated",
  UNDER_REREVIEW: "underRereview",
} as const satisfies Record<RecordState, string>;

/**
 * `sum(<alias>.<state's column>)::int AS "<STATE>"` for every state; with `alreadyNamed`, the rows of
 * `alias` are earlier sums whose columns carry the states' names already.
 */
export function stateSums(alias: string, alreadyNamed = false): Prisma.Sql {
  return Prisma.raw(
    Object.entries(TALLY_STATE_COLUMNS)
      .map(([state, column]) => `sum(${alias}."${alreadyNamed ? state : column}")::int AS "${state}"`)
      .join(", "),
  );
}

/** The review cycles of the given years over a unit (run above it, at it or below it), by year. */
export async function cyclesOver(unitId: string, years: number[]): Promise<Map<number, string[]>> {
  const rows = await db.$queryRaw<{ id: string; year: number }[]>`
    SELECT cy.id, cy.year FROM "ReviewCycle" cy WHERE cy.year IN (${Prisma.join(years)}) AND ${cycleOver(unitId)}`;
  const byYear = new Map<number, string[]>(years.map((y) => [y, []]));
  for (const row of rows) byYear.get(row.year)!.push(row.id);
  return byYear;
}

/**
 * Tally rows `t` of `kind` of the given cycles for the units in `unitId`'s subtree, with their cycle `cy`;
 * `join` adds a join (the organization `o` of an organization's tally row). The cycles are named by id
 * (from `cyclesOver`) so that PostgreSQL reads only their rows through the key, not the whole table.
 */
export function tallyRowsOf(cycleIds: string[], unitId: string, kind: "MEMBER" | "ORGANIZATION" | "BOTH", join: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`"RecordTally" t
      JOIN "ReviewCycle" cy ON cy.id = t."cycleId"
      ${join}
     WHERE t."cycleId" = ANY(${cycleIds}::text[])
       AND ${kind === "BOTH" ? Prisma.sql`true` : Prisma.sql`t."subjectKind" = ${kind}::"SubjectKind"`}
       AND t."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})`;
}
