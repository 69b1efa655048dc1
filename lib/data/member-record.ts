import "server-only";
import { NotFoundError, type Target } from "@/lib/review/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient, Tx } from "./db";
import { getOrgAncestry } from "./scope";

// A member's record as the use cases that change it read it (the self-review, the opinions): locked
// against the other changes of the same record, loaded with what each use case selects, and with the
// target its permissions are checked on — the record's cell and its ancestors, and its member.

/** What every caller selects: the member's fields the caller reads, at the least. */
type MemberRecordSelect = Prisma.ReviewRecordSelect & { member: { select: Prisma.MemberSelect } };

type Selected<S extends MemberRecordSelect> = Prisma.ReviewRecordGetPayload<{ select: S }>;

/** The record as `select` reads it, its member present (a member's record), and its target. */
export type MemberRecord<S extends MemberRecordSelect> = Omit<Selected<S>, "memberId" | "member" | "scopeOrgId"> & {
  memberId: string;
  scopeOrgId: string;
  member: NonNullable<Selected<S> extends { member: infer M } ? M : never>;
  target: Target & { memberId: string };
};

/** Serializes the changes of one member's record (submit, return, the opinions, the meeting) against each other. */
export async function lockMemberRecord(tx: Tx, recordId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ReviewRecord" WHERE id = ${recordId} AND "subjectKind" = 'MEMBER' FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError();
}

/** A member's record with what `select` reads and its target, for authorization on database truth; null when there is none. */
export async function loadMemberRecord<S extends MemberRecordSelect>(client: DbClient, recordId: string, select: S): Promise<MemberRecord<S> | null> {
  const found = await client.reviewRecord.findUnique({ where: { id: recordId }, select: { ...select, memberId: true, scopeOrgId: true } });
  const record = found as unknown as
    (Omit<MemberRecord<S>, "memberId" | "member" | "target"> & { memberId: string | null; member: MemberRecord<S>["member"] | null }) | null;
  if (!record || !record.memberId || !record.member) return null;
  const target = { organizationAncestry: await getOrgAncestry(record.scopeOrgId, client), memberId: record.memberId };
  return { ...record, memberId: record.memberId, member: record.member, target } as MemberRecord<S>;
}

/** Locks, then loads: what a command on one member's record reads first, inside its transaction. */
export async function lockAndLoadMemberRecord<S extends MemberRecordSelect>(tx: Tx, recordId: string, select: S): Promise<MemberRecord<S> | null> {
  await lockMemberRecord(tx, recordId);
  return loadMemberRecord(tx, recordId, select);
}
