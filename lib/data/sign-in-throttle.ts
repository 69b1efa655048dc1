import "server-only";
import { THROTTLE_POLICIES, type ThrottleKind } from "@/lib/security/throttle";
import { db } from "./db";

export type Claim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims one sign-in attempt against every key, in one statement: the keys' rows are locked (in key
 * order, so two attempts never deadlock), and if none asks to wait, each counts the attempt as a
 * failure in advance and pushes its next attempt back by the policy's delay. Concurrent attempts queue
 * on the row locks and each sees the ones before it — 25 at once for one username get exactly as far
 * as 25 in a row. A successful attempt gives its claim back (releaseSignInClaim).
 */
export async function claimSignInAttempt(keys: string[], now = new Date()): Promise<Claim> {
  const sorted = [...new Set(keys)].sort();
  const kinds = Object.keys(THROTTLE_POLICIES) as ThrottleKind[];
  const policy = (field: "free" | "baseDelayMs" | "maxDelayMs" | "windowMs") => kinds.map((k) => THROTTLE_POLICIES[k][field]);
  await db.$executeRaw`INSERT INTO "SignInThrottle" (key, failures, "nextAttemptAt", "updatedAt")
    SELECT k, 0, ${now}::timestamp, ${now}::timestamp FROM unnest(${sorted}::text[]) AS k ON CONFLICT (key) DO NOTHING`;
  // The delay is lib/security/throttle's delayAfter, in SQL: none below `free` failures, then base × 2^(n − free) up to max.
  const [verdict] = await db.$queryRaw<{ waitMs: number }[]>`
    WITH policy AS (
      SELECT * FROM unnest(${kinds}::text[], ${policy("free")}::int[], ${policy("baseDelayMs")}::float8[], ${policy("maxDelayMs")}::float8[], ${policy("windowMs")}::float8[])
        AS p(kind, free, base_ms, max_ms, window_ms)
    ), cur AS (
      SELECT s.key, s."nextAttemptAt" AS next_at, p.free, p.base_ms, p.max_ms,
             CASE WHEN extract(epoch FROM (${now}::timestamp - s."updatedAt")) * 1000 > p.window_ms THEN 0 ELSE s.failures END AS live
        FROM "SignInThrottle" s JOIN policy p ON p.kind = split_part(s.key, ':', 1)
       WHERE s.key = ANY(${sorted}::text[])
       ORDER BY s.key
         FOR UPDATE OF s
    ), verdict AS (
      SELECT COALESCE(max(CASE WHEN live > 0 THEN extract(epoch FROM (next_at - ${now}::timestamp)) * 1000 ELSE 0 END), 0)::float8 AS wait_ms FROM cur
    ), claimed AS (
      UPDATE "SignInThrottle" t
         SET failures = cur.live + 1,
             -- A free attempt sets no wait at all (not "now", which a concurrent attempt with an earlier
             -- clock reading would see as a wait of a few milliseconds).
             "nextAttemptAt" = CASE WHEN cur.live + 1 < cur.free THEN 'epoch'::timestamp
                               ELSE ${now}::timestamp + make_interval(secs => LEAST(cur.max_ms, cur.base_ms * power(2, LEAST(30, cur.live + 1 - cur.free))) / 1000.0) END,
             "updatedAt" = ${now}::timestamp
        FROM cur, verdict
       WHERE t.key = cur.key AND verdict.wait_ms <= 0
      RETURNING 1
    )
    SELECT wait_ms AS "waitMs" FROM verdict`;
  const wait = Number(verdict?.waitMs ?? 0);
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}

/**
 * After a successful sign-in: the username's keys start again from nothing, and the address's key
 * gives back the attempt it counted (a person signing in is no failure of their address).
 */
export async function releaseSignInClaim(keys: string[]): Promise<void> {
  const userKeys = keys.filter((k) => !k.startsWith("ip:"));
  const addressKeys = keys.filter((k) => k.startsWith("ip:"));
  await db.$transaction([
    db.$executeRaw`DELETE FROM "SignInThrottle" WHERE key = ANY(${userKeys}::text[])`,
    db.$executeRaw`UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0), "nextAttemptAt" = 'epoch'::timestamp WHERE key = ANY(${addressKeys}::text[])`,
  ]);
}

/** Forgets streaks that ended long ago, so guessed usernames do not pile up rows. */
export async function pruneSignInThrottle(olderThan: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "updatedAt" < ${olderThan} AND "nextAttemptAt" < ${olderThan}`;
}
