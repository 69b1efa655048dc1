import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// A browser that has signed in as a username before carries this cookie (signed with AUTH_SECRET): the
// sign-in throttle does not hold it back for guesses made at that username from elsewhere, so an
// attacker cannot lock the administrator out of their own browser. It grants nothing else.

export const DEVICE_COOKIE = "known_device";
export const DEVICE_COOKIE_MAX_AGE = 180 * 24 * 3600;

const mac = (username: string) =>
  createHmac("sha256", env.AUTH_SECRET ?? "dev-only-secret")
    .update(`known-device:${username}`)
    .digest("base64url");

export function deviceToken(username: string): string {
  return `${Buffer.from(username).toString("base64url")}.${mac(username)}`;
}

/** Whether the request's cookies say this browser signed in as `username` before. */
export function isKnownDevice(cookieHeader: string | null, username: string): boolean {
  const value = cookieHeader
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`))
    ?.slice(DEVICE_COOKIE.length + 1);
  if (!value) return false;
  const expected = Buffer.from(deviceToken(username));
  const given = Buffer.from(decodeURIComponent(value));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
