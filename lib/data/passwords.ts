import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/review/permissions";
import { hashPassword, verifyPassword } from "@/lib/security/password";
import { passwordWeakness } from "@/lib/security/password-strength";
import { accountKey } from "@/lib/security/throttle";
import { DomainError } from "@/lib/errors";
import { ChangePasswordSchema } from "@/lib/schemas/account";
import { command } from "./command";
import { db } from "./db";
import { claimSignInAttempt, releaseSignInClaim } from "./sign-in-throttle";

/**
 * The write of a password change, once the current password was checked: the new hash, every other
 * session of the person ended, one audit row. Its input is the server's (a hash, the session to keep),
 * never the form's; one's own account is the whole scope.
 */
const replacePassword = command({
  input: z.object({ passwordHash: z.string().min(1), keepSessionId: z.string().nullable() }),
  load: (tx, _input, actor) => tx.user.findUnique({ where: { id: actor.userId }, select: { id: true } }),
  authorize: () => true,
  write: async ({ tx, input, loaded: user }) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: input.passwordHash } });
    const { count } = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    return { result: { endedSessions: count }, audit: { action: "user.password", entityId: user.id, organizationId: null, data: { endedSessions: count } } };
  },
});

/**
 * Changes the person's own password: the new one must be hard to guess and not contain the username
 * (lib/security/password-strength), the current one is checked (and counted on the account's own throttle
 * key, so a borrowed session cannot guess it, while guesses at the sign-in form by anyone else never
 * hold the owner back), the new one hashed, and every other session of the person ended in the same
 * transaction, audited. The session it was changed from stays open. The checks and the hashing (slow on
 * purpose) run before the transaction, so that it holds no lock while they run.
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
  return replacePassword(actor, { passwordHash: await hashPassword(input.newPassword), keepSessionId: currentSessionId });
}
