import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { createSession } from "@/lib/data/sessions";
import { declareTask } from "@/lib/data/tasks";
import { setUserLocale } from "@/lib/data/users";
import { backup, restore, verifyBackup } from "../../scripts/db-backup.mjs";
import { deploy } from "../../scripts/migrate.mjs";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict } from "./fixtures";
import { ownerUrl } from "./owner";
import { expectTallyExact } from "./tally";

// npm run db:backup / db:restore: the demo district backed up, restored into a fresh database migrated
// to the same point, and compared table by table, row by row. Backups and restores run as the schema's
// owner, as the npm scripts do; the backup key is the test's own.

const source = ownerUrl;
const key = "the-test-backup-key-0123456789-abcdef";
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
async function fingerprint(url: string, except: string[] = []) {
  const tables = (
    await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).filter((t) => !except.includes(t.tablename));
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

const backupFile = path.join(dir, "made-by-the-backup", "demo.jsonl.gz");

/** The backup's text as written (gzip undone), to edit as an attacker would, and to write back. */
const readBackup = (file: string) => gunzipSync(readFileSync(file)).toString("utf8");
function writeEdited(name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, gzipSync(text));
  return file;
}

describe("backup and restore", () => {
  it("a restore gives back identical data, the audit chain included, and the sequences continue; it ends every session and says so", async () => {
    // A session open in the backed-up database: it must not open the restored one. And an audit row.
    const member = await actorFor("dangvien");
    const { locale } = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { locale: true } });
    await setUserLocale(member, locale === "vi" ? "en" : "vi");
    await setUserLocale(member, locale as "vi" | "en"); // as the other tests expect the account
    const sessionId = await createSession(member.userId, 8, { userAgent: "backup test", ipAddress: null });
    // An evidence file with every byte value: files live in the database and travel with the backup.
    const task = await declareTask(member, {
      subject: { kind: "MEMBER", memberId: member.memberId! },
      task: {
        title: "Nhiệm vụ năm sau",
        source: "Kế hoạch",
        assignedOn: `${CURRENT_YEAR + 1}-01-05`,
        dueOn: `${CURRENT_YEAR + 1}-03-31`,
        expectedProduct: "Báo cáo",
        qualityMeasure: "Đạt",
      },
    });
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const file = await db.taskFile.create({
      data: { taskId: task.id, fileName: "mọi byte.zip", contentType: "application/zip", size: bytes.length, sha256: "test", content: bytes },
    });
    const started = Date.now();
    const saved = await backup(source, backupFile, { key });
    const backedUp = Date.now();
    const restored = await restore(target, backupFile, { key });
    console.info(`[backup] ${Object.values(saved).reduce((a, b) => a + b, 0)} rows: backup ${backedUp - started} ms, restore ${Date.now() - backedUp} ms`);
    expect(restored.tables).toEqual(saved);
    expect(saved.Member).toBeGreaterThan(1000);
    expect(await fingerprint(target, ["Session", "AuditLog"])).toEqual(await fingerprint(source, ["Session", "AuditLog"]));
    const [restoredFile] = await query<{ content: Buffer }>(target, `SELECT content FROM "TaskFile" WHERE id = '${file.id}'`);
    expect(Buffer.compare(restoredFile.content, bytes)).toBe(0);

    // Every session came back ended, that one among them; the audit log is the backup's plus the restore.
    const sessions = await query<{ id: string; open: boolean }>(target, `SELECT id, "revokedAt" IS NULL AS open FROM "Session"`);
    expect(sessions.map((s) => s.id)).toContain(sessionId);
    expect(sessions.filter((s) => s.open)).toEqual([]);
    const sourceLog = await query<{ row: string }>(source, `SELECT row_to_json(a)::text AS row FROM "AuditLog" a ORDER BY id`);
    const targetLog = await query<{ row: string; action: string; data: { sessionsEnded: number } }>(
      target,
      `SELECT row_to_json(a)::text AS row, action, data FROM "AuditLog" a ORDER BY id`,
    );
    expect(targetLog.slice(0, -1).map((r) => r.row)).toEqual(sourceLog.map((r) => r.row));
    expect(targetLog.at(-1)).toMatchObject({ action: "database.restore", data: { sessionsEnded: restored.sessionsEnded } });
    expect(restored.sessionsEnded).toBe((await query(source, `SELECT 1 FROM "Session" WHERE "revokedAt" IS NULL`)).length);
    expect(restored.sessionsEnded).toBeGreaterThan(0);

    // The restored audit log verifies, the restore's row included, and the next row written there joins its chain.
    const broken = `SELECT count(*)::int AS n FROM (SELECT *, lag(hash) OVER (ORDER BY id) AS expected_prev FROM "AuditLog") c
      WHERE "prevHash" IS DISTINCT FROM expected_prev OR hash IS DISTINCT FROM "audit_row_hash"("prevHash", id, at, "actorId", action, "entityType", "entityId", "organizationId", data)`;
    await query(target, `INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('backup.test', 'Database', 'test')`);
    expect((await query<{ n: number }>(target, broken))[0].n).toBe(0);
  }, 240_000);

  it("writes the backup for its owner's eyes only: the file 0600, the directory it made 0700", async () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(backupFile)).mode & 0o777).toBe(0o700);
    // A file of that name already readable by others is closed to them before anything is written in it.
    const existing = path.join(dir, "existing.jsonl.gz");
    writeFileSync(existing, "");
    chmodSync(existing, 0o644);
    await backup(source, existing, { key: `${key}-other` });
    expect(statSync(existing).mode & 0o777).toBe(0o600);
  }, 240_000);

  it("refuses a backup edited after it was written, before it touches the database", async () => {
    const text = readBackup(backupFile);
    const before = await fingerprint(target);
    const refused = async (file: string, reason: RegExp) => {
      await expect(verifyBackup(file, { key })).rejects.toThrow(reason);
      // Refused before connecting: against a database that does not exist it fails the same way.
      await expect(restore("postgresql://nobody:nothing@127.0.0.1:9/none", file, { key })).rejects.toThrow(reason);
    };

    // A member's role raised to administrator.
    const assignment = text.split("\n").find((line) => line.includes('"role":"MEMBER"'))!;
    expect(assignment).toBeDefined();
    const escalated = writeEdited("escalated.jsonl.gz", text.replace(assignment, assignment.replace('"role":"MEMBER"', '"role":"ADMIN"')));
    await refused(escalated, /changed after it was written/);
    await expect(restore(target, escalated, { key })).rejects.toThrow(/changed after it was written/);
    // An audit row removed, the digest kept.
    const auditRow = text.split("\n").find((line) => line.includes('"prevHash":'))!;
    expect(auditRow).toBeDefined();
    await refused(writeEdited("audit-row-removed.jsonl.gz", text.replace(`${auditRow}\n`, "")), /changed after it was written/);
    // The digest cut off, or something added after it.
    await refused(writeEdited("no-digest.jsonl.gz", text.slice(0, text.lastIndexOf('{"hmac":'))), /no digest/);
    await refused(writeEdited("appended.jsonl.gz", `${text}{"table":"User"}\n`), /more after its digest/);
    // Written, or re-signed, with a key that is not this one.
    await refused(path.join(dir, "existing.jsonl.gz"), /another backup key/);
    // A backup of the unsigned format.
    const unsigned = text.replace('"format":"kiem-diem-backup/2"', '"format":"kiem-diem-backup/1"');
    await refused(writeEdited("unsigned.jsonl.gz", unsigned.slice(0, unsigned.lastIndexOf('{"hmac":'))), /before backups were signed/);

    expect(await fingerprint(target)).toEqual(before);
  }, 240_000);

  it("refuses a database at another migration, changing nothing", async () => {
    await query(target, `DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`);
    const before = await fingerprint(target);
    await expect(restore(target, backupFile, { key })).rejects.toThrow(/migrate to the same point/);
    expect(await fingerprint(target)).toEqual(before);
  }, 240_000);
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
