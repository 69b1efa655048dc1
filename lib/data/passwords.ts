import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { accountKey } from "@/lib/auth/throttle";
import { DomainError } from "@/lib/errors";
import { ChangePasswordSchema } from "@/lib/schemas/account";
import { writeAudit } from "./audit";
import { db } from "./db";
import { claimSignInAttempt, releaseSignInClaim } from "./sign-in-throttle";

/**
 * Changes the person's own password: the new one must be hard to guess and not contain the username
 * (lib/auth/password-strength), the current one is checked (and counted on the account's own throttle
 * key, so a borrowed session cannot guess it, while guesses at the sign-in form by anyone else never
 * hold the owner back), the new one hashed, and every other session of the person ended in the same
 * transaction, audited. The session it was changed from stays open.
 */
export async function changeOwnPassword(actor: Actor, raw: unknown, currentSessionId: string | null): Promise<{ endedSessions: number }> {
  const input = ChangePasswordSchema.parse(raw);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true, passwordHash: true } });
  const weakness = passwordWeakness(input.newPassword, user.username);
  if (weakness) throw new DomainError("INVALID_INPUT", { newPassword: weakness });
  const keys = [accountKey(actor.userId)];
  const claim = await claimSignInAttempt(keys);
  if (!claim.allowed) throw new DomainError("TRY_LATER", { currentPassword: "TRY_LATER" });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("INVALID_INPUT", { currentPassword: "wrongPassword" });
  }
  await releaseSignInClaim(keys);
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, { actorId: actor.userId, action: "user.password", entityId: actor.userId, organizationId: null, data: { endedSessions: count } });
    return { endedSessions: count };
  });
}
