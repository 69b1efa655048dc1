import "server-only";
import type { Actor, Role } from "@/lib/review/permissions";
import { writeAudit } from "./audit";
import { db } from "./db";

/** The signed-in person with their roles, read from the database on every request (roles may change). */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      memberId: true,
      active: true,
      roleAssignments: { select: { role: true, organizationId: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    displayName: user.displayName,
    memberId: user.memberId,
    roles: user.roleAssignments.map((r) => ({ role: r.role as Role, organizationId: r.organizationId })),
  };
}

export async function findUserForSignIn(username: string) {
  return db.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, active: true, displayName: true },
  });
}

/** The interface language saved on an account, applied when the person signs in on any device. */
export async function findUserLocale(username: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { username }, select: { locale: true } });
  return user?.locale ?? null;
}

// Signing in is recorded before there is an actor (lib/data/command.ts runs a change for one): these two
// write their typed audit rows through writeAudit directly, each in its own transaction.

/** A failed sign-in, under the username that was typed (which may name nobody): no actor, no account. */
export async function recordSignInFailure(username: string): Promise<void> {
  await db.$transaction((tx) => writeAudit(tx, { actorId: null, action: "user.sign-in-failed", entityId: username, organizationId: null }));
}

/** A sign-in: the account's last sign-in time and its audit row, together. */
export async function recordSignIn(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
    await writeAudit(tx, { actorId: userId, action: "user.sign-in", entityId: userId, organizationId: null });
  });
}
