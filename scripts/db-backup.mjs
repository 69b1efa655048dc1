#!/usr/bin/env node
// npm run db:backup [-- FILE]   /   npm run db:restore -- FILE
//
// A logical backup of the application's database: every table of the public schema, row by row as
// PostgreSQL's own JSON (row_to_json), gzip-compressed JSON lines, with the list of migrations it was
// taken at. Restoring needs a database migrated to the same point (with-db applies the migrations
// first); it replaces every table's rows in one transaction, with triggers off (the audit log's
// append-only and hash-chain triggers: the rows come back with their own hashes), and sets the
// sequences after. Why not pg_dump: the embedded PostgreSQL is 18, and the pg_dump this machine can
// install (Debian 12's postgresql-client, 15) refuses to dump a newer server; with a pg_dump 18 on
// PATH, `pg_dump -Fc "$DATABASE_OWNER_URL"` is the same backup in pg_dump's format (unsigned).
//
// Both run as the schema's owner (DATABASE_OWNER_URL; with-db --owner passes it): the app's role may not
// turn triggers off. A backup is readable by its owner only (0600, in a 0700 directory when it creates
// one) and ends with an HMAC-SHA256 of everything before it, keyed by BACKUP_KEY (else the key kept in
// .data/backup-key, made at the first backup). A restore first reads the whole file and refuses it
// unless the digest matches, before it touches the database: whoever can edit a backup but does not
// hold the key cannot slip an account, a role or an audit row into a restored database. The restore
// then ends every session (the restored ones too), and says so in the audit log.
import { Buffer } from "node:buffer";
import fs from "node:fs";
import path from "node:path";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import pg from "pg";

const FORMAT = "kiem-diem-backup/2";
const BATCH = 2000;
const TRAILER = '{"hmac":';

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

function assertKey(key) {
  if (typeof key !== "string" || key.length < 32) throw new Error("the backup key (BACKUP_KEY) must be at least 32 characters");
}

/** Names a key without revealing it, so a refusal can say "another key" rather than "edited". */
export function backupKeyId(key) {
  assertKey(key);
  return createHmac("sha256", key).update("kiem-diem-backup key id").digest("hex").slice(0, 16);
}

async function tables(client) {
  const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
  return rows.map((r) => r.tablename);
}

