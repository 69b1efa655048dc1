// The sign-in throttle's policy. PURE: which keys an attempt counts against and how long each makes
// the next attempt wait. The database keeps the counts (lib/data/sign-in-throttle.ts) and claims an
// attempt under a row lock, so concurrent attempts are counted one by one.

export type ThrottleKind = "user" | "user-ip" | "ip" | "account";

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
  // A signed-in person confirming their current password (changing it): counted on their account
  // alone, so a borrowed session cannot guess it, and nobody else's guesses at the sign-in form can
  // make the owner's change wait. 5 tries, then 30 s … 15 min.
  account: { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 60 * MINUTE },
};

/** The key of a signed-in account's own password checks (never counted at the sign-in form). */
export const accountKey = (userId: string) => `account:${userId}`;

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
 * The client's address from X-Forwarded-For. The server (scripts/serve.mjs, which `npm start` runs)
 * replaces that header on every request with the one address it believes: the connection's own, or
 * the client named by a proxy listed in TRUSTED_PROXIES; a client's own header never gets here. The
 * last entry is read (under plain `next start` or `next dev` it is the one Next or the nearest hop
 * added). Bounded and cleaned, as it becomes part of a key.
 */
export function clientAddress(forwardedFor: string | null): string | null {
  const last = forwardedFor?.split(",").pop()?.trim() ?? "";
  return /^[0-9A-Fa-f.:]{2,45}$/.test(last) ? last.toLowerCase() : null;
}
