import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { EndSessionSchema, EndUserSessionsSchema } from "@/lib/schemas/account";
import { writeAudit } from "./audit";
import { command } from "./command";
import { db } from "./db";
import { getOrgAncestry } from "./scope";

/** A session's last-seen time is written at most this often, not on every click. */
const TOUCH_EVERY_MS = 60_000;

/** Opens a session at sign-in; it ends `maxAgeHours` later whatever happens to the cookie. */
export async function createSession(userId: string, maxAgeHours: number, client: { userAgent: string | null; ipAddress: string | null }) {
  const id = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxAgeHours * 3_600_000),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ipAddress: client.ipAddress,
    },
  });
  return id;
}

/**
 * Whether a session still holds for this user: not revoked, not expired. Checked on every request;
 * the last-seen time is refreshed when it is more than a minute old.
 */
export async function checkSession(sessionId: string, userId: string): Promise<boolean> {
  const now = new Date();
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true, revokedAt: true, lastSeenAt: true } });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/**
 * Ends one session (signing out): the cookie that names it opens nothing afterwards. Not a command: the
 * session may have ended already and there is no actor to load — the audit row names the session's own
 * person, through the typed writeAudit in the same transaction.
 */
export async function revokeSession(sessionId: string, reason: "sign-out" | "self"): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.session.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { userId: true },
    });
    if (ended.length === 0) return;
    await writeAudit(tx, {
      actorId: ended[0].userId,
      action: "session.revoke",
      entityId: ended[0].userId,
      organizationId: null,
      data: { reason, sessions: 1 },
    });
  });
}

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
};

/** The person's own sessions still open, newest first, the current one marked. */
export async function listMySessions(actor: Actor, currentSessionId: string | null): Promise<SessionRow[]> {
  const rows = await db.session.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ipAddress: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

/** Which of the person's own sessions to end: all of them, one of them, or all but the current one. */
const WhichSessions = z.union([z.object({ all: z.literal(true) }), z.object({ sessionId: z.string() }), z.object({ allExcept: z.string() })]);

/**
 * Ends the person's own sessions: all of them ("sign out everywhere"), one of them, or all but the
 * current one. A session of someone else is not found.
 */
export const revokeMySessions = command({
  input: WhichSessions,
  // Only the person's own sessions are ever named below: the person is the whole scope.
  load: async (_tx, _which, actor) => ({ userId: actor.userId }),
  authorize: () => true,
  write: async ({ tx, input: which, loaded: { userId } }) => {
    const where =
      "all" in which
        ? { userId, revokedAt: null }
        : "sessionId" in which
          ? { userId, id: which.sessionId, revokedAt: null }
          : { userId, id: { not: which.allExcept }, revokedAt: null };
    const { count } = await tx.session.updateMany({ where, data: { revokedAt: new Date() } });
    if ("sessionId" in which && count === 0) throw new NotFoundError();
    return {
      result: count,
      audit: count > 0 ? { action: "session.revoke", entityId: userId, organizationId: null, data: { reason: "self", sessions: count } } : [],
    };
  },
});

/** Sessions open for a user the actor manages (the administrator's view of a member's account). */
export async function getUserSessionsOfMember(actor: Actor, memberId: string) {
  const target = await authorizeUserOfMember(actor, memberId);
  if (!target) return null;
  const users = await db.user.findMany({
    where: { memberId },
    select: { id: true, username: true, _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } } },
  });
  return users.map((u) => ({ userId: u.id, username: u.username, openSessions: u._count.sessions }));
}

async function authorizeUserOfMember(actor: Actor, memberId: string) {
  const member = await db.member.findUnique({ where: { id: memberId }, select: { cellId: true } });
  if (!member) return null;
  const ancestry = await getOrgAncestry(member.cellId);
  return can(actor, "user:manage", { organizationAncestry: ancestry, memberId }) ? { cellId: member.cellId } : null;
}

/** Ends one of the person's own sessions (another device in their list). */
export async function endMySession(actor: Actor, raw: unknown): Promise<number> {
  const { sessionId } = EndSessionSchema.parse(raw);
  return revokeMySessions(actor, { sessionId });
}

/**
 * An administrator ends every session of a user whose member record is in their scope (a lost phone,
 * a departure). Audited; the person must sign in again everywhere.
 */
export const endUserSessions = command({
  input: EndUserSessionsSchema,
  load: async (tx, { userId }) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { memberId: true, member: { select: { cellId: true } } } });
    if (!user?.member || !user.memberId) return null;
    return { cellId: user.member.cellId, target: { organizationAncestry: await getOrgAncestry(user.member.cellId, tx), memberId: user.memberId } };
  },
  authorize: (actor, { target }) => can(actor, "user:manage", target),
  write: async ({ tx, input: { userId }, loaded: { cellId } }) => {
    const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return { result: count, audit: { action: "session.revoke", entityId: userId, organizationId: cellId, data: { reason: "administrator", sessions: count } } };
  },
});
