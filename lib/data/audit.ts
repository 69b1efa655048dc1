import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./db";

export type AuditEntry = {
  actorId: string | null;
  /** What happened, as "entity.verb": "member.update", "cycle.deadlines". */
  action: string;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  /** Before/after values of what changed, enough to read the history without the live row. */
  data?: Prisma.InputJsonValue;
};

/** Writes one audit row inside the caller's transaction: the change and its record commit together. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
