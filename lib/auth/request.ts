import "server-only";
import { getToken } from "next-auth/jwt";
import { loadActor } from "@/lib/data/actors";
import { checkSession } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/review/permissions";

/**
 * The signed-in actor of one request, by a shorter road than auth() (./session's getActor), for the
 * autosave's route (app/(app)/reviews/[id]/draft), which runs about once a second per person typing.
 * The same rules: the cookie is Auth.js's own, decrypted and its expiry checked by Auth.js's getToken,
 * under the name auth() reads for the request's scheme; its Session row is checked by the same
 * checkSession as the jwt callback in ./config (revoked, expired, another user's: null); the roles are
 * read as getActor reads them. What it skips is auth()'s machinery: an internal request through
 * Auth.js and a refreshed cookie encrypted again, which a route answering JSON does not hand out (the
 * session ends SESSION_MAX_AGE_HOURS after sign-in whatever the cookie says). Only the cookie counts,
 * never an Authorization header, as with auth().
 */
export async function getActorOfRequest(request: Request): Promise<Actor | null> {
  const cookie = request.headers.get("cookie");
  if (!cookie) return null;
  // As auth() names it: the __Secure- cookie over HTTPS (behind a proxy, X-Forwarded-Proto says so).
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(request.url).protocol.slice(0, -1);
  const token = await getToken({ req: { headers: { cookie } }, secret: env.AUTH_SECRET, secureCookie: proto === "https" });
  const sid = typeof token?.sid === "string" ? token.sid : null;
  if (!sid || !token?.sub || !(await checkSession(sid, token.sub))) return null;
  return loadActor(token.sub);
}
