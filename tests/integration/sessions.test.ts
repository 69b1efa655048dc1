import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { throttleKeys } from "@/lib/security/throttle";
import { db } from "@/lib/data/db";
import { changeOwnPassword } from "@/lib/data/passwords";
import { checkSession, createSession, endMySession, endUserSessions, listMySessions, revokeSession } from "@/lib/data/sessions";
import { claimSignInAttempt, releaseSignInClaim } from "@/lib/data/sign-in-throttle";
import { hashPassword } from "@/lib/security/password";
import { actorFor, ensureDemoDistrict } from "./fixtures";

// Sign-in throttling and server-side sessions on the real database.

const client = { userAgent: "vitest", ipAddress: "127.0.0.1" };
let seq = 0;
const fresh = (name: string) => `${name}-${process.pid}-${++seq}`;

beforeAll(async () => {
  await ensureDemoDistrict();
});

describe("sign-in throttle", () => {
  it("25 attempts at once for one username from one address: exactly 5 get to the password check", async () => {
    const keys = throttleKeys(fresh("burst"), "203.0.113.7").map((k) => k.key);
    const started = Date.now();
    const claims = await Promise.all(Array.from({ length: 25 }, () => claimSignInAttempt(keys)));
    const through = claims.filter((c) => c.allowed).length;
    console.info(`[throttle] concurrent burst: ${through} of 25 attempts reached the password check (${Date.now() - started} ms)`);
    expect(through).toBe(5);
    // Each refused attempt waits 30 s from the fifth (a second more for one whose clock read a little earlier).
    for (const refused of claims.filter((c) => !c.allowed) as { retryAfterSeconds: number }[]) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(25);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(31);
    }
  });

  it("the delay grows with each failure, and the streak is forgotten after an hour", async () => {
    const keys = throttleKeys(fresh("grow"), "203.0.113.8").map((k) => k.key);
    let now = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) expect(await claimSignInAttempt(keys, now)).toEqual({ allowed: true });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await claimSignInAttempt(keys, now);
      expect(refused.allowed).toBe(false);
      const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
      waits.push(wait);
      now = new Date(now.getTime() + wait * 1000);
      expect(await claimSignInAttempt(keys, now)).toEqual({ allowed: true });
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await claimSignInAttempt(keys, now)).toEqual({ allowed: true });
  });

  it("a success gives the username back its attempts", async () => {
    const keys = throttleKeys(fresh("ok"), "203.0.113.9").map((k) => k.key);
    for (let i = 0; i < 4; i++) await claimSignInAttempt(keys);
    await releaseSignInClaim(keys);
    for (let i = 0; i < 5; i++) expect((await claimSignInAttempt(keys)).allowed).toBe(true);
  });

  it("guesses from many addresses slow the username down, but not a browser that signed in as it before", async () => {
    const name = fresh("admin");
    for (let i = 0; i < 10; i++) expect((await claimSignInAttempt(throttleKeys(name, `198.51.100.${i}`).map((k) => k.key))).allowed).toBe(true);
    expect((await claimSignInAttempt(throttleKeys(name, "198.51.100.200").map((k) => k.key))).allowed).toBe(false);
    // The owner's own browser carries the known-device cookie: the account-wide key does not hold it.
    expect((await claimSignInAttempt(throttleKeys(name, "192.0.2.1", true).map((k) => k.key))).allowed).toBe(true);
  });

  it("one address trying many usernames is slowed down after 30", async () => {
    const address = `2001:db8::${process.pid % 9999}`;
    const claims = [];
    for (let i = 0; i < 31; i++) claims.push(await claimSignInAttempt(throttleKeys(fresh("spray"), address).map((k) => k.key)));
    expect(claims.filter((c) => c.allowed).length).toBe(30);
  });
});

describe("sessions", () => {
  let member: Actor;
  let admin: Actor;
  beforeAll(async () => {
    [member, admin] = await Promise.all([actorFor("dangvien"), actorFor("quantri")]);
  });

  it("a session holds until it is revoked (signing out)", async () => {
    const sid = await createSession(member.userId, 8, client);
    expect(await checkSession(sid, member.userId)).toBe(true);
    // Another user's id with this session's id opens nothing.
    expect(await checkSession(sid, admin.userId)).toBe(false);
    await revokeSession(sid, "sign-out");
    expect(await checkSession(sid, member.userId)).toBe(false);
    expect(await checkSession("no-such-session-id-at-all", member.userId)).toBe(false);
  });

  it("ends 8 hours after sign-in however often it is used", async () => {
    const sid = await createSession(member.userId, 8, client);
    const row = await db.session.findUniqueOrThrow({ where: { id: sid } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 3_600_000);
    await db.session.update({ where: { id: sid }, data: { lastSeenAt: new Date(0) } });
    await checkSession(sid, member.userId);
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).expiresAt).toEqual(row.expiresAt);
    await db.session.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await checkSession(sid, member.userId)).toBe(false);
  });

  it("the person lists their sessions and ends one; someone else's is not found", async () => {
    const mine = await createSession(member.userId, 8, client);
    const other = await createSession(member.userId, 8, client);
    const listed = await listMySessions(member, mine);
    expect(listed.find((s) => s.id === mine)?.current).toBe(true);
    expect(listed.some((s) => s.id === other)).toBe(true);
    await endMySession(member, { sessionId: other });
    expect(await checkSession(other, member.userId)).toBe(false);
    const adminSession = await createSession(admin.userId, 8, client);
    await expect(endMySession(member, { sessionId: adminSession })).rejects.toBeInstanceOf(NotFoundError);
    expect(await checkSession(adminSession, admin.userId)).toBe(true);
  });

  it("a password change ends every other session of the person, audited", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    const current = await createSession(member.userId, 8, client);
    const elsewhere = await createSession(member.userId, 8, client);
    const audits = await db.auditLog.count({ where: { action: "user.password", entityId: member.userId } });
    await expect(
      changeOwnPassword(member, { currentPassword: "wrong", newPassword: "Mật khẩu mới 2026", confirmPassword: "Mật khẩu mới 2026" }, current),
    ).rejects.toMatchObject({
      fieldErrors: { currentPassword: "wrongPassword" },
    });
    expect(await checkSession(elsewhere, member.userId)).toBe(true);
    await changeOwnPassword(member, { currentPassword: "Demo@2024", newPassword: "Mật khẩu mới 2026", confirmPassword: "Mật khẩu mới 2026" }, current);
    expect(await checkSession(current, member.userId)).toBe(true);
    expect(await checkSession(elsewhere, member.userId)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "user.password", entityId: member.userId } })).toBe(audits + 1);
    await db.user.update({ where: { id: member.userId }, data: { passwordHash: user.passwordHash } });
    expect(await hashPassword("x")).not.toBe(user.passwordHash);
  });

  it("an administrator ends a person's sessions in their scope; a secretary may not", async () => {
    const sid = await createSession(member.userId, 8, client);
    const secretary = await actorFor("bithu");
    await expect(endUserSessions(secretary, { userId: member.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await checkSession(sid, member.userId)).toBe(true);
    const ended = await endUserSessions(admin, { userId: member.userId });
    expect(ended).toBeGreaterThanOrEqual(1);
    expect(await checkSession(sid, member.userId)).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "session.revoke", entityId: member.userId, actorId: admin.userId },
      orderBy: { id: "desc" },
    });
    expect(audit.data).toMatchObject({ reason: "administrator" });
  });
});
