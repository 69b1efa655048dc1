import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadActor } from "@/lib/data/actors";
import type { Actor } from "./permissions";
import { auth } from "./config";

/** The signed-in actor with roles from the database, once per request; null when signed out. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadActor(userId) : null;
});

/** The id of the session this request belongs to (its row in Session), once per request. */
export const getSessionId = cache(async (): Promise<string | null> => {
  const session = (await auth()) as { sessionId?: string } | null;
  return session?.sessionId ?? null;
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
