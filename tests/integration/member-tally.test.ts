import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/data/db";
import { countUnits } from "@/lib/data/organizations";
import { ensureDemoDistrict, orgByCode } from "./fixtures";

// "MemberTally" is what the units' counts read (the tree, a unit's page): per cell, the members not LEFT
// and the probationary among them, kept by triggers on "Member". Each kind of change a writer can make
// (new members, several in one statement, a move between cells, leaving and coming back, becoming
// official, a delete, an edit that counts nothing) is followed by a recount of the members; the changes
// run in a transaction that is rolled back, so the demo district stays as seeded.

class Rollback extends Error {}

/** Cells whose tally differs from a recount of their members (a row of zeros counts nothing). */
async function differences(client: Tx | typeof db = db) {
  return client.$queryRaw<{ cellId: string; tallied: number | null; counted: number | null }[]>`
    WITH counted AS (
      SELECT "cellId", count(*)::int AS members, (count(*) FILTER (WHERE "officialOn" IS NULL))::int AS probationary
        FROM "Member" WHERE status <> 'LEFT' GROUP BY 1
    )
    SELECT COALESCE(t."cellId", c."cellId") AS "cellId", t.members AS tallied, c.members AS counted
      FROM "MemberTally" t FULL JOIN counted c ON c."cellId" = t."cellId"
     WHERE COALESCE(t.members, 0) <> COALESCE(c.members, 0) OR COALESCE(t.probationary, 0) <> COALESCE(c.probationary, 0)`;
}

/** Runs `change` in a transaction, checks the tally inside it, and rolls everything back. */
async function insideRolledBack(change: (tx: Tx) => Promise<void>) {
  await expect(
    db.$transaction(
      async (tx) => {
        await change(tx);
        expect(await differences(tx)).toEqual([]);
        throw new Rollback();
      },
      { timeout: 60_000 },
    ),
  ).rejects.toBeInstanceOf(Rollback);
}

let cellEast: string;
let cellWest: string;
let grassroots: string;

const newMember = (n: number, cellId: string, official: boolean) => ({
  cardNumber: `TALLY-${n}`,
  fullName: `Thành viên ${n}`,
  nameSearch: `thanh vien ${n}`,
  gender: "MALE" as const,
  birthDate: new Date("1990-01-01"),
  admittedOn: new Date("2020-01-01"),
  officialOn: official ? new Date("2021-01-01") : null,
  category: "NOT_IN_POLITICAL_SYSTEM" as const,
  cellId,
  grassrootsId: grassroots,
});

beforeAll(async () => {
  await ensureDemoDistrict();
  [cellEast, cellWest, grassroots] = await Promise.all([orgByCode("HU.01.04"), orgByCode("HU.01.05"), orgByCode("HU.01")]);
});

describe("the members' tally per cell", () => {
  it("equals a recount once the demo district is written, and the units' counts sum it", async () => {
    expect(await differences()).toEqual([]);
    const district = await orgByCode("HU");
    const counts = await countUnits([district, grassroots, cellEast]);
    for (const [unitId, c] of counts) {
      const inSubtree = { status: { not: "LEFT" as const }, cell: { ancestors: { some: { ancestorId: unitId } } } };
      expect(c.members).toBe(await db.member.count({ where: inSubtree }));
      expect(c.probationary).toBe(await db.member.count({ where: { ...inSubtree, officialOn: null } }));
    }
    expect(counts.get(district)!.members).toBeGreaterThan(4000);
  });

  it("follows new members, one or several in a statement, official or probationary", async () => {
    await insideRolledBack(async (tx) => {
      await tx.member.create({ data: newMember(1, cellEast, true) });
      await tx.member.createMany({ data: [newMember(2, cellEast, false), newMember(3, cellWest, false), newMember(4, cellWest, true)] });
    });
  });

  it("follows a move to another cell, a member leaving and coming back, and becoming official", async () => {
    await insideRolledBack(async (tx) => {
      const [a, b] = await tx.member.findMany({ where: { cellId: cellEast, status: "ACTIVE" }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
      await tx.member.update({ where: { id: a.id }, data: { cellId: cellWest } });
      await tx.member.update({ where: { id: b.id }, data: { status: "LEFT" } });
      expect(await differences(tx)).toEqual([]);
      await tx.member.update({ where: { id: b.id }, data: { status: "ACTIVE", officialOn: null } });
      expect(await differences(tx)).toEqual([]);
      // Many rows in one statement, moving both ways between the two cells.
      await tx.$executeRaw`UPDATE "Member" SET "cellId" = CASE WHEN "cellId" = ${cellEast} THEN ${cellWest} ELSE ${cellEast} END
                            WHERE "cellId" IN (${cellEast}, ${cellWest})`;
      await tx.member.updateMany({ where: { cellId: cellWest, officialOn: null }, data: { officialOn: new Date("2024-06-01") } });
    });
  });

  it("follows a delete, and an edit that moves no count leaves the cell's row untouched", async () => {
    await insideRolledBack(async (tx) => {
      const before = await tx.memberTally.findUniqueOrThrow({ where: { cellId: cellEast } });
      const [written] = await tx.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM "MemberTally" WHERE "cellId" = ${cellEast}`;
      await tx.member.updateMany({ where: { cellId: cellEast }, data: { post: "Đảng viên", version: { increment: 1 } } });
      expect(await tx.memberTally.findUniqueOrThrow({ where: { cellId: cellEast } })).toEqual(before);
      // Not even rewritten: an edit that counts nothing takes no lock on the cell's row.
      const [after] = await tx.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM "MemberTally" WHERE "cellId" = ${cellEast}`;
      expect(after.xmin).toBe(written.xmin);
      await tx.member.createMany({ data: [newMember(5, cellEast, false), newMember(6, cellEast, true)] });
      await tx.member.deleteMany({ where: { cardNumber: { in: ["TALLY-5", "TALLY-6"] } } });
    });
  });
});
