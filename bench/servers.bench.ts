// Two app servers on one database (not a test): what the README's "How it scales beyond one machine"
// promises, shown over HTTP. One embedded PostgreSQL with the demo district, two production servers
// (scripts/serve.mjs, i.e. `next start`) with the same DATABASE_URL and AUTH_SECRET, and a browser's
// cookie taken from one server to the other as a load balancer would send it:
//   (a) a self-review draft saved through A is read through B; a save through B naming the version A
//       returned is taken; the save A's version no longer matches is refused;
//   (b) a sign-out on A ends the session on B; the sign-in throttle counts wrong passwords across both;
//   (c) the 20 % rule: the committee's EXCELLENT decisions sent all at once, half to A, half to B, through
//       the desk's server action; each group holds at most its quota, every refusal is the quota's, the
//       quota is filled, and there is one audit row per stored decision; the audit chain holds;
//   (d) figures: the burst of (c), and autosave (members saving as fast as answered) through one server,
//       then spread over two (each member's saves alternating, each naming the version the other returned).
// Each check prints ✓ or ✗; the run exits non-zero on a ✗.
//
//   npm run bench:servers        options: --members N autosaving members (40)   --saves N each and run (20)
//
// Its own throw-away database: .data/pg-bench-servers on port 54441 (EMBEDDED_PG_DIR, EMBEDDED_PG_PORT),
// wiped, then seeded with the demo district by scripts/with-db.mjs --seed; commits durable as under
// `npm start`. The servers listen on 3441 and 3442 (BENCH_PORT_A, BENCH_PORT_B). The app is built first
// if the sources changed (scripts/ensure-build.mjs). Everything it started is stopped when it ends.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { SelfReviewContent } from "../lib/review/templates";
import { fail, wholeNumberOption } from "./lib/cli";
import { portInUse, quantile, signIn } from "./lib/http";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => wholeNumberOption(args, name, fallback);
const MEMBERS = option("--members", 40);
const SAVES = option("--saves", 20);
const PORT_A = Number(process.env.BENCH_PORT_A ?? 3441);
const PORT_B = Number(process.env.BENCH_PORT_B ?? 3442);
const PASSWORD = "Bench@servers1";

const log = (message: string) => console.error(`[bench:servers] ${message}`);

// ── Launcher: the build, then a fresh embedded database, then this file again inside scripts/with-db.mjs ──

async function launch(): Promise<number> {
  // Decisions are taken and drafts overwritten: never on a database somebody gave us.
  if (process.env.DATABASE_URL) fail("bench:servers runs on its own embedded database; unset DATABASE_URL.");
  const dir = path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/pg-bench-servers");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54441);
  for (const p of [port, PORT_A, PORT_B])
    if (await portInUse(p)) fail(`port ${p} is in use: stop what listens there (EMBEDDED_PG_PORT, BENCH_PORT_A, BENCH_PORT_B move them).`);
  const bin = path.join(process.cwd(), "node_modules", ".bin");
  const env = { ...process.env, PATH: [bin, process.env.PATH].join(path.delimiter) };
  const build = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit", env });
  if (build.status !== 0) fail("the build failed");
  fs.rmSync(dir, { recursive: true, force: true });
  // react-server: lib/data is server-only, as under Next. One secret for both servers, as the README asks.
  const result = spawnSync(
    process.execPath,
    ["scripts/with-db.mjs", "--seed", "--", path.join(bin, "tsx"), "--conditions=react-server", "bench/servers.bench.ts", ...args],
    {
      stdio: "inherit",
      env: { ...env, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port), AUTH_SECRET: randomBytes(32).toString("base64url"), BENCH_SERVERS_CHILD: "1" },
    },
  );
  return result.status ?? 1;
}

// ── What every check uses: the servers, a server action over HTTP, the checks' report ──

type Server = { name: "A" | "B"; base: string; process: ChildProcess; output: () => string };

