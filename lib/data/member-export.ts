import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Gender, MemberStatus, RatingLevel, RecordState } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { authorizeOrg } from "./scope";

// The member list of a unit's whole subtree, for the .xlsx export: read in batches by id (keyset, one
// indexed query per 5,000 members), so a province is exported with a flat memory profile.

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

const BATCH = 5_000;

/** Checks the reader first (a roster is personal data: member:read over the unit), then yields rows. */
export async function memberExportRows(actor: Actor, unitId: string, year: number | null): Promise<AsyncIterable<MemberExportRow>> {
  await authorizeOrg(actor, "report:read", unitId);
  await authorizeOrg(actor, "member:read", unitId);
  return (async function* () {
    let after = "";
    for (;;) {
      const rows = await db.$queryRaw<MemberExportRow[]>`
        SELECT m.id, m."cardNumber", m."fullName", m.gender, m."birthDate", m."admittedOn", m."officialOn", m.post, m.status,
               c.name AS cell, g.name AS grassroots, r.state, r."decidedLevel"
          FROM "Member" m
          JOIN "Organization" c ON c.id = m."cellId"
          JOIN "Organization" g ON g.id = m."grassrootsId"
          LEFT JOIN LATERAL (SELECT r.state, r."decidedLevel" FROM "ReviewRecord" r JOIN "ReviewCycle" cy ON cy.id = r."cycleId"
                              WHERE r."memberId" = m.id AND cy.year = ${year ?? -1} LIMIT 1) r ON true
         WHERE m.status <> 'LEFT' AND m.id > ${after}
           AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
         ORDER BY m.id
         LIMIT ${BATCH}`;
      yield* rows;
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].id;
    }
  })();
}
