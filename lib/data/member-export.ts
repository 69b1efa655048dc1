import "server-only";
import type { Actor } from "@/lib/review/permissions";
import type { Gender, MemberStatus, RatingLevel, RecordState } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { cyclesOver } from "./record-tally";
import { authorizeOrg } from "./scope";

// The member list of a unit's whole subtree, for the .xlsx export, by cell and name.

export type MemberExportRow = {
  id: string;
  cardNumber: string;
  fullName: string;
  gender: Gender;
  birthDate: Date;
  admittedOn: Date;
  officialOn: Date | null;
  post: string | null;
  status: MemberStatus;
  cell: string;
  grassroots: string;
  state: RecordState | null;
  decidedLevel: RatingLevel | null;
};

/** Members per query: enough to keep PostgreSQL busy while the previous batch is written. */
const BATCH = 2_000;

/**
 * Checks the reader first (a roster is personal data: member:read over the unit), then yields the rows
 * by cell in code order and by name. The cells are counted first and read in batches of whole cells
 * (about BATCH members each, through the (cellId, nameSearch) index), and the next batch is fetched
 * while the current one is written, so a province's 300,000 members stream with a flat memory profile.
 */
export async function memberExportRows(actor: Actor, unitId: string, year: number | null): Promise<AsyncIterable<MemberExportRow>> {
  await authorizeOrg(actor, "report:read", unitId);
  await authorizeOrg(actor, "member:read", unitId);
  const [cells, cycles] = await Promise.all([
    db.$queryRaw<{ id: string; members: number }[]>`
      SELECT m."cellId" AS id, count(*)::int AS members
        FROM "Member" m JOIN "Organization" c ON c.id = m."cellId"
       WHERE m.status <> 'LEFT' AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
       GROUP BY m."cellId", c.code ORDER BY c.code, m."cellId"`,
    year === null ? new Map<number, string[]>() : cyclesOver(unitId, [year]),
  ]);
  const cycleIds = year === null ? [] : cycles.get(year)!;
  const batches: { cellIds: string[]; members: number }[] = [];
  for (const cell of cells) {
    const last = batches.at(-1);
    if (last && last.members < BATCH) {
      last.cellIds.push(cell.id);
      last.members += cell.members;
    } else batches.push({ cellIds: [cell.id], members: cell.members });
  }
  const fetchBatch = (cellIds: string[]) => {
    const rows = db.$queryRaw<MemberExportRow[]>`
      SELECT m.id, m."cardNumber", m."fullName", m.gender, m."birthDate", m."admittedOn", m."officialOn", m.post, m.status,
             c.name AS cell, g.name AS grassroots, r.state, r."decidedLevel"
        FROM "Member" m
        JOIN "Organization" c ON c.id = m."cellId"
        JOIN "Organization" g ON g.id = m."grassrootsId"
        LEFT JOIN LATERAL (SELECT r.state, r."decidedLevel" FROM "ReviewRecord" r
                            WHERE r."memberId" = m.id AND r."cycleId" = ANY(${cycleIds}::text[]) LIMIT 1) r ON true
       WHERE m.status <> 'LEFT' AND m."cellId" = ANY(${cellIds}::text[])
       ORDER BY c.code, m."cellId", m."nameSearch", m.id`;
    // Prisma's queries start when awaited: start this one now, and keep a download abandoned before it
    // is read from leaving an unhandled rejection behind.
    rows.catch(() => undefined);
    return rows;
  };
  return (async function* () {
    let next = batches.length ? fetchBatch(batches[0].cellIds) : null;
    for (let i = 0; next; i++) {
      const rows = await next;
      next = i + 1 < batches.length ? fetchBatch(batches[i + 1].cellIds) : null;
      yield* rows;
    }
  })();
}
