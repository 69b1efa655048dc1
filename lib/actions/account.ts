"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/config";
import { getActor, getSessionId } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/passwords";
import { endMySession, endUserSessions, revokeMySessions } from "@/lib/data/sessions";
import type { ChangePasswordInput, EndSessionInput, EndUserSessionsInput } from "@/lib/schemas/account";
import { runAction } from "./run";

// The person's own account (password, sessions) and an administrator ending someone's sessions.

export async function changePasswordAction(input: ChangePasswordInput) {
  const sessionId = await getSessionId();
  const result = await runAction((actor) => changeOwnPassword(actor, input, sessionId));
  if (result.ok) revalidatePath("/account");
  return result;
}

export async function endMySessionAction(input: EndSessionInput) {
  const result = await runAction((actor) => endMySession(actor, input));
  if (result.ok) revalidatePath("/account");
  return result;
}

/** Ends every session of the person, this one included, and takes them to the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await revokeMySessions(actor, { all: true });
  await signOut({ redirectTo: "/sign-in" });
}

export async function endUserSessionsAction(input: EndUserSessionsInput) {
  const result = await runAction((actor) => endUserSessions(actor, input));
  if (result.ok) revalidatePath("/members", "layout");
  return result;
}
