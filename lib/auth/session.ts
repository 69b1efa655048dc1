import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadActor } from "@/lib/data/actors";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/review/permissions";
import { auth } from "./config";

/** The signed-in actor with roles from the database, once per request; null when signed out. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadActor(userId) : null;
});

/**
 * The id of the session this request belongs to (its row in Session), once per request. It is read
 * from the encrypted cookie itself, never from the session object, which /api/auth/session hands to
 * page scripts: a script (or an injected one) never learns it. auth() first, so a revoked or expired
 * session gives null. The cookie's name depends on whether it was set over HTTPS: both are tried.
 */
export const getSessionId = cache(async (): Promise<string | null> => {
  if (!(await auth())) return null;
  const req = { headers: await headers() };
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie });
    if (typeof token?.sid === "string") return token.sid;
  }
  return null;
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