async function startServer(name: Server["name"], port: number): Promise<Server> {
  let output = "";
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const server: Server = { name, base: `http://127.0.0.1:${port}`, process: child, output: () => output };
  for (let waited = 0; waited < 90_000; waited += 250) {
    if (child.exitCode !== null) fail(`server ${name} exited:\n${output}`);
    try {
      const res = await fetch(`${server.base}/sign-in`);
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopServer(server);
  fail(`server ${name} did not answer within 90 s:\n${output}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await exited;
}

/** The id of a server action, from the build's manifest (the client bundle carries the same id). */
function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) fail(`${exportedName} is not in .next/server/server-reference-manifest.json`);
  return found[0];
}

type ActionResult<T> = { ok: true; data: T } | { ok: false; formError: string; fieldErrors?: Record<string, string>; errorId?: string };

/**
 * Calls a server action as the browser does (the page's path, the action's id, the arguments as JSON)
 * and reads its value from the React Server Components stream: row 0 names the row holding it ("a":"$@N").
 */
async function callAction<T>(server: Server, pagePath: string, id: string, cookie: string, ...input: unknown[]): Promise<ActionResult<T>> {
  const res = await fetch(`${server.base}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: server.base, cookie },
    body: JSON.stringify(input),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`server ${server.name}: HTTP ${res.status}: ${body.slice(0, 200)}`);
  const rows = new Map(body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]));
  const ref = (JSON.parse(rows.get("0") ?? "{}") as { a?: string }).a;
  const value = ref?.startsWith("$@") ? rows.get(ref.slice(2)) : undefined;
  if (!value) throw new Error(`server ${server.name}: no action result in ${body.slice(0, 300)}`);
  return JSON.parse(value) as ActionResult<T>;
}

let failures = 0;
function check(ok: boolean, what: string, detail = ""): boolean {
  if (!ok) failures++;
  console.log(`${ok ? "✓" : "✗"} ${what}${detail ? ` — ${detail}` : ""}`);
  return ok;
}

