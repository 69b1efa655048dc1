import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/(app)/reviews/[id]/draft/route";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { createSession, revokeSession } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import type { SelfReviewContent } from "@/lib/review/templates";
import { actorFor, ensureDemoDistrict, orgByCode } from "./fixtures";

// The autosave's route (app/(app)/reviews/[id]/draft/route.ts) on the real database, called as Next calls
// it: a Request with the session's real cookie (Auth.js's encrypted token naming a Session row). It must
// refuse what the server action refused — no session, a revoked one, another origin, another person's
// record, a stale version, input outside the policy, an oversized body — and change nothing when it does.

const ORIGIN = "http://localhost:3000";
const COOKIE = "authjs.session-token";

let recordId: string; // dangvien's own record, Chi bộ thôn Đông
let otherRecordId: string; // another member's record in the same cell
let userId: string;

/** A signed-in session's cookie, as Auth.js writes it at sign-in. */
async function cookieFor(uid: string): Promise<{ cookie: string; sessionId: string }> {
  const sessionId = await createSession(uid, 8, { userAgent: "vitest", ipAddress: null });
  const token = await encode({ token: { sub: uid, sid: sessionId, name: "test" }, secret: env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 });
  return { cookie: `${COOKIE}=${token}`, sessionId };
}

function post(id: string, body: unknown, headers: Record<string, string>) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`${ORIGIN}/reviews/${id}/draft`, {
    method: "POST",
    headers: { origin: ORIGIN, host: "localhost:3000", "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers },
    body: text,
  });
  return POST(request, { params: Promise.resolve({ id }) });
}

const stored = (id: string) => db.selfReview.findUnique({ where: { recordId: id }, select: { version: true, content: true } });

function draft(text: string): SelfReviewContent {
  return { texts: { shortcomings: text }, remediation: [], scores: {}, criteria: {}, selfLevel: null };
}

beforeAll(async () => {
  await ensureDemoDistrict();
  const member = await actorFor("dangvien");
  userId = member.userId;
  const cycle = (await getCurrentCycle(await orgByCode("HU.01.04")))!;
  const records = await db.reviewRecord.findMany({
    where: { cycleId: cycle.id, member: { cellId: (await db.member.findUniqueOrThrow({ where: { id: member.memberId! } })).cellId } },
    orderBy: { id: "asc" },
    select: { id: true, memberId: true },
  });
  recordId = records.find((r) => r.memberId === member.memberId)!.id;
  otherRecordId = records.find((r) => r.memberId !== member.memberId)!.id;
  // A draft in progress for both: the route writes over a version, never creates a record's state.
  for (const id of [recordId, otherRecordId]) {
    await db.selfReview.deleteMany({ where: { recordId: id } });
    await db.reviewRecord.update({ where: { id }, data: { state: "DRAFT" } });
  }
});

