"use server";

import { cookies } from "next/headers";
import { AuthError, SignInThrottled, signIn, signOut } from "@/lib/auth/config";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceToken } from "@/lib/auth/device";
import { findUserLocale } from "@/lib/data/actors";
import { setUserLocale } from "@/lib/data/users";
import { LOCALE_COOKIE } from "@/lib/i18n/request";
import { LocaleSchema, SignInSchema, USERNAME_MAX } from "@/lib/schemas/auth";
import { isCleanText } from "@/lib/text/clean";
import type { ActionResult } from "./result";
import { runAction } from "./run";

export type SignInState = ActionResult & { username?: string; retryAfterSeconds?: number };

export async function signInAction(_previous: SignInState | null, form: FormData): Promise<SignInState> {
  const raw = { username: form.get("username"), password: form.get("password") };
  const parsed = SignInSchema.safeParse(raw);
  // What is sent back to refill the field: only a name that could be one, never 100,000 characters.
  const username = typeof raw.username === "string" && raw.username.length <= USERNAME_MAX && isCleanText(raw.username) ? raw.username : "";
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors, username };
  }
  try {
    // On success Auth.js throws Next's redirect, which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return { ok: false, formError: "THROTTLED", username, retryAfterSeconds: error.retryAfterSeconds };
    }
    if (error instanceof AuthError) return { ok: false, formError: "badCredentials", username };
    // Signed in (the redirect is on its way): the interface follows the language saved on the account,
    // and this browser becomes a known device of the username for the sign-in throttle.
    await rememberLocale(await findUserLocale(parsed.data.username));
    (await cookies()).set(DEVICE_COOKIE, deviceToken(parsed.data.username), { path: "/", maxAge: DEVICE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true });
    throw error;
  }
}

async function rememberLocale(locale: string | null) {
  const parsed = LocaleSchema.safeParse(locale);
  if (parsed.success) (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Switches the interface language; remembered in a cookie and, when signed in, on the account. */
export async function setLocaleAction(locale: string): Promise<ActionResult> {
  const parsed = LocaleSchema.safeParse(locale);
  if (!parsed.success) return { ok: false, formError: "INVALID_INPUT" };
  await rememberLocale(parsed.data);
  const result = await runAction((actor) => setUserLocale(actor, parsed.data));
  // Before sign-in there is no account to remember it on; the cookie is enough.
  return result.ok || result.formError === "UNAUTHENTICATED" ? { ok: true, data: undefined } : result;
}