type Figure = { measure: string; requests: number; perSecond: number; p50: number; p95: number };
function figure(measure: string, latencies: number[], seconds: number): Figure {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { measure, requests: sorted.length, perSecond: sorted.length / seconds, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/** Who is signed in, as the page scripts ask it: null once the session has ended. */
async function sessionUser(server: Server, cookie: string): Promise<string | null> {
  const res = await fetch(`${server.base}/api/auth/session`, { headers: { cookie } });
  const session = (await res.json()) as { user?: { id?: string } } | null;
  return session?.user?.id ?? null;
}

// ── The checks ──

type SaveResult = { saved: true; version: number } | { saved: false; conflict: { version: number } };

async function main() {
  const { db } = await import("../lib/data/db");
  const { loadActor } = await import("../lib/data/actors");
  const { getSelfReviewPage } = await import("../lib/data/self-reviews");
  const { verifyAuditChain } = await import("../lib/data/audit");
  const { hashPassword } = await import("../lib/security/password");
  const { DEMO_PASSWORD } = await import("../lib/demo/accounts");
  const { reviewYearOn } = await import("../lib/review/calendar");
  const { decidedGroupCheck } = await import("../lib/review/decisions");
  const { quotaRuleFor } = await import("../lib/grading/quota");

  const saveDraft = actionId("lib/actions/self-reviews.ts", "saveSelfReviewDraftAction");
  const saveDecisions = actionId("lib/actions/decisions.ts", "saveDecisionsAction");
  const signOut = actionId("lib/actions/auth.ts", "signOutAction");

  const year = reviewYearOn(new Date());
  const userId = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;

  // The autosaving members of (d), made before the servers start: each gets an account on an open draft.
  const passwordHash = await hashPassword(PASSWORD);
  const open = await db.reviewRecord.findMany({
    where: { subjectKind: "MEMBER", state: "DRAFT", cycle: { year }, member: { status: "ACTIVE", users: { none: {} } } },
    orderBy: { id: "asc" },
    select: { id: true, memberId: true, scopeOrgId: true, member: { select: { fullName: true } } },
  });
  if (open.length < MEMBERS) fail(`only ${open.length} open drafts in ${year}, ${MEMBERS} wanted`);
  type Writer = { username: string; recordId: string; textKey: string; version: number; content: SelfReviewContent; cookie: string };
  const writers: Writer[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const record = open[Math.floor((i * open.length) / MEMBERS)];
    const username = `bench.servers.${String(i + 1).padStart(3, "0")}`;
    const user = await db.user.create({
      data: {
        username,
        passwordHash,
        displayName: record.member!.fullName,
        memberId: record.memberId,
        roleAssignments: { create: { role: "MEMBER", organizationId: record.scopeOrgId } },
      },
      select: { id: true },
    });
    const page = await getSelfReviewPage((await loadActor(user.id))!, record.id);
    const textKey = page.template.sections.find((s) => s.kind === "text")!.key;
    writers.push({ username, recordId: record.id, textKey, version: page.version, content: page.content, cookie: "" });
  }

  log(`starting server A on ${PORT_A} and server B on ${PORT_B}…`);
  const servers = await Promise.all([startServer("A", PORT_A), startServer("B", PORT_B)]);
  const [A, B] = servers;
  const stopAll = () => Promise.all(servers.map(stopServer));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  const figures: Figure[] = [];
  try {
    // ── (a) A draft saved through A, read and continued through B ──
    console.log("\n(a) a self-review draft across servers");
    const dangvien = await loadActor(await userId("dangvien"));
    const record = await db.reviewRecord.findFirstOrThrow({
      where: { memberId: dangvien!.memberId!, cycle: { year }, state: "DRAFT" },
      select: { id: true },
    });
    const page = await getSelfReviewPage(dangvien!, record.id);
    const textKey = page.template.sections.find((s) => s.kind === "text")!.key;
    const draft = (text: string): SelfReviewContent => ({ ...page.content, texts: { ...page.content.texts, [textKey]: text } });
    const reviewPath = `/reviews/${record.id}`;
    // One browser, one cookie: the load balancer sends its requests to either server.
    const cookie = await signIn(A.base, "dangvien", DEMO_PASSWORD);
    check((await sessionUser(B, cookie)) === dangvien!.userId, "a session opened on A is accepted on B");

    const first = `Viết trên máy chủ A (${randomBytes(4).toString("hex")}): chấp hành nghiêm chủ trương của Đảng.`;
    const onA = await callAction<SaveResult>(A, reviewPath, saveDraft, cookie, { recordId: record.id, baseVersion: page.version, content: draft(first) });
    const versionA = onA.ok && onA.data.saved ? onA.data.version : -1;
    check(versionA === page.version + 1, "the draft is saved through A", `version ${page.version} → ${versionA}`);
    const html = await (await fetch(`${B.base}${reviewPath}`, { headers: { cookie } })).text();
    check(html.includes(first), "the self-review page served by B shows the text saved through A");

    const second = `${first} Tiếp tục trên máy chủ B.`;
    const onB = await callAction<SaveResult>(B, reviewPath, saveDraft, cookie, { recordId: record.id, baseVersion: versionA, content: draft(second) });
    const versionB = onB.ok && onB.data.saved ? onB.data.version : -1;
    check(versionB === versionA + 1, "a save through B naming the version A returned is taken", `version ${versionA} → ${versionB}`);
    const stale = await callAction<SaveResult>(A, reviewPath, saveDraft, cookie, {
      recordId: record.id,
      baseVersion: versionA,
      content: draft(`${first} Bản cũ.`),
    });
    check(
      stale.ok && !stale.data.saved && stale.data.conflict.version === versionB,
      "a stale save through A (naming the version B replaced) is refused, with B's version to merge",
      stale.ok ? JSON.stringify(stale.data.saved ? stale.data : { saved: false, version: stale.data.conflict.version }) : stale.formError,
    );
    const stored = await db.selfReview.findUniqueOrThrow({ where: { recordId: record.id }, select: { version: true, content: true } });
    check(
      stored.version === versionB && (stored.content as unknown as SelfReviewContent).texts[textKey] === second,
      "the database holds B's save, nothing of the refused one",
    );

    // ── (b) Sign-out on A ends the session on B; the throttle counts on both ──
    console.log("\n(b) sessions and the sign-in throttle across servers");
    const other = await signIn(B.base, "dangvien", DEMO_PASSWORD);
    check(
      (await sessionUser(B, other)) === dangvien!.userId && (await sessionUser(A, other)) === dangvien!.userId,
      "a second session (signed in on B) is open on both",
    );
    const out = await fetch(`${A.base}/`, {
      method: "POST",
      redirect: "manual",
      headers: { "next-action": signOut, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: A.base, cookie: other },
      body: "[]",
    });
    await out.arrayBuffer();
    check(out.status < 400, "signing out through A (the layout's sign-out button's action)", `HTTP ${out.status}`);
    check((await sessionUser(B, other)) === null, "B no longer knows the session signed out on A (/api/auth/session)");
    const afterPage = await fetch(`${B.base}${reviewPath}`, { headers: { cookie: other }, redirect: "manual" });
    await afterPage.arrayBuffer();
    check(
      afterPage.status >= 300 && afterPage.status < 400 && (afterPage.headers.get("location") ?? "").includes("/sign-in"),
      "B sends the signed-out cookie's page request to the sign-in page",
      `HTTP ${afterPage.status} → ${afterPage.headers.get("location")}`,
    );
    const afterSave = await callAction<SaveResult>(B, reviewPath, saveDraft, other, {
      recordId: record.id,
      baseVersion: versionB,
      content: draft(`${second} Sau khi đăng xuất.`),
    });
    check(
      !afterSave.ok && afterSave.formError === "UNAUTHENTICATED",
      "B refuses a save with the signed-out cookie (UNAUTHENTICATED)",
      afterSave.ok ? "saved!" : afterSave.formError,
    );
    check((await sessionUser(B, cookie)) === dangvien!.userId, "the person's other session (from (a)) is still open on B");

    // Wrong passwords for one username from one address: 5 are free (lib/security/throttle.ts, "user-ip"),
    // so 5 spread over both servers make the 6th wait, on whichever server it reaches.
    const guess = async (server: Server) => {
      const csrf = await fetch(`${server.base}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const jar = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const res = await fetch(`${server.base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.base, cookie: jar },
        body: new URLSearchParams({ csrfToken, username: "bithu2", password: "not-the-password-1", callbackUrl: server.base }),
      });
      await res.arrayBuffer();
      return res.headers.get("location") ?? "";
    };
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(await guess(servers[i % 2]));
    check(
      answers.every((l) => l.includes("error=CredentialsSignin") && !l.includes("throttled")),
      "5 wrong passwords for bithu2, alternating A and B, are each answered as wrong",
    );
    const sixth = await guess(B);
    check(sixth.includes("code=throttled"), "the 6th, on B, is held back: the throttle counted the ones made on A", sixth.slice(sixth.indexOf("/sign-in")));

    // ── (c) The 20 % rule with decisions sent to both servers at once ──
    console.log("\n(c) the 20 % rule with decisions sent to both servers at once");
    const danguyId = await userId("danguy");
    const committee = await db.roleAssignment.findFirstOrThrow({ where: { userId: danguyId, role: "GRASSROOTS_COMMITTEE" }, select: { organizationId: true } });
    const orgId = committee.organizationId;
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { year }, select: { id: true, ruleSet: true, quotaBase: true } });
    // The cells proposed more EXCELLENT than the 20 % allow: the committee tries to confirm every one.
    // (Not his own record: nobody decides their own, a refusal of another kind.)
    const danguy = await db.user.findUniqueOrThrow({ where: { id: danguyId }, select: { memberId: true } });
    const candidates = await db.reviewRecord.findMany({
      where: {
        cycleId: cycle.id,
        subjectKind: "MEMBER",
        state: "REVIEWED",
        proposedLevel: "EXCELLENT",
        peerGroup: { decidingOrgId: orgId },
        ...(danguy.memberId ? { memberId: { not: danguy.memberId } } : {}),
      },
      orderBy: { id: "asc" },
      select: { id: true, version: true, peerGroupId: true },
    });
    const groupIds = [...new Set(candidates.map((c) => c.peerGroupId!))];
    const groupNames = new Map((await db.peerGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } })).map((g) => [g.id, g.name]));
    // The groups' counts as the use case's own check reads them (assertGroupsHold): no override here.
    if ((await db.quotaOverride.count({ where: { peerGroupId: { in: groupIds } } })) > 0)
      fail("the demo's groups carry a quota override: this check assumes none");
    const groupState = async () => {
      const members = await db.reviewRecord.findMany({
        where: { peerGroupId: { in: groupIds }, state: { in: ["SUBMITTED", "REVIEWED", "DECIDED", "PUBLISHED", "UNDER_REREVIEW"] } },
        select: { peerGroupId: true, state: true, proposedLevel: true, decidedLevel: true },
      });
      return new Map(
        groupIds.map((id) => [
          id,
          decidedGroupCheck(
            members.filter((m) => m.peerGroupId === id),
            cycle.quotaBase,
            false,
            quotaRuleFor(cycle.ruleSet),
          ),
        ]),
      );
    };
    const before = await groupState();
    const auditBefore = await db.auditLog.count({ where: { action: "record.decide" } });
    const deskPath = `/units/${orgId}/decisions`;
    const committeeCookie = await signIn(A.base, "danguy", DEMO_PASSWORD);
    log(`${candidates.length} EXCELLENT proposals in ${groupIds.length} peer groups; sending them all at once, one decision a request, half to A, half to B…`);
    const outcomes: { server: Server["name"]; result: ActionResult<{ decided: number }> | { ok: false; formError: string }; ms: number }[] = [];
    const burstStarted = performance.now();
    await Promise.all(
      candidates.map(async (c, i) => {
        const server = servers[i % 2];
        const t0 = performance.now();
        const result = await callAction<{ decided: number }>(server, deskPath, saveDecisions, committeeCookie, {
          organizationId: orgId,
          decisions: [{ recordId: c.id, expectedVersion: c.version, level: "EXCELLENT", reason: "" }],
        }).catch((error: unknown) => ({ ok: false as const, formError: `HTTP error: ${error instanceof Error ? error.message : String(error)}` }));
        outcomes.push({ server: server.name, result, ms: performance.now() - t0 });
      }),
    );
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    figures.push(
      figure(
        `(c) ${candidates.length} decisions at once, one per request, over A and B`,
        outcomes.map((o) => o.ms),
        burstSeconds,
      ),
    );
    const after = await groupState();
    const taken = outcomes.filter((o) => o.result.ok);
    // An unexpected error is logged by the server with the id its answer quotes (lib/actions/run.ts): the cause, from there.
    const causeOf = (errorId: string) =>
      servers
        .map((s) => s.output())
        .join("\n")
        .split("\n")
        .find((line) => line.includes(`[action ${errorId}]`))
        ?.slice(0, 200) ?? "";
    const refusals = outcomes
      .filter((o) => !o.result.ok)
      .map((o) => {
        const result = o.result as { formError: string; errorId?: string };
        return result.errorId ? `${result.formError} (${causeOf(result.errorId)})` : result.formError;
      });
    const decidedNow = await db.reviewRecord.count({ where: { id: { in: candidates.map((c) => c.id) }, state: "DECIDED", decidedLevel: "EXCELLENT" } });
    const auditAfter = await db.auditLog.count({ where: { action: "record.decide" } });
    // Per group, what serialized decisions would store: as many as the quota leaves, or every proposal.
    const expected = new Map(
      groupIds.map((id) => [id, Math.min(before.get(id)!.maxExcellent, before.get(id)!.excellent + candidates.filter((c) => c.peerGroupId === id).length)]),
    );
    check(
      [...expected].reduce((n, [id, e]) => n + e - before.get(id)!.excellent, 0) < candidates.length,
      "the proposals exceed what the quota leaves (so the check can fail)",
      `${candidates.length} proposals in ${groupIds.length} peer groups`,
    );
    for (const [id, g] of after) {
      check(
        g.ok && g.excellent <= g.maxExcellent,
        `peer group "${groupNames.get(id)}": ${g.excellent} stored EXCELLENT ≤ quota ${g.maxExcellent} (pool ${g.pool})`,
      );
      check(
        g.excellent === expected.get(id),
        `peer group "${groupNames.get(id)}": the quota is filled, no decision it had room for was lost`,
        `${expected.get(id)} expected`,
      );
    }
    check(
      taken.some((o) => o.server === "A") && taken.some((o) => o.server === "B"),
      "decisions were taken through both servers",
      `A ${taken.filter((o) => o.server === "A").length}, B ${taken.filter((o) => o.server === "B").length}`,
    );
    const otherRefusals = refusals.filter((r) => r !== "QUOTA_EXCEEDED");
    check(otherRefusals.length === 0, `every refusal (${refusals.length}) is the quota's QUOTA_EXCEEDED`, otherRefusals.slice(0, 3).join("; "));
    check(
      decidedNow === taken.length,
      "the records stored as decided EXCELLENT are exactly the decisions answered as taken",
      `${decidedNow} stored, ${taken.length} taken`,
    );
    check(auditAfter - auditBefore === taken.length, "one record.decide audit row per stored decision", `${auditAfter - auditBefore} rows`);
    const chain = await verifyAuditChain();
    check(!chain.firstBroken, "the audit log's hash chain holds after writes through both servers", `${chain.rows} rows`);

    // ── (d) Autosave through one server, then spread over two ──
    console.log("\n(d) autosave through one server, then two");
    for (const w of writers) w.cookie = await signIn(A.base, w.username, PASSWORD);
    const autosave = async (label: string, pick: (save: number) => Server) => {
      const latencies: number[] = [];
      let conflicts = 0;
      let errors = 0;
      const started = performance.now();
      await Promise.all(
        writers.map(async (w, index) => {
          for (let i = 0; i < SAVES; i++) {
            const text = `Bản nháp ${label} số ${i + 1} của đảng viên ${index + 1}: hoàn thành tốt nhiệm vụ được giao.`;
            const t0 = performance.now();
            try {
              const result = await callAction<SaveResult>(pick(index + i), `/reviews/${w.recordId}`, saveDraft, w.cookie, {
                recordId: w.recordId,
                baseVersion: w.version,
                content: { ...w.content, texts: { ...w.content.texts, [w.textKey]: text } },
              });
              latencies.push(performance.now() - t0);
              if (!result.ok) throw new Error(result.formError);
              if (result.data.saved) w.version = result.data.version;
              else conflicts++;
            } catch (error) {
              if (++errors <= 3) log(`${label}: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
        }),
      );
      figures.push(figure(`(d) autosave, ${writers.length} members × ${SAVES} saves, ${label}`, latencies, (performance.now() - started) / 1000));
      return { conflicts, errors };
    };
    await autosave("warm-up", (i) => servers[i % 2]);
    figures.pop();
    const one = await autosave("through A alone", () => A);
    const two = await autosave("alternating A and B", (i) => servers[i % 2]);
    check(one.conflicts + one.errors === 0, "autosave through one server: no conflict, no error", `${one.conflicts} conflicts, ${one.errors} errors`);
    check(
      two.conflicts + two.errors === 0,
      "autosave alternating servers (each save names the version the other server returned): no conflict, no error",
      `${two.conflicts} conflicts, ${two.errors} errors`,
    );
    let wrong = 0;
    for (const w of writers) {
      const row = await db.selfReview.findUniqueOrThrow({ where: { recordId: w.recordId }, select: { version: true } });
      if (row.version !== w.version) wrong++;
    }
    check(wrong === 0, "every member's record holds the version of their last save", `${wrong} differ`);
  } finally {
    const logged = servers.flatMap((s) =>
      s
        .output()
        .split("\n")
        .filter((line) => line.includes("[action "))
        .map((line) => `${s.name}: ${line}`),
    );
    if (logged.length > 0) log(`the servers logged ${logged.length} failed actions; the first: ${logged[0]}`);
    await stopAll();
    await db.$disconnect();
  }

  console.log(
    `\nNode ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end; both servers and PostgreSQL on this machine`,
  );
  console.table(
    figures.map((f) => ({
      measure: f.measure,
      requests: f.requests,
      "per second": Math.round(f.perSecond),
      p50: `${f.p50.toFixed(1)} ms`,
      p95: `${f.p95.toFixed(1)} ms`,
    })),
  );
  console.log(failures === 0 ? "Two servers on one database: every check holds." : `${failures} check(s) FAILED.`);
  if (failures > 0) process.exitCode = 1;
}

if (process.env.BENCH_SERVERS_CHILD === "1") {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  launch().then((code) => process.exit(code));
}
