import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { db } from "@/lib/data/db";
import { DomainError } from "@/lib/errors";
import { WorkflowError } from "@/lib/review/workflow";
import { ACTIONS, type Fixtures, type RegisteredAction } from "./action-registry";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict } from "./fixtures";

// Every server action, as every role, under hostile input: wrong types, huge and hostile strings, NUL,
// lone surrogates, bidirectional controls, prototype keys, out-of-range numbers and dates. Each input
// carries at least one value that the input policy must refuse wherever it lands (a string with NUL, ESC,
// a bidirectional control, a lone surrogate or 100,000 characters), plus other mutations. Nothing may
// fail in a way runAction would log as unexpected, and no row may change (row counts, versions, accounts, sessions and the audit log, before and after).
// FUZZ_RUNS sets the inputs per action (default 300, spread over the roles; 1,000 in the nightly run).

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const USERNAMES = ["quantri", "thuongvu", "bantochuc", "danguy", "bithu", "bithu2", "dangvien"] as const;

/** What runAction turns into a message for the form; anything else would be logged as a bug. */
const expected = (error: unknown) =>
  error instanceof ZodError || error instanceof NotFoundError || error instanceof DomainError || error instanceof WorkflowError;

const refusedEverywhere = fc.oneof(
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.string().map((s) => `${s}\ud800`),
  fc.string().map((s) => `\udc00${s}`),
  fc.constantFrom("x".repeat(100_001), "Đ".repeat(100_001)),
  fc.string().map((s) => `${s}\u001b[2J${s}`),
  // Bidirectional controls: "\u202Egnp.exe" shows as "exe.png".
  fc
    .tuple(fc.string(), fc.constantFrom("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"))
    .map(([s, bidi]) => `${s}${bidi}gnp.exe`),
);

const otherHostile = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    1e308,
    2 ** 53,
    -(2 ** 31),
    "",
    " ",
    "0000-01-01",
    "9999-12-31",
    "2026-02-30",
  ),
  fc.constantFrom([], {}, [[]], { __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}')),
  fc.constantFrom("' OR 1=1 --", "%", "_", "\\", "<script>alert(1)</script>", "${7*7}", "../../etc/passwd"),
  fc.anything({ maxDepth: 2 }),
);

type Path = (string | number)[];

/** Every path to a leaf (a value that is not a plain object or array), and every container path. */
function paths(value: unknown, at: Path = []): { leaves: Path[]; containers: Path[] } {
  if (Array.isArray(value) || (value !== null && typeof value === "object")) {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as object);
    const inner = entries.map(([k, v]) => paths(v, [...at, k]));
    return { leaves: inner.flatMap((p) => p.leaves), containers: [at, ...inner.flatMap((p) => p.containers)] };
  }
  return { leaves: [at], containers: [] };
}

