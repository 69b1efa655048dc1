import "server-only";
import type { DbClient, Tx } from "./db";

// What every writer of decisions shares: the units' ancestries read at once, the locks taken in one order
// (peer groups, then records, each by id, so two writers never wait on each other in a cycle), and the
// reopening of decided records. Used by the members' and the units' desks, the meeting's re-review and
// the re-rating decisions.

/** Ancestry (self first) of several units at once: one query. */
export async function ancestriesOf(orgIds: readonly string[], client: DbClient): Promise<Map<string, string[]>> {
  const rows = await client.orgClosure.findMany({
    where: { descendantId: { in: [...new Set(orgIds)] } },
    orderBy: { distance: "asc" },
    select: { ancestorId: true, descendantId: true },
  });
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.descendantId, [...(map.get(row.descendantId) ?? []), row.ancestorId]);
  return map;
}

/**
 * Sends records back to be reviewed and rated again: their decisions superseded (kept, dated), the records
 * UNDER_REREVIEW with no decided level. The caller writes the audit rows that say why.
 */
export async function reopenRecords(tx: Tx, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await tx.ratingDecision.updateMany({ where: { recordId: { in: [...recordIds] }, supersededAt: null }, data: { supersededAt: new Date() } });
  await tx.reviewRecord.updateMany({
    where: { id: { in: [...recordIds] } },
    data: { state: "UNDER_REREVIEW", decidedLevel: null, decidedAt: null, publishedAt: null, version: { increment: 1 } },
  });
}

/** Locks the peer groups in a fixed order, so two writers never wait on each other in a cycle. */
export async function lockGroups(tx: Tx, groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "PeerGroup" WHERE id = ANY(${[...new Set(groupIds)].sort()}) ORDER BY id FOR UPDATE`;
}

/**
 * Locks what a set of decisions reads and writes, in the order every writer takes: the records' peer
 * groups (id order), then the records themselves (id order).
 */
export async function lockForDecisions(tx: Tx, recordIds: readonly string[]): Promise<void> {
  const located = await tx.reviewRecord.findMany({ where: { id: { in: [...recordIds] } }, select: { peerGroupId: true } });
  await lockGroups(
    tx,
    located.map((r) => r.peerGroupId).filter((g): g is string => g !== null),
  );
  await tx.$queryRaw`SELECT id FROM "ReviewRecord" WHERE id = ANY(${[...recordIds].sort()}) ORDER BY id FOR UPDATE`;
}
