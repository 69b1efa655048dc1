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
// PATH, `pg_dump -Fc "$DATABASE_URL"` is the same backup in pg_dump's format.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import pg from "pg";

const FORMAT = "kiem-diem-backup/1";
const BATCH = 2000;

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

async function tables(client) {
  const { rows } = await client.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.tablename);
}

async function migrations(client) {
  const { rows } = await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return rows.map((r) => r.migration_name);
}

/** Writes the backup of `url` to `file`; returns the row count per table. */
export async function backup(url, file) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = {};
  try {
    // One snapshot for every table: the backup is consistent even while the app writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const header = { format: FORMAT, takenAt: new Date().toISOString(), migrations: await migrations(client), tables: await tables(client) };
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
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(file));
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

/** Replaces the data of `url` with the backup in `file`; returns the row count per table. */
export async function restore(url, file) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const input = readLines(fs.createReadStream(file).pipe(zlib.createGunzip()));
  const counts = {};
  try {
    let header = null;
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
    for await (const line of input) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line);
        if (header.format !== FORMAT) throw new Error(`${file} is not a backup of this application (format ${header.format})`);
        const here = await migrations(client);
        if (JSON.stringify(here) !== JSON.stringify(header.migrations)) {
          throw new Error(`the database is at migration ${here.at(-1) ?? "(none)"}, the backup at ${header.migrations.at(-1)}: migrate to the same point first`);
        }
        await client.query(`TRUNCATE ${(await tables(client)).map(quote).join(", ")}`);
        continue;
      }
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
    // Sequences continue after the restored rows.
    const { rows: sequences } = await client.query(`
      SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
        FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace`);
    for (const s of sequences) {
      await client.query(`SELECT setval(${"'"}${quote(s.seq).replaceAll("'", "''")}${"'"}, COALESCE((SELECT max(${quote(s.col)}) FROM ${quote(s.tbl)}), 1), (SELECT count(*) > 0 FROM ${quote(s.tbl)}))`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, fileArg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (run through scripts/with-db.mjs)");
  const started = Date.now();
  if (command === "backup") {
    const file = fileArg ?? `.data/backups/backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
    const counts = await backup(url, file);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Backed up ${rows} rows of ${Object.keys(counts).length} tables to ${file} (${fs.statSync(file).size} bytes) in ${Date.now() - started} ms.`);
  } else if (command === "restore" && fileArg) {
    const counts = await restore(url, fileArg);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Restored ${rows} rows of ${Object.keys(counts).length} tables from ${fileArg} in ${Date.now() - started} ms.`);
  } else {
    console.error("usage: db-backup.mjs backup [FILE] | restore FILE");
    process.exitCode = 2;
  }
}
