import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_ENTITY, type AuditAction, type AuditPayloads } from "@/lib/review/audit-actions";
import { db, type DbClient, type Tx } from "./db";

/**
 * One audit row, typed by its action (lib/review/audit-actions.ts): the entity type follows from the
 * action, and `data` must have the action's payload shape — before/after values of what changed, enough
 * to read the history without the live row.
 */
export type AuditEntry<A extends AuditAction = AuditAction> = A extends AuditAction
  ? {
      actorId: string | null;
      action: A;
      entityId: string;
      organizationId: string | null;
      data?: AuditPayloads[A];
    }
  : never;

/** Writes audit rows inside the caller's transaction: the change and its record commit together. */
export async function writeAudit(tx: Tx, ...entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map(({ data, ...entry }) => ({
    ...entry,
    entityType: AUDIT_ENTITY[entry.action],
    ...(data === undefined ? {} : { data: data as Prisma.InputJsonValue }),
  }));
  if (rows.length === 1) await tx.auditLog.create({ data: rows[0] });
  else if (rows.length > 1) await tx.auditLog.createMany({ data: rows });
}

export type AuditChainReport = {
  rows: number;
  /** The hash of the last row: kept elsewhere (a printout, another system), it anchors the whole chain. */
  head: string | null;
  /** The first row whose link or hash does not match, with what was found wrong. */
  firstBroken: { id: bigint; reason: "prevHash" | "hash" } | null;
};

/**
 * Recomputes the audit log's hash chain (the trigger "AuditLog_chain" wrote it) in one pass in id order
 * and names the first row that breaks it: a row changed, deleted or slipped in around the append-only
 * triggers shows there.
 */
export async function verifyAuditChain(client: DbClient = db): Promise<AuditChainReport> {
  const [broken] = await client.$queryRaw<{ id: bigint; reason: "prevHash" | "hash" }[]>`
    SELECT id, CASE WHEN "prevHash" IS DISTINCT FROM expected_prev THEN 'prevHash' ELSE 'hash' END AS reason
      FROM (SELECT *, lag(hash) OVER (ORDER BY id) AS expected_prev FROM "AuditLog") chain
     WHERE "prevHash" IS DISTINCT FROM expected_prev
        OR hash IS DISTINCT FROM "audit_row_hash"("prevHash", id, at, "actorId", action, "entityType", "entityId", "organizationId", data)
     ORDER BY id
     LIMIT 1`;
  const [summary] = await client.$queryRaw<{ rows: bigint; head: string | null }[]>`
    SELECT count(*) AS rows, (SELECT hash FROM "AuditLog" ORDER BY id DESC LIMIT 1) AS head FROM "AuditLog"`;
  return { rows: Number(summary.rows), head: summary.head, firstBroken: broken ?? null };
}
