import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/data/audit";
import { db } from "@/lib/data/db";
import { setUserLocale } from "@/lib/data/users";
import { actorFor, ensureDemoDistrict } from "./fixtures";

// The audit log is hash-chained by a trigger; verification recomputes the chain and names the first
// row that breaks it. Tampering is done as the database owner, around the append-only triggers, and
// undone afterwards so the other tests see the log as it was.

async function tamper(statement: string) {
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`),
    db.$executeRawUnsafe(statement),
    db.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"`),
  ]);
}

beforeAll(async () => {
  await ensureDemoDistrict();
  // A few rows written through the use cases, so the chain has links of the app's own writing.
  const member = await actorFor("dangvien");
  for (const locale of ["en", "vi", "en", "vi"] as const) await setUserLocale(member, locale);
});

describe("audit hash chain", () => {
  it("every row written since is chained to the one before, and the chain verifies", async () => {
    const rows = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true, prevHash: true, hash: true } });
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ rows: rows.length, firstBroken: null, head: rows[rows.length - 1].hash });
  });

  it("concurrent writers never fork the chain", async () => {
    const people = await Promise.all(["bithu", "bithu2", "danguy", "thuongvu", "bantochuc"].map(actorFor));
    await Promise.all(people.flatMap((p) => [setUserLocale(p, "en"), setUserLocale(p, "vi")].map((w) => w.catch(() => undefined))));
    await Promise.all(people.map((p) => setUserLocale(p, "en")));
    await Promise.all(people.map((p) => setUserLocale(p, "vi")));
    expect((await verifyAuditChain()).firstBroken).toBeNull();
  });

  it("names the first row that was changed, deleted or slipped in", async () => {
    const rows = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true, action: true } });
    const target = rows[Math.floor(rows.length / 2)];
    await tamper(`UPDATE "AuditLog" SET action = 'member.update' WHERE id = ${target.id}`);
    try {
      expect((await verifyAuditChain()).firstBroken).toEqual({ id: target.id, reason: "hash" });
    } finally {
      await tamper(`UPDATE "AuditLog" SET action = '${target.action}' WHERE id = ${target.id}`);
    }
    expect((await verifyAuditChain()).firstBroken).toBeNull();

    // A row removed: the next one no longer links to its predecessor.
    const removed = rows[Math.floor(rows.length / 3)];
    const next = rows[rows.indexOf(removed) + 1];
    const saved = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "AuditLog" WHERE id = ${removed.id}`);
    await tamper(`DELETE FROM "AuditLog" WHERE id = ${removed.id}`);
    try {
      expect((await verifyAuditChain()).firstBroken).toEqual({ id: next.id, reason: "prevHash" });
    } finally {
      const r = saved[0];
      await db.$transaction([
        db.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_chain"`),
        db.$executeRaw`INSERT INTO "AuditLog" (id, at, "actorId", action, "entityType", "entityId", "organizationId", data, "prevHash", hash)
          VALUES (${r.id as bigint}, ${r.at as Date}::timestamp, ${r.actorId as string | null}, ${r.action as string}, ${r.entityType as string}, ${r.entityId as string},
                  ${r.organizationId as string | null}, ${r.data === null ? null : JSON.stringify(r.data)}::jsonb, ${r.prevHash as string | null}, ${r.hash as string})`,
        db.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_chain"`),
      ]);
    }
    expect((await verifyAuditChain()).firstBroken).toBeNull();
  });

  it("verification time, for the record", async () => {
    const started = performance.now();
    const report = await verifyAuditChain();
    console.info(`[audit] verified ${report.rows} rows in ${Math.round(performance.now() - started)} ms`);
  });
});
