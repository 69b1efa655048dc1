"use server";

import { signOut } from "@/lib/auth/config";
import { getActor, getSessionId } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/passwords";
import { endMySession, endUserSessions, revokeMySessions } from "@/lib/data/sessions";
import type { ChangePasswordInput, EndSessionInput, EndUserSessionsInput } from "@/lib/schemas/account";
import { runMutation } from "./run";

// The person's own account (password, sessions) and an administrator ending someone's sessions.

export async function changePasswordAction(input: ChangePasswordInput) {
  const sessionId = await getSessionId();
  return runMutation((actor) => changeOwnPassword(actor, input, sessionId), "/account");
}

export const endMySessionAction = async (input: EndSessionInput) => runMutation((actor) => endMySession(actor, input), "/account");

/** Ends every session of the person, this one included, and takes them to the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await revokeMySessions(actor, { all: true });
  await signOut({ redirectTo: "/sign-in" });
}

export const endUserSessionsAction = async (input: EndUserSessionsInput) => runMutation((actor) => endUserSessions(actor, input), "/members", "layout");
