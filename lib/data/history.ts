import "server-only";
import { can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { db, type DbClient } from "./db";
import { isWithheld, withheldData } from "@/lib/review/disclosure";
import { getOrgAncestry } from "./scope";

// The history of a record, read from the append-only audit log (index AuditLog(entityType, entityId, at)).
// readHistory is the same for any entity: the meeting's minutes read theirs with entityType "Meeting",
// after authorizing on the meeting as this file does on the record.

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryEntry {
  id: string;
  at: Date;
  /** The account's display name; null for the system (the seed, a migration). */
  actorName: string | null;
  action: string;
  data: unknown;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** One page of an entity's audit rows, newest first, and how many there are in all. */
export async function readHistory(client: DbClient, entityType: string, entityId: string, requestedPage = 1): Promise<HistoryPage> {
  const where = { entityType, entityId };
  const total = await client.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const rows = await client.auditLog.findMany({
    where,
    // Rows of one transaction share their `at`: the id keeps them in the order they were written.
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
    select: { id: true, at: true, action: true, data: true, actor: { select: { displayName: true } } },
  });
  return {
    entries: rows.map((r) => ({ id: r.id.toString(), at: r.at, actorName: r.actor?.displayName ?? null, action: r.action, data: r.data })),
    total,
    page,
    pageCount,
    pageSize: HISTORY_PAGE_SIZE,
  };
}

/**
 * The audit trail of a member's review record, for whoever may read the record (as getSelfReviewPage).
 * The member reading their own record reads the committees' deliberation withheld until the result is
 * published (lib/review/disclosure.ts); the unit's officers read it whole.
 */
export async function listRecordHistory(actor: Actor, recordId: string, options: { page?: number } = {}): Promise<HistoryPage> {
  const record = await db.reviewRecord.findUnique({ where: { id: recordId }, select: { id: true, scopeOrgId: true, memberId: true, state: true } });
  if (!record || !record.memberId) throw new NotFoundError();
  const organizationAncestry = await getOrgAncestry(record.scopeOrgId);
  if (!can(actor, "member:read", { organizationAncestry, memberId: record.memberId })) throw new NotFoundError();
  const history = await readHistory(db, "ReviewRecord", record.id, options.page ?? 1);
  if (can(actor, "member:read", { organizationAncestry })) return history;
  const lastPublication = await db.auditLog.findFirst({
    where: { entityType: "ReviewRecord", entityId: record.id, action: "record.publish" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { at: true },
  });
  const seenAs = { state: record.state, lastPublishedAt: lastPublication?.at ?? null };
  return { ...history, entries: history.entries.map((e) => (isWithheld(e, seenAs) ? { ...e, data: withheldData(e.data) } : e)) };
}

/** The audit trail of a cell's minutes (finalizing, re-review), for whoever may read the meeting. */
export async function listMeetingHistory(actor: Actor, cellId: string, cycleId: string, options: { page?: number } = {}): Promise<HistoryPage | null> {
  const ancestry = await getOrgAncestry(cellId);
  if (ancestry.length === 0 || !can(actor, "member:read", { organizationAncestry: ancestry })) throw new NotFoundError();
  const meeting = await db.meeting.findUnique({ where: { cycleId_organizationId: { cycleId, organizationId: cellId } }, select: { id: true } });
  return meeting ? readHistory(db, "Meeting", meeting.id, options.page ?? 1) : null;
}
