import { expect } from "vitest";
import { db } from "@/lib/data/db";
import { Prisma } from "@/lib/generated/prisma/client";

// The test's own statement of what each "RecordTally" column counts, written apart from the migration's
// trigger: the tally must always equal this recount of "ReviewRecord" (rows of all zeros may stay
// behind when records move away; they count nothing).
const COUNTED: [string, string][] = [
  ["total", "true"],
  ...(
    [
      ["draft", "DRAFT"],
      ["submitted", "SUBMITTED"],
      ["returned", "RETURNED"],
      ["reviewed", "REVIEWED"],
      ["decided", "DECIDED"],
      ["published", "PUBLISHED"],
      ["absent", "ABSENT"],
      ["notRated", "NOT_RATED"],
      ["underRereview", "UNDER_REREVIEW"],
    ] as const
  ).map(([column, state]): [string, string] => [column, `r.state = '${state}'`]),
  ["notRatedExempt", `r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT'`],
  ["notRatedSuspended", `r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED'`],
  ["notRatedNewMember", `r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER'`],
  ["notRatedNewOrganization", `r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION'`],
  ["notRatedOther", `r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER')`],
  ["excellent", `r."decidedLevel" = 'EXCELLENT'`],
  ["good", `r."decidedLevel" = 'GOOD'`],
  ["completed", `r."decidedLevel" = 'COMPLETED'`],
  ["notCompleted", `r."decidedLevel" = 'NOT_COMPLETED'`],
  ["standingExcellent", `r.state <> 'NOT_RATED' AND (r."decidedLevel" = 'EXCELLENT' OR (r."decidedLevel" IS NULL AND r."proposedLevel" = 'EXCELLENT'))`],
  ["standingGood", `r.state <> 'NOT_RATED' AND (r."decidedLevel" = 'GOOD' OR (r."decidedLevel" IS NULL AND r."proposedLevel" = 'GOOD'))`],
  ...Array.from({ length: 10 }, (_, b): [string, string] => [
    `score${b}`,
    `r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" + r."scoreResultsTenths" >= ${b * 100} ${b < 9 ? `AND r."scoreGeneralTenths" + r."scoreResultsTenths" < ${b * 100 + 100}` : ""}`,
  ]),
];

const RECOUNT = Prisma.raw(COUNTED.map(([column, where]) => `count(*) FILTER (WHERE ${where})::int AS "${column}"`).join(", "));
const KEPT = Prisma.raw(COUNTED.map(([column]) => `t."${column}"`).join(", "));
const ANY_NONZERO = Prisma.raw(COUNTED.map(([column]) => `t."${column}" <> 0`).join(" OR "));

/** Tally rows that differ from a recount of the records, both ways (empty when the tally is exact). */
export function tallyDifferences(client: Pick<typeof db, "$queryRaw"> = db) {
  return client.$queryRaw<Record<string, unknown>[]>`
    WITH recount AS (
      SELECT r."cycleId", r."scopeOrgId", r."subjectKind"::text AS kind, COALESCE(r."peerGroupId", '') AS "peerGroupId", ${RECOUNT}
        FROM "ReviewRecord" r GROUP BY 1, 2, 3, 4
    ), kept AS (
      SELECT t."cycleId", t."scopeOrgId", t."subjectKind"::text AS kind, t."peerGroupId", ${KEPT}
        FROM "RecordTally" t WHERE ${ANY_NONZERO}
    )
    (SELECT 'recount' AS side, * FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept) a)
    UNION ALL
    (SELECT 'tally' AS side, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount) b)
    LIMIT 10`;
}

/** Fails, naming the rows, unless the tally equals the recount of every record in the database. */
export async function expectTallyExact(client?: Pick<typeof db, "$queryRaw">) {
  expect(await tallyDifferences(client)).toEqual([]);
}
