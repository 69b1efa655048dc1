// Benchmark of the pages (not a test): signs in through the real sign-in endpoint and times whole
// server-rendered pages of a running server, as a browser would request them, each page as the role
// that works on it, and prints p50/p95 against the aim (issue #19: every page of the demo district
// ≤ 100 ms p95, every page of a province ≤ 300 ms p95).
//
//   npm run bench:pages -- --district [--base URL] [--runs N]   the demo district (default, 60 runs a page)
//   npm run bench:pages -- --province [--base URL] [--runs N]   a generated province (30 runs a page)
//   npm run bench:pages -- ... --only tree,desk                 only the pages whose label contains a word
//
// The base URL defaults to http://127.0.0.1:3000 (a positional URL works too). The district mode wants a
// server on the demo district (`npm start`, or `node scripts/with-db.mjs --seed -- node scripts/serve.mjs`);
// the province mode one on `npm run seed -- --province` (see docs/benchmarks.md). Pages are found by
// following the links a person would follow (home cards, the tree, a unit's member list), so the script
// names no id. Requests go one at a time, after 2 warm-ups a page; the figures are the server's time to
// the last byte over loopback, and on a shared machine they are upper bounds.
import { performance } from "node:perf_hooks";
import { DEMO_PASSWORD } from "../lib/demo/accounts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const MODE = args.includes("--province") ? "province" : "district";
const BASE = option("--base") ?? args.find((a) => /^https?:\/\//.test(a)) ?? "http://127.0.0.1:3000";
const RUNS = Number(option("--runs") ?? (MODE === "province" ? 30 : 60));
const AIM_MS = MODE === "province" ? 300 : 100;
const ONLY = option("--only")?.split(",");
const WARM_UPS = 2;

type Row = { who: string; page: string; path: string; p50: number; p95: number; max: number; kb: number };
const rows: Row[] = [];
const skipped: string[] = [];

/** Auth.js credentials sign-in over HTTP: CSRF token, then the callback; returns the cookie header. */
async function signIn(username: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(BASE).origin, cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD, callbackUrl: BASE }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${username}`);
  return cookieHeader(jar);
}

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function get(cookie: string, path: string): Promise<string> {
  const res = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return body;
}

async function time(cookie: string, path: string) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + WARM_UPS; i++) {
    const t0 = performance.now();
    const body = await get(cookie, path);
    if (i >= WARM_UPS) samples.push(performance.now() - t0);
    bytes = Buffer.byteLength(body);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1], kb: Math.round(bytes / 1024) };
}

/** The links of a kind on a page (href values matching `pattern`), in page order, without repeats. */
async function links(cookie: string, path: string, pattern: RegExp): Promise<string[]> {
  const html = await get(cookie, path);
  const found = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")).filter((h) => pattern.test(h));
  return [...new Set(found)];
}

/** A signed-in person measuring pages; a page whose link is not found is reported as skipped. */
function as(who: string, cookie: string) {
  return {
    cookie,
    async measure(page: string, path: string | undefined | Promise<string | undefined>) {
      if (ONLY && !ONLY.some((word) => page.includes(word))) return;
      const resolved = await Promise.resolve(path).catch(() => undefined);
      if (!resolved) {
        skipped.push(`${who}: ${page}`);
        return;
      }
      const figures = await time(cookie, resolved).catch((error: Error) => {
        skipped.push(`${who}: ${page} (${error.message})`);
      });
      if (!figures) return;
      rows.push({ who, page, path: resolved, ...figures });
      console.error(`  ${who.padEnd(10)} ${page.padEnd(40)} p50 ${figures.p50.toFixed(0).padStart(4)} ms  p95 ${figures.p95.toFixed(0).padStart(4)} ms`);
    },
    first: async (path: string, pattern: RegExp, skip = 0) => (await links(cookie, path, pattern))[skip],
  };
}

const UNIT = /^\/units\/[^/?#]+$/;
const MEMBER = /^\/members\/[^/?#]+$/;
const REVIEW = /^\/reviews\/[^/?#]+$/;
const TASK = /^\/tasks\/(?!confirm|import|export)[^/?#]+$/;
const REPORTS = [
  ["reports: progress", "/reports"],
  ["reports: statistics", "/reports/statistics"],
  ["reports: quota", "/reports/quota"],
  ["reports: lists", "/reports/lists"],
] as const;

async function district() {
  const admin = as("quantri", await signIn("quantri"));
  await admin.measure("home", "/");
  await admin.measure("cycles", "/cycles");
  const cycle = await admin.first("/cycles", /^\/cycles\/[^/]+$/);
  await admin.measure("a cycle", cycle);
  await admin.measure("a cycle's deadlines", cycle && `${cycle}/deadlines`);
  await admin.measure("account", "/account");

  const standing = as("thuongvu", await signIn("thuongvu"));
  await standing.measure("home (district progress)", "/");
  await standing.measure("unit tree", "/units");
  const district = await standing.first("/units", UNIT);
  await standing.measure("organizations' desk", district && `${district}/organizations`);

  const board = as("bantochuc", await signIn("bantochuc"));
  await board.measure("home", "/");
  await board.measure("unit tree", "/units");
  await board.measure("district unit, members p.1", district);
  await board.measure("district unit, search 'nguyen van'", district && `${district}?q=nguyen+van`);
  for (const [label, path] of REPORTS) await board.measure(label, path);

  const committee = as("danguy", await signIn("danguy"));
  await committee.measure("home", "/");
  const commune = await committee.first("/", UNIT);
  await committee.measure("unit tree", "/units");
  await committee.measure("commune unit", commune);
  await committee.measure("decision desk", commune && `${commune}/decisions`);
  await committee.measure("commune task register", commune && `${commune}/tasks`);
  await committee.measure("tasks to confirm", "/tasks/confirm");

  const secretary = as("bithu", await signIn("bithu"));
  await secretary.measure("home", "/");
  const cell = await secretary.first("/", UNIT);
  await secretary.measure("own cell's list", cell);
  await secretary.measure("cell search 'nguyen'", cell && `${cell}?q=nguyen`);
  await secretary.measure("cell review desk", cell && `${cell}/review`);
  await secretary.measure("meeting", cell && `${cell}/meeting`);
  await secretary.measure("meeting minutes (print)", cell && `${cell}/meeting/print`);
  await secretary.measure("results", cell && `${cell}/results`);
  const member = cell ? await secretary.first(cell, MEMBER) : undefined;
  await secretary.measure("a member", member);
  await secretary.measure("a member's rating facts", member && secretary.first(member, /^\/members\/[^/]+\/rating$/));
  await secretary.measure("a member's task register", member && `${member}/tasks`);
  const record = cell ? await secretary.first(`${cell}/review`, REVIEW) : undefined;
  await secretary.measure("a member's record", record);
  await secretary.measure("tasks to confirm", "/tasks/confirm");

  const member2 = as("dangvien", await signIn("dangvien"));
  await member2.measure("home", "/");
  const own = await member2.first("/", REVIEW);
  await member2.measure("self-review", own);
  await member2.measure("self-review (print)", own && `${own}/print`);
  await member2.measure("own task register", "/tasks");
  await member2.measure("a task", member2.first("/tasks", TASK));
  await member2.measure("own member page", member2.first("/", MEMBER));
}

async function province() {
  const admin = as("quantri", await signIn("quantri"));
  const top = await admin.first("/units", UNIT);
  await admin.measure("home", "/");
  await admin.measure("unit tree", "/units");
  await admin.measure("province unit, members p.1", top);
  await admin.measure("province unit, members p.200", top && `${top}?page=200`);
  await admin.measure("province unit, search 'nguyen van'", top && `${top}?q=nguyen+van`);
  await admin.measure("a member", top && admin.first(top, MEMBER));
  for (const [label, path] of REPORTS) await admin.measure(label, path);
  // The recognition lists (ten years, five years) are tabs of the lists page.
  await admin.measure("reports: lists, recognition", "/reports/lists?tab=recognition");

  // A grassroots organization's decision desk, as its committee opens it (an administrator has no desk):
  // danguy's Đảng bộ xã An Bình, the desk measured on the demo district too.
  const committee = as("danguy", await signIn("danguy"));
  const commune = await committee.first("/", UNIT);
  await committee.measure("grassroots committee's decision desk", commune && `${commune}/decisions`);

  const standing = as("thuongvu", await signIn("thuongvu"));
  await standing.measure("home (district progress)", "/");
  await standing.measure("district tree", "/units");

  const board = as("bantochuc", await signIn("bantochuc"));
  for (const [label, path] of REPORTS) await board.measure(label, path);

  const secretary = as("bithu", await signIn("bithu"));
  await secretary.measure("home", "/");
  await secretary.measure("own cell", secretary.first("/", UNIT));
}

async function main() {
  console.error(`${MODE} mode against ${BASE}: ${RUNS} requests a page after ${WARM_UPS} warm-ups, one at a time`);
  const started = performance.now();
  await (MODE === "province" ? province() : district());
  console.log(`\n${MODE}, ${BASE}, ${RUNS} requests a page after ${WARM_UPS} warm-ups, one at a time; aim p95 ≤ ${AIM_MS} ms`);
  console.table(
    rows.map((r) => ({
      who: r.who,
      page: r.page,
      p50: `${r.p50.toFixed(0)} ms`,
      p95: `${r.p95.toFixed(0)} ms`,
      max: `${r.max.toFixed(0)} ms`,
      html: `${r.kb} KB`,
      aim: r.p95 <= AIM_MS ? "met" : "NOT MET",
    })),
  );
  const missed = rows.filter((r) => r.p95 > AIM_MS);
  console.log(
    `${rows.length - missed.length} of ${rows.length} pages met p95 ≤ ${AIM_MS} ms` +
      (missed.length ? `; not met: ${missed.map((r) => `${r.who} ${r.page} (${r.p95.toFixed(0)} ms)`).join(", ")}` : ""),
  );
  if (skipped.length) console.log(`skipped (link not found, or not 200): ${skipped.join(", ")}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