describe("the autosave's route", () => {
  it("saves the member's draft with their session, version by version, with no audit row", async () => {
    const { cookie } = await cookieFor(userId);
    const audits = await db.auditLog.count({ where: { entityId: recordId } });
    const first = await post(recordId, { baseVersion: 0, content: draft("Bản nháp thứ nhất.") }, { cookie });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toMatchObject({ ok: true, data: { saved: true, version: 1 } });
    const second = await post(recordId, { baseVersion: 1, content: draft("Bản nháp thứ hai.") }, { cookie });
    expect(await second.json()).toMatchObject({ ok: true, data: { saved: true, version: 2 } });
    expect(await stored(recordId)).toMatchObject({ version: 2, content: { texts: { shortcomings: "Bản nháp thứ hai." } } });
    expect(await db.auditLog.count({ where: { entityId: recordId } })).toBe(audits);
  });

  it("answers a stale save with the newer text and writes nothing", async () => {
    const { cookie } = await cookieFor(userId);
    const before = await stored(recordId);
    const stale = await post(recordId, { baseVersion: before!.version - 1, content: draft("Gõ ở thẻ cũ.") }, { cookie });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({
      ok: true,
      data: { saved: false, conflict: { version: before!.version, content: { texts: { shortcomings: "Bản nháp thứ hai." } } } },
    });
    expect(await stored(recordId)).toEqual(before);
  });

  it("refuses without a session, with a revoked one, or with a forged cookie: 401, nothing written", async () => {
    const before = await stored(recordId);
    const content = draft("Không được lưu.");
    const none = await post(recordId, { baseVersion: before!.version, content }, {});
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ ok: false, formError: "UNAUTHENTICATED" });
    const { cookie, sessionId } = await cookieFor(userId);
    await revokeSession(sessionId, "sign-out");
    const revoked = await post(recordId, { baseVersion: before!.version, content }, { cookie });
    expect(revoked.status).toBe(401);
    const forged = await post(recordId, { baseVersion: before!.version, content }, { cookie: `${COOKIE}=${cookie.slice(COOKIE.length + 1, -4)}AAAA` });
    expect(forged.status).toBe(401);
    // The token alone, sent as a bearer header instead of the cookie, opens nothing either.
    const bearer = await post(
      recordId,
      { baseVersion: before!.version, content },
      { authorization: `Bearer ${(await cookieFor(userId)).cookie.slice(COOKIE.length + 1)}` },
    );
    expect(bearer.status).toBe(401);
    expect(await stored(recordId)).toEqual(before);
  });

  it("refuses another member's record as not found, nothing written", async () => {
    const { cookie } = await cookieFor(userId);
    const before = await stored(otherRecordId);
    const response = await post(otherRecordId, { baseVersion: 0, content: draft("Viết hộ người khác.") }, { cookie });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, formError: "NOT_FOUND" });
    // Naming the other record in the body instead does not move the save: the URL's record is written.
    const current = await stored(recordId);
    const sneaky = await post(recordId, { recordId: otherRecordId, baseVersion: current!.version, content: draft("Vẫn là của tôi.") }, { cookie });
    expect(await sneaky.json()).toMatchObject({ ok: true, data: { saved: true } });
    expect(await stored(otherRecordId)).toEqual(before);
    expect((await stored(recordId))!.content).toMatchObject({ texts: { shortcomings: "Vẫn là của tôi." } });
  });

  it("refuses another origin, or none, before anything else: 403", async () => {
    const { cookie } = await cookieFor(userId);
    const before = await stored(recordId);
    const content = draft("Từ trang lạ.");
    const foreign = await post(recordId, { baseVersion: before!.version, content }, { cookie, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const request = new Request(`${ORIGIN}/reviews/${recordId}/draft`, {
      method: "POST",
      headers: { host: "localhost:3000", cookie, "content-type": "application/json" },
      body: JSON.stringify({ baseVersion: before!.version, content }),
    });
    expect((await POST(request, { params: Promise.resolve({ id: recordId }) })).status).toBe(403);
    expect(await stored(recordId)).toEqual(before);
  });

  it("refuses input outside the policy, a body over 1 MB and one that is not JSON: nothing written", async () => {
    const { cookie } = await cookieFor(userId);
    const before = await stored(recordId);
    const version = before!.version;
    const tooLong = await post(recordId, { baseVersion: version, content: draft("x".repeat(20_001)) }, { cookie });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ ok: false, formError: "INVALID_INPUT", fieldErrors: { "content.texts.shortcomings": expect.any(String) } });
    const control = await post(recordId, { baseVersion: version, content: draft("Ký tự điều khiển \u0007") }, { cookie });
    expect(control.status).toBe(400);
    const level = await post(recordId, { baseVersion: version, content: { ...draft("Mức lạ"), selfLevel: "SUPER" } }, { cookie });
    expect(level.status).toBe(400);
    const huge = await post(recordId, { baseVersion: version, content: draft("x"), padding: "y".repeat(1024 * 1024) }, { cookie });
    expect(huge.status).toBe(413);
    const notJson = await post(recordId, "{ baseVersion: 1", { cookie });
    expect(notJson.status).toBe(400);
    const array = await post(recordId, [version, draft("mảng")], { cookie });
    expect(array.status).toBe(400);
    const chunked = new Request(`${ORIGIN}/reviews/${recordId}/draft`, {
      method: "POST",
      headers: { origin: ORIGIN, host: "localhost:3000", cookie, "content-type": "application/json" },
      body: JSON.stringify({ baseVersion: version, content: draft("Không rõ độ dài.") }),
    });
    expect((await POST(chunked, { params: Promise.resolve({ id: recordId }) })).status).toBe(411);
    expect(await stored(recordId)).toEqual(before);
  });

  it("refuses a draft once the self-review is submitted", async () => {
    const { cookie } = await cookieFor(userId);
    await db.reviewRecord.update({ where: { id: recordId }, data: { state: "SUBMITTED" } });
    try {
      const before = await stored(recordId);
      const response = await post(recordId, { baseVersion: before!.version, content: draft("Sau khi nộp.") }, { cookie });
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ ok: false, formError: "SELF_REVIEW_LOCKED" });
      expect(await stored(recordId)).toEqual(before);
    } finally {
      await db.reviewRecord.update({ where: { id: recordId }, data: { state: "DRAFT" } });
    }
  });
});
