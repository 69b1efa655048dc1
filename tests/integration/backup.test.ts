import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore } from "../../scripts/db-backup.mjs";
import { deploy } from "../../scripts/migrate.mjs";
import { ensureDemoDistrict } from "./fixtures";
import { expectTallyExact } from "./tally";

// npm run db:backup / db:restore: the demo district backed up, restored into a fresh database migrated
// to the same point, and compared table by table, row by row.

const source = process.env.DATABASE_URL!;
const targetName = `app_restore_${process.pid}`;
const target = (() => {
  const url = new URL(source);
  url.pathname = `/${targetName}`;
  return url.toString();
})();
const dir = mkdtempSync(path.join(os.tmpdir(), "kd-backup-"));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's rows, as PostgreSQL's JSON of each row, sorted and hashed: equal means identical data. */
async function fingerprint(url: string) {
  const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
  const prints: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await query<{ n: string; md5: string | null }>(
      url,
      `SELECT count(*) AS n, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS md5 FROM "${tablename}" t`,
    );
    prints[tablename] = `${row.n}:${row.md5}`;
  }
  return prints;
}

beforeAll(async () => {
  await ensureDemoDistrict();
  await query(source, `DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
  await query(source, `CREATE DATABASE ${targetName}`);
  await deploy(target);
});

afterAll(async () => {
  await query(source, `DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("a restore gives back identical data, the audit chain included, and the sequences continue", async () => {
    const file = path.join(dir, "demo.jsonl.gz");
    const started = Date.now();
    const saved = await backup(source, file);
    const backedUp = Date.now();
    const restored = await restore(target, file);
    console.info(`[backup] ${Object.values(saved).reduce((a, b) => a + b, 0)} rows: backup ${backedUp - started} ms, restore ${Date.now() - backedUp} ms`);
    expect(restored).toEqual(saved);
    expect(saved.Member).toBeGreaterThan(1000);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));

    // The restored audit log verifies, and the next row written there joins its chain.
    const broken = `SELECT count(*)::int AS n FROM (SELECT *, lag(hash) OVER (ORDER BY id) AS expected_prev FROM "AuditLog") c
      WHERE "prevHash" IS DISTINCT FROM expected_prev OR hash IS DISTINCT FROM "audit_row_hash"("prevHash", id, at, "actorId", action, "entityType", "entityId", "organizationId", data)`;
    await query(target, `INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('backup.restore', 'Database', 'test')`);
    expect((await query<{ n: number }>(target, broken))[0].n).toBe(0);
  }, 240_000);

  it("refuses a database at another migration, changing nothing", async () => {
    const file = path.join(dir, "demo.jsonl.gz"); // the backup of the test above
    await query(target, `DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`);
    const before = await fingerprint(target);
    await expect(restore(target, file)).rejects.toThrow(/migrate to the same point/);
    expect(await fingerprint(target)).toEqual(before);
  }, 240_000);
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
