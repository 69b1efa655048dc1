import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { CURRENT_YEAR, ensureDemoDistrict } from "./fixtures";
import { ownerDb } from "./owner";
import { expectTallyExact, tallyDifferences } from "./tally";

// "RecordTally" is what every report reads; triggers on "ReviewRecord" keep it. These tests make each
// kind of change a writer can make (one row, many rows in one statement, a move between cells and peer
// groups, deletes, a whole cycle cascading away, concurrent writers on one cell) and recount the records
// after each. Most run inside a transaction that is rolled back, so the demo district stays as seeded.

class Rollback extends Error {}

/** Runs `change` in a transaction, checks the tally inside it, and rolls everything back. */
async function insideRolledBack(change: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<void>, client = db) {
  await expect(
    client.$transaction(
      async (tx) => {
        await change(tx);
        await expectTallyExact(tx);
        throw new Rollback();
      },
      { timeout: 60_000 },
    ),
  ).rejects.toBeInstanceOf(Rollback);
}

let cycleId: string;
let cellId: string;
let otherCellId: string;

beforeAll(async () => {
  await ensureDemoDistrict();
  const cycle = await db.reviewCycle.findFirstOrThrow({ where: { year: CURRENT_YEAR, upperOrg: { code: "HU" } }, select: { id: true } });
  cycleId = cycle.id;
  // Two cells of the current cycle with members still writing their self-review.
  const cells = await db.reviewRecord.groupBy({
    by: ["scopeOrgId"],
    where: { cycleId, subjectKind: "MEMBER", state: "DRAFT" },
    _count: true,
    orderBy: { _count: { scopeOrgId: "desc" } },
    take: 2,
  });
  [cellId, otherCellId] = cells.map((c) => c.scopeOrgId);
});

describe("the records' tally", () => {
  it("equals a recount of the records once the demo district is written", async () => {
    await expectTallyExact();
    const [row] = await db.$queryRaw<{ records: number; tallied: number }[]>`
      SELECT (SELECT count(*) FROM "ReviewRecord")::int AS records, (SELECT sum(total) FROM "RecordTally")::int AS tallied`;
    expect(row.tallied).toBe(row.records);
    expect(row.records).toBeGreaterThan(4_000);
  });

  it("follows one record through submission, review, decision, not-rated reasons and scores", async () => {
    await insideRolledBack(async (tx) => {
      const record = await tx.reviewRecord.findFirstOrThrow({
        where: { cycleId, scopeOrgId: cellId, subjectKind: "MEMBER", state: "DRAFT" },
        select: { id: true },
      });
      const steps = [
        { state: "SUBMITTED" as const },
        { state: "REVIEWED" as const, proposedLevel: "GOOD" as const, scoreGeneralTenths: 250, scoreResultsTenths: 560 },
        { state: "DECIDED" as const, decidedLevel: "GOOD" as const },
        { scoreGeneralTenths: 300, scoreResultsTenths: 700 },
        { state: "UNDER_REREVIEW" as const, decidedLevel: null },
        { state: "NOT_RATED" as const, notRatedReason: "SUSPENDED" as const },
        { notRatedReason: "OTHER" as const },
        { notRatedReason: null },
      ];
      for (const data of steps) {
        await tx.reviewRecord.update({ where: { id: record.id }, data });
        await expectTallyExact(tx);
      }
    });
  });

  it("moves counts between cells and peer groups, and follows statements over many rows", async () => {
    await insideRolledBack(async (tx) => {
      const records = await tx.reviewRecord.findMany({ where: { cycleId, scopeOrgId: cellId, subjectKind: "MEMBER" }, select: { id: true }, take: 3 });
      await tx.reviewRecord.update({ where: { id: records[0].id }, data: { scopeOrgId: otherCellId } });
      await tx.reviewRecord.update({ where: { id: records[1].id }, data: { peerGroupId: null } });
      await expectTallyExact(tx);
      // One statement over a whole cell, as a meeting's finalization or a publication writes.
      const moved = await tx.reviewRecord.updateMany({
        where: { cycleId, scopeOrgId: otherCellId, subjectKind: "MEMBER" },
        data: { state: "REVIEWED", proposedLevel: "COMPLETED" },
      });
      expect(moved.count).toBeGreaterThan(1);
      await expectTallyExact(tx);
      await tx.$executeRaw`UPDATE "ReviewRecord" SET "decidedLevel" = 'EXCELLENT', state = 'DECIDED' WHERE "cycleId" = ${cycleId} AND "scopeOrgId" = ${otherCellId}`;
      await tx.reviewRecord.delete({ where: { id: records[2].id } });
    });
  });

  it("subtracts what a deleted cycle took with it, and empties with a truncate", async () => {
    await insideRolledBack(async (tx) => {
      const oldest = await tx.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" } }, orderBy: { year: "asc" }, select: { id: true } });
      await tx.reviewCycle.delete({ where: { id: oldest.id } });
    });
    // TRUNCATE is the owner's: the app's role may not.
    await insideRolledBack(async (tx) => {
      await tx.$executeRawUnsafe(`TRUNCATE "ReviewRecord" CASCADE`);
      expect(await tx.recordTally.count()).toBe(0);
    }, ownerDb);
    await expectTallyExact();
  });

  it("stays exact when twenty members of one cell submit at once, each in their own transaction", async () => {
    const drafts = await db.reviewRecord.findMany({
      where: { cycleId, scopeOrgId: cellId, subjectKind: "MEMBER", state: "DRAFT" },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 20,
    });
    expect(drafts.length).toBeGreaterThan(5);
    const tallied = async () =>
      (await db.recordTally.findMany({ where: { cycleId, scopeOrgId: cellId, subjectKind: "MEMBER" }, select: { draft: true, submitted: true } })).reduce(
        (sum, t) => ({ draft: sum.draft + t.draft, submitted: sum.submitted + t.submitted }),
        { draft: 0, submitted: 0 },
      );
    const before = await tallied();
    const submitAll = (state: "SUBMITTED" | "DRAFT") =>
      Promise.all(
        drafts.map((d) =>
          db.$transaction(async (tx) => {
            await tx.reviewRecord.update({ where: { id: d.id }, data: { state } });
            // Hold the transaction open a moment, as a use case writing its audit row does.
            await tx.$executeRaw`SELECT pg_sleep(0.01)`;
          }),
        ),
      );
    try {
      await submitAll("SUBMITTED");
      expect(await tallied()).toEqual({ draft: before.draft - drafts.length, submitted: before.submitted + drafts.length });
      expect(await tallyDifferences()).toEqual([]);
    } finally {
      await submitAll("DRAFT");
    }
    expect(await tallied()).toEqual(before);
  });
});
