// The sign-in throttle's policy. PURE: which keys an attempt counts against and how long each makes
// the next attempt wait. The database keeps the counts (lib/data/sign-in-throttle.ts) and claims an
// attempt under a row lock, so concurrent attempts are counted one by one.

export type ThrottleKind = "user" | "user-ip" | "ip";

type Policy = {
  /** Failures allowed without delay. */
  free: number;
  /** The first delay, doubled with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
};

const MINUTE = 60_000;

export const THROTTLE_POLICIES: Record<ThrottleKind, Policy> = {
  // One username from one address: the guesser's own key. 5 tries, then 30 s, 1 min, 2 min … 15 min.
  "user-ip": { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE },
  // One username from everywhere (guesses spread over many addresses): 10 tries, then up to 5 min. A
  // browser the person has signed in from before carries a device cookie and skips this key, so nobody
  // can lock the account's owner (the administrator) out from elsewhere.
  user: { free: 10, baseDelayMs: 30_000, maxDelayMs: 5 * MINUTE, windowMs: 60 * MINUTE },
  // One address, any usernames: password spraying. 30 tries, then up to 15 min.
  ip: { free: 30, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE },
};

/**
 * The keys an attempt for `username` from `address` counts against (the address may be unknown). A
 * known device (it signed in as this username before) is not held back by guesses made elsewhere.
 */
export function throttleKeys(username: string, address: string | null, knownDevice = false): { key: string; kind: ThrottleKind }[] {
  const keys: { key: string; kind: ThrottleKind }[] = knownDevice ? [] : [{ key: `user:${username}`, kind: "user" }];
  if (address) keys.push({ key: `user-ip:${username}@${address}`, kind: "user-ip" }, { key: `ip:${address}`, kind: "ip" });
  else if (knownDevice) keys.push({ key: `user:${username}`, kind: "user" });
  return keys;
}

export const kindOfKey = (key: string): ThrottleKind => key.slice(0, key.indexOf(":")) as ThrottleKind;

/** How long after the `failures`-th failure the next attempt must wait. */
export function delayAfter(kind: ThrottleKind, failures: number): number {
  const policy = THROTTLE_POLICIES[kind];
  if (failures < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, failures - policy.free));
}

/** The failures still counted at `now`: an old streak is forgotten. */
export function liveFailures(kind: ThrottleKind, failures: number, updatedAt: Date, now: Date): number {
  return now.getTime() - updatedAt.getTime() > THROTTLE_POLICIES[kind].windowMs ? 0 : failures;
}

/**
 * The client's address from X-Forwarded-For: the last entry, the one added by the nearest hop (Next
 * adds the socket's address when no proxy did). Behind a reverse proxy that appends the client's
 * address, that is the real client. Bounded and cleaned, as it becomes part of a key.
 */
export function clientAddress(forwardedFor: string | null): string | null {
  const last = forwardedFor?.split(",").pop()?.trim() ?? "";
  return /^[0-9A-Fa-f.:]{2,45}$/.test(last) ? last.toLowerCase() : null;
}
