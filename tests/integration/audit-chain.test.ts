import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/data/audit";
import { db } from "@/lib/data/db";
import { setUserLocale } from "@/lib/data/users";
import { actorFor, ensureDemoDistrict } from "./fixtures";
import { ownerDb } from "./owner";

// The audit log is hash-chained by a trigger; verification recomputes the chain and names the first
// row that breaks it. Tampering is done as the database owner (the app's role cannot), around the
// append-only triggers, and undone afterwards so the other tests see the log as it was.

async function tamper(statement: string) {
  await ownerDb.$transaction([
    ownerDb.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`),
    ownerDb.$executeRawUnsafe(statement),
    ownerDb.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"`),
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
      await ownerDb.$transaction([
        ownerDb.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_chain"`),
        ownerDb.$executeRaw`INSERT INTO "AuditLog" (id, at, "actorId", action, "entityType", "entityId", "organizationId", data, "prevHash", hash)
          VALUES (${r.id as bigint}, ${r.at as Date}::timestamp, ${r.actorId as string | null}, ${r.action as string}, ${r.entityType as string}, ${r.entityId as string},
                  ${r.organizationId as string | null}, ${r.data === null ? null : JSON.stringify(r.data)}::jsonb, ${r.prevHash as string | null}, ${r.hash as string})`,
        ownerDb.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_chain"`),
      ]);
    }
    expect((await verifyAuditChain()).firstBroken).toBeNull();
  });

  it("the app's role owns nothing: it can neither switch the triggers off nor change or empty the log, yet its use cases write their audit rows", async () => {
    const [role] = await db.$queryRaw<{ name: string; superuser: boolean; owned: number; create: boolean }[]>`
      SELECT current_user AS name, rolsuper AS superuser, has_schema_privilege('public', 'CREATE') AS create,
             (SELECT count(*)::int FROM pg_class WHERE relowner = pg_roles.oid AND relnamespace = 'public'::regnamespace) AS owned
        FROM pg_roles WHERE rolname = current_user`;
    expect(role).toMatchObject({ superuser: false, owned: 0, create: false });
    const head = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true, hash: true } });

    const refusals: [string, RegExp][] = [
      [`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`, /must be owner/],
      [`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`, /must be owner/],
      [`SET session_replication_role = replica`, /permission denied/],
      [`UPDATE "AuditLog" SET action = 'rewritten' WHERE id = ${head.id}`, /permission denied/],
      [`DELETE FROM "AuditLog" WHERE id = ${head.id}`, /permission denied/],
      [`TRUNCATE "AuditLog"`, /permission denied/],
      [`DROP TABLE "AuditLog"`, /must be owner/],
      [`CREATE TABLE "Shadow" (id int)`, /permission denied/],
    ];
    for (const [statement, refusal] of refusals) await expect(db.$executeRawUnsafe(statement), statement).rejects.toThrow(refusal);
    expect(await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true, hash: true } })).toEqual(head);

    // A use case as the app runs it: its change and its audit row, chained by the trigger.
    const member = await actorFor("dangvien");
    const { locale } = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { locale: true } });
    await setUserLocale(member, locale === "vi" ? "en" : "vi");
    const written = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    await setUserLocale(member, locale as "vi" | "en"); // as the other tests expect the account
    expect(written).toMatchObject({ action: "user.locale", actorId: member.userId, prevHash: head.hash });
    expect((await verifyAuditChain()).firstBroken).toBeNull();
  });

  it("verification time, for the record", async () => {
    const started = performance.now();
    const report = await verifyAuditChain();
    console.info(`[audit] verified ${report.rows} rows in ${Math.round(performance.now() - started)} ms`);
  });
});