function setAt(root: unknown, at: Path, value: unknown): unknown {
  if (at.length === 0) return value;
  const copy: unknown = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, at[at.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A hostile input: the base with one leaf made refusable-everywhere, and up to three other mutations. */
function hostileInput(base: unknown) {
  const { leaves, containers } = paths(base);
  const leafMutation = fc.record({ kind: fc.constant("leaf" as const), at: fc.constantFrom(...leaves), value: otherHostile });
  const keyMutation = (within: Path[]) =>
    fc.record({
      kind: fc.constant("key" as const),
      at: fc.constantFrom(...within),
      key: fc.constantFrom("__proto__", "constructor", "prototype", "toString", "x".repeat(1000)),
      value: otherHostile,
    });
  // A primitive input (a locale) has no keys to add.
  const mutation = containers.length ? fc.oneof(leafMutation, keyMutation(containers)) : leafMutation;
  return fc.record({ at: fc.constantFrom(...leaves), poison: refusedEverywhere, extra: fc.array(mutation, { maxLength: 3 }) }).map(({ at, poison, extra }) => {
    let input = base;
    for (const m of extra) input = m.kind === "leaf" ? setAt(input, m.at, m.value) : setAt(input, [...m.at, m.key], m.value);
    return setAt(input, at, poison);
  });
}

/** Whole inputs of the wrong shape altogether. */
const wrongShape = fc.oneof(
  refusedEverywhere,
  fc.array(refusedEverywhere, { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string(), refusedEverywhere, { minKeys: 1, maxKeys: 4 }),
);

async function snapshot() {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*) FROM "AuditLog") AS audit,
           (SELECT count(*) FROM "ReviewCycle") AS cycles, (SELECT coalesce(sum(version), 0) FROM "ReviewCycle") AS cycle_versions,
           (SELECT count(*) FROM "ScoreSheet") AS sheets, (SELECT coalesce(sum(version), 0) FROM "ScoreSheet") AS sheet_versions,
           (SELECT count(*) FROM "ReviewRecord") AS records, (SELECT coalesce(sum(version), 0) FROM "ReviewRecord") AS record_versions,
           (SELECT count(*) FROM "SelfReview") AS self_reviews, (SELECT coalesce(sum(version), 0) FROM "SelfReview") AS self_review_versions,
           (SELECT count(*) FROM "Meeting") AS meetings, (SELECT coalesce(sum(version), 0) FROM "Meeting") AS meeting_versions,
           (SELECT count(*) FROM "Member") AS members, (SELECT coalesce(sum(version), 0) FROM "Member") AS member_versions,
           (SELECT count(*) FROM "Opinion") AS opinions, (SELECT count(*) FROM "PeerGroup") AS peer_groups,
           (SELECT count(*) FROM "RatingDecision") AS decisions, (SELECT count(*) FROM "RatingDecision" WHERE "supersededAt" IS NOT NULL) AS superseded,
           (SELECT count(*) FROM "QuotaOverride") AS overrides,
           (SELECT count(*) FROM "Task") AS tasks, (SELECT coalesce(sum(version), 0) FROM "Task") AS task_versions, (SELECT count(*) FROM "TaskFile") AS task_files,
           (SELECT count(*) FROM "TaskQuarterReview") AS quarters, (SELECT coalesce(sum(version), 0) FROM "TaskQuarterReview") AS quarter_versions,
           (SELECT md5(coalesce(string_agg(id || status::text, ',' ORDER BY id), '')) FROM "RemediationItem") AS remediation,
           (SELECT md5(string_agg(id || locale || "passwordHash", ',' ORDER BY id)) FROM "User") AS users,
           (SELECT count(*) FROM "Session") AS sessions, (SELECT count(*) FROM "Session" WHERE "revokedAt" IS NOT NULL) AS revoked,
           (SELECT count(*) FROM "SignInThrottle") AS throttle`;
  return JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? Number(v) : v))) as Record<string, unknown>;
}

let fixtures: Fixtures;
const actors = new Map<string, Actor>();

beforeAll(async () => {
  await ensureDemoDistrict();
  for (const username of USERNAMES) actors.set(username, await actorFor(username));
  const cycle = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, year: CURRENT_YEAR } });
  const cell = await db.organization.findUniqueOrThrow({ where: { code: "HU.01.04" } });
  const member = await db.member.findFirstOrThrow({ where: { cellId: cell.id, users: { none: {} } }, orderBy: { cardNumber: "asc" } });
  const record = await db.reviewRecord.findFirstOrThrow({ where: { memberId: member.id, cycleId: cycle.id } });
  const opinion = await db.opinion.findFirst({ select: { id: true } });
  const task = await db.task.findFirst({ where: { memberId: member.id }, orderBy: { id: "asc" }, select: { id: true, version: true } });
  const user = await db.user.findUniqueOrThrow({ where: { username: "dangvien" } });
  fixtures = {
    cycleId: cycle.id,
    cycleVersion: cycle.version,
    upperOrgId: cycle.upperOrgId,
    cellId: cell.id,
    memberId: member.id,
    memberVersion: member.version,
    recordId: record.id,
    recordVersion: record.version,
    opinionId: opinion?.id ?? "op-none",
    taskId: task?.id ?? "task-none",
    taskVersion: task?.version ?? 0,
    userId: user.id,
  };
});

describe("the action registry", () => {
  it("lists every exported action of lib/actions", () => {
    const dir = path.join(import.meta.dirname, "../../lib/actions");
    const exported = readdirSync(dir)
      .filter((file) => file.endsWith(".ts"))
      .map((file) => readFileSync(path.join(dir, file), "utf8"))
      .filter((source) => /^["']use server["'];?/m.test(source))
      .flatMap((source) => [...source.matchAll(/^export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/gm)].map((m) => m[1] ?? m[2]));
    expect(exported.length).toBeGreaterThan(15);
    // And the route handlers that run a form's use case in an action's place (the autosave's).
    const routes = ["POST /reviews/[id]/draft"];
    expect(Object.keys(ACTIONS).sort()).toEqual([...new Set([...exported, ...routes])].sort());
  });
});

describe("hostile input to every action, as every role", () => {
  const registered = Object.entries(ACTIONS).filter((entry): entry is [string, RegisteredAction] => !("skip" in entry[1]));
  const perRole = Math.max(1, Math.ceil(RUNS / USERNAMES.length));

  it.each(registered)(
    "%s",
    async (name, action) => {
      const started = Date.now();
      const base = action.base(fixtures);
      // The base input itself is well-formed: what the fuzzer changes is what gets it refused.
      expect(action.schema.safeParse(base).success, `${name}: base input`).toBe(true);
      const before = await snapshot();
      let inputs = 0;
      for (const username of USERNAMES) {
        const actor = actors.get(username)!;
        await fc.assert(
          fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: hostileInput(base) }, { weight: 1, arbitrary: wrongShape }), async (input) => {
            inputs++;
            try {
              await action.run(actor, input);
            } catch (error) {
              if (expected(error)) return;
              throw error;
            }
            throw new Error(`${name} accepted a hostile input as ${username}`);
          }),
          { numRuns: perRole, seed: Number(process.env.FUZZ_SEED ?? 20261201) + name.length },
        );
      }
      expect(await snapshot(), `${name}: rows changed`).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      console.info(`[fuzz] ${name}: ${inputs} inputs in ${Date.now() - started} ms`);
    },
    300_000,
  );
});
