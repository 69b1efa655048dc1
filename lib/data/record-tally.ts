import "server-only";
import { Prisma, type RecordState } from "@/lib/generated/prisma/client";
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

/** `sum(<alias>.<state's column>)::int AS "<STATE>"` for every state. */
export function stateSums(alias: string, byName = false): Prisma.Sql {
  return Prisma.raw(
    Object.entries(TALLY_STATE_COLUMNS)
      .map(([state, column]) => `sum(${alias}."${byName ? state : column}")::int AS "${state}"`)
      .join(", "),
  );
}

/**
 * Tally rows `t` of `kind` for the units in `unitId`'s subtree, joined to their cycle `cy` of the given
 * years, restricted to cycles over the unit (so PostgreSQL reads one district's cycles, not fifteen);
 * `join` adds a join (the organization `o` of an organization's tally row).
 */
export function tallyRowsUnder(unitId: string, years: number[], kind: "MEMBER" | "ORGANIZATION" | "BOTH", join: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`"RecordTally" t
      JOIN "ReviewCycle" cy ON cy.id = t."cycleId" AND cy.year IN (${Prisma.join(years)}) AND ${cycleOver(unitId)}
      ${join}
     WHERE ${kind === "BOTH" ? Prisma.sql`true` : Prisma.sql`t."subjectKind" = ${kind}::"SubjectKind"`}
       AND t."scopeOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})`;
}