async function migrations(client) {
  const { rows } = await client.query(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** Opens `file` for writing, readable by its owner only, whatever mode an earlier file of that name had. */
function privateFile(file) {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, "w", 0o600);
  fs.fchmodSync(fd, 0o600);
  return fs.createWriteStream("", { fd });
}

/** Writes the backup of `url` to `file`, signed with `key`; returns the row count per table. */
export async function backup(url, file, { key }) {
  const keyId = backupKeyId(key);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = {};
  try {
    // One snapshot for every table: the backup is consistent even while the app writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const header = {
      format: FORMAT,
      takenAt: new Date().toISOString(),
      migrations: await migrations(client),
      tables: await tables(client),
      digest: "HMAC-SHA256",
      keyId,
    };
    const hmac = createHmac("sha256", key);
    async function* signed() {
      for await (const chunk of lines()) {
        hmac.update(chunk);
        yield chunk;
      }
      yield `${TRAILER}${JSON.stringify(hmac.digest("hex"))}}\n`;
    }
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of header.tables) {
        counts[table] = 0;
        yield `${JSON.stringify({ table })}\n`;
        await client.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table)} t`);
        for (;;) {
          const { rows } = await client.query(`FETCH ${BATCH} FROM rows_cursor`);
          if (rows.length === 0) break;
          counts[table] += rows.length;
          yield rows.map((r) => `${r.row}\n`).join("");
        }
        await client.query("CLOSE rows_cursor");
      }
    }
    try {
      await pipeline(Readable.from(signed()), zlib.createGzip(), privateFile(file));
    } catch (error) {
      fs.rmSync(file, { force: true }); // no half backup that looks like one
      throw error;
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return counts;
}

/**
 * The lines of a stream, read as the loop asks for them (a stream's own async iterator waits for its
 * reader; readline's emits as it reads, and lines sent while the reader awaits a query can be lost).
 */
async function* readLines(stream) {
  let rest = "";
  for await (const chunk of stream.setEncoding("utf8")) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    yield* lines;
  }
  if (rest) yield rest;
}

/**
 * The backup's lines before its digest, each checked into the HMAC; `verify()` once they are all read
 * throws unless the digest is there, last, and matches. The header is returned as read (trusted only
 * after verify).
 */
function signedLines(file, key) {
  const hmac = createHmac("sha256", key);
  let digest = null;
  let header = null;
  const refuse = (why) => new Error(`${file} is refused: ${why}`);
  return {
    get header() {
      return header;
    },
    async *lines() {
      for await (const line of readLines(fs.createReadStream(file).pipe(zlib.createGunzip()))) {
        if (digest !== null) throw refuse("there is more after its digest (it was changed after it was written)");
        if (line.startsWith(TRAILER)) {
          digest = JSON.parse(line).hmac;
          continue;
        }
        hmac.update(`${line}\n`);
        if (header === null) {
          header = JSON.parse(line);
          if (header.format === "kiem-diem-backup/1") throw refuse("it was written before backups were signed, and its content cannot be vouched for");
          if (header.format !== FORMAT) throw refuse(`it is not a backup of this application (format ${header.format})`);
        }
        yield line;
      }
    },
    verify() {
      if (header === null) throw refuse("it is empty");
      if (typeof digest !== "string") throw refuse("it has no digest (cut short, or changed after it was written)");
      const expected = hmac.digest();
      const found = Buffer.from(digest, "hex");
      if (found.length !== expected.length || !timingSafeEqual(found, expected)) {
        const here = backupKeyId(key);
        throw refuse(
          header.keyId !== here
            ? `it was signed with another backup key (key id ${header.keyId}; this BACKUP_KEY is ${here})`
            : "its digest does not match (it was changed after it was written)",
        );
      }
    },
  };
}

/** Reads the whole backup and checks its digest, writing nothing; returns its header. */
export async function verifyBackup(file, { key }) {
  assertKey(key);
  const reader = signedLines(file, key);
  for await (const line of reader.lines()) void line;
  reader.verify();
  return reader.header;
}

/**
 * Replaces the data of `url` with the backup in `file`, once its digest under `key` holds; ends every
 * session and writes the restore into the audit log. Returns the row count per table and the number of
 * sessions ended.
 */
export async function restore(url, file, { key }) {
  // The whole file is checked before the database is touched; the second reading, the one restored, is
  // checked again before it commits, in case the file changed in between.
  await verifyBackup(file, { key });
  const reader = signedLines(file, key);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = {};
  let sessionsEnded;
  try {
    let table = null;
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [`[${batch.join(",")}]`]);
      counts[table] += batch.length;
      batch = [];
    };
    await client.query("BEGIN");
    // Triggers off for this transaction only (the audit log's rows come back as they were).
    await client.query("SET LOCAL session_replication_role = replica");
    let first = true;
    for await (const line of reader.lines()) {
      if (first) {
        first = false;
        const here = await migrations(client);
        if (JSON.stringify(here) !== JSON.stringify(reader.header.migrations)) {
          throw new Error(
            `the database is at migration ${here.at(-1) ?? "(none)"}, the backup at ${reader.header.migrations.at(-1)}: migrate to the same point first`,
          );
        }
        await client.query(`TRUNCATE ${(await tables(client)).map(quote).join(", ")}`);
        continue;
      }
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        table = JSON.parse(line).table;
        counts[table] = 0;
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    reader.verify();
    // Sequences continue after the restored rows.
    const { rows: sequences } = await client.query(`
      SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
        FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace`);
    for (const s of sequences) {
      await client.query(
        `SELECT setval(${"'"}${quote(s.seq).replaceAll("'", "''")}${"'"}, COALESCE((SELECT max(${quote(s.col)}) FROM ${quote(s.tbl)}), 1), (SELECT count(*) > 0 FROM ${quote(s.tbl)}))`,
      );
    }
    // Triggers on again: the restore's own audit row joins the restored chain.
    await client.query("SET LOCAL session_replication_role = origin");
    // Nobody stays signed in through a session of the restored database (or one the backup carried).
    sessionsEnded = (await client.query(`UPDATE "Session" SET "revokedAt" = now() AT TIME ZONE 'UTC' WHERE "revokedAt" IS NULL`)).rowCount;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    await client.query(
      `INSERT INTO "AuditLog" (at, action, "entityType", "entityId", data) VALUES (now() AT TIME ZONE 'UTC', 'database.restore', 'Backup', $1, $2::jsonb)`,
      [reader.header.takenAt, JSON.stringify({ file: path.basename(file), takenAt: reader.header.takenAt, keyId: reader.header.keyId, rows, sessionsEnded })],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { tables: counts, sessionsEnded };
}

/** BACKUP_KEY, else the key kept in .data/backup-key (made by the first backup, never by a restore). */
function backupKey(create) {
  if (process.env.BACKUP_KEY) return process.env.BACKUP_KEY;
  const file = path.resolve(".data/backup-key");
  if (!fs.existsSync(file)) {
    if (!create) throw new Error("no BACKUP_KEY and no .data/backup-key: set BACKUP_KEY to the key the backup was written with");
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, fileArg] = process.argv.slice(2);
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_OWNER_URL is not set (run through scripts/with-db.mjs --owner)");
  const started = Date.now();
  if (command === "backup") {
    const file = fileArg ?? `.data/backups/backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
    const key = backupKey(true);
    const counts = await backup(url, file, { key });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `Backed up ${rows} rows of ${Object.keys(counts).length} tables to ${file} (${fs.statSync(file).size} bytes, key id ${backupKeyId(key)}) in ${Date.now() - started} ms.`,
    );
  } else if (command === "restore" && fileArg) {
    const { tables: counts, sessionsEnded } = await restore(url, fileArg, { key: backupKey(false) });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `Restored ${rows} rows of ${Object.keys(counts).length} tables from ${fileArg} in ${Date.now() - started} ms; sessions ended: ${sessionsEnded}.`,
    );
  } else {
    console.error("usage: db-backup.mjs backup [FILE] | restore FILE");
    process.exitCode = 2;
  }
}
