#!/usr/bin/env node
// The two database roles. The OWNER owns the schema: it runs the migrations, the seed and the restore
// (which turns triggers off). The APP role, which the server connects as, owns nothing: it reads and
// writes rows, appends to the audit log and reads it, and can neither change nor remove an audit row,
// nor switch the audit triggers off (only a table's owner or a superuser can), nor create objects.
//
//   node scripts/db-roles.mjs sql [ROLE]   prints the grants to run as the owner on a managed database
//
// scripts/with-db.mjs creates the app role on the embedded database and applies the grants after every
// migration run; with DATABASE_URL and DATABASE_OWNER_URL naming two roles it applies them too.
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const APP_ROLE = "kiem_diem_app";

const ident = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * The app role's privileges, as the owner grants them; idempotent, re-run after each migration. The
 * default privileges give tables, sequences and functions created later by the owner the same grants, so
 * a new migration's table is usable before the next re-grant; the exceptions are re-applied here.
 */
export function grantSql(role = APP_ROLE) {
  const r = ident(role);
  return `
GRANT USAGE ON SCHEMA public TO ${r};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${r};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${r};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${r};
DO $$ BEGIN
  -- The audit log is read and appended to, nothing else; the migrations' own table is the owner's.
  IF to_regclass('public."AuditLog"') IS NOT NULL THEN
    REVOKE ALL ON "AuditLog" FROM ${r};
    GRANT SELECT, INSERT ON "AuditLog" TO ${r};
  END IF;
  IF to_regclass('public."_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM ${r};
  END IF;
END $$;
`.trim();
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Two launchers starting at once would otherwise race on the same catalog rows ("tuple concurrently updated").
const GRANT_LOCK = 7305412;

/**
 * Creates the app role on the embedded database if missing (as its superuser) and returns its password.
 * The password is derived from the cluster's own identifier, so every launcher that reaches this cluster
 * (another checkout reusing the port, a server started earlier) agrees on it without a file to share; it
 * is no weaker than the embedded superuser's fixed password, which reaches the same cluster.
 */
export async function ensureEmbeddedAppRole(ownerUrl, role = APP_ROLE) {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query("SELECT system_identifier::text AS id FROM pg_control_system()");
    const password = createHash("sha256").update(`${role}:${rows[0].id}`).digest("base64url");
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [GRANT_LOCK]);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (!rowCount) await client.query(`CREATE ROLE ${ident(role)}`);
    await client.query(
      `ALTER ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query("COMMIT");
    return password;
  });
}

/** Applies grantSql as the owner. */
export async function grantAppRole(ownerUrl, role = APP_ROLE) {
  await withClient(ownerUrl, async (client) => {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [GRANT_LOCK]);
    await client.query(grantSql(role));
    await client.query("COMMIT");
  });
}

/** What is wrong with the role of `url` as the app's role: superuser, owner of objects. Empty when nothing. */
export async function appRoleProblems(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`
      SELECT current_user AS role, r.rolsuper AS superuser,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S')) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
    const { role, superuser, owned } = rows[0];
    return [
      ...(superuser ? [`the app connects as ${role}, a superuser`] : []),
      ...(owned ? [`the app connects as ${role}, the owner of ${owned} tables/sequences`] : []),
    ];
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [command, role] = process.argv.slice(2);
  if (command === "sql") console.log(grantSql(role ?? APP_ROLE));
  else {
    console.error("usage: db-roles.mjs sql [ROLE]");
    process.exitCode = 2;
  }
}
