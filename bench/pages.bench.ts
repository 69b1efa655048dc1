// Benchmark of the pages (not a test): signs in through the real sign-in endpoint and times whole
// server-rendered pages of a running server, as a browser would request them.
//
//   npm run bench:pages -- [BASE_URL]        default http://127.0.0.1:3000
//
// Meant for a server on province-sized data: seed an empty database with `npm run seed -- --province`
// (see README, "Benchmarks"), start it, then run this. Requests go to the given server only.
import { performance } from "node:perf_hooks";
import { DEMO_PASSWORD } from "../lib/demo/accounts";

const BASE = process.argv[2] ?? "http://127.0.0.1:3000";
const RUNS = 20;
/** The upper committee's report pages, at the viewer's top unit. */
const REPORTS = [
  ["reports: progress board", "/reports"],
  ["reports: statistics", "/reports/statistics"],
  ["reports: quota compliance", "/reports/quota"],
  ["reports: lists", "/reports/lists"],
] as const;

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

async function time(cookie: string, path: string) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    if (i >= 2) samples.push(performance.now() - t0); // two warm-up requests
    bytes = body.length;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { median: at(0.5), p95: at(0.95), kb: Math.round(bytes / 1024) };
}

/** The first link of a kind on a page, to follow into the data actually there. */
async function firstLink(cookie: string, path: string, prefix: string, skip = 0): Promise<string> {
  const html = await (await fetch(`${BASE}${path}`, { headers: { cookie } })).text();
  const links = [...html.matchAll(new RegExp(`href="(${prefix}[^"?]+)"`, "g"))].map((m) => m[1]);
  if (!links[skip]) throw new Error(`no ${prefix} link on ${path}`);
  return links[skip];
}

async function main() {
  const rows: { who: string; page: string; median: number; p95: number; kb: number }[] = [];
  const measure = async (who: string, cookie: string, label: string, path: string) => {
    rows.push({ who, page: label, ...(await time(cookie, path)) });
  };

  const admin = await signIn("quantri");
  const top = await firstLink(admin, "/units", "/units/");
  await measure("quantri", admin, "home", "/");
  await measure("quantri", admin, "unit tree", "/units");
  await measure("quantri", admin, "top unit, members p.1", top);
  await measure("quantri", admin, "top unit, members p.200", `${top}?page=200`);
  await measure("quantri", admin, "top unit, search 'nguyen van'", `${top}?q=nguyen+van`);
  const member = await firstLink(admin, top, "/members/");
  await measure("quantri", admin, "member page", member);
  for (const [label, path] of REPORTS) await measure("quantri", admin, label, path);

  const district = await signIn("thuongvu");
  await measure("thuongvu", district, "home (district progress)", "/");
  await measure("thuongvu", district, "unit tree", "/units");

  const board = await signIn("bantochuc");
  for (const [label, path] of REPORTS) await measure("bantochuc", board, label, path);

  const secretary = await signIn("bithu");
  await measure("bithu", secretary, "home", "/");
  const cell = await firstLink(secretary, "/units", "/units/");
  await measure("bithu", secretary, "own cell", cell);

  console.log(`${BASE}, ${RUNS} requests each after 2 warm-ups, one at a time`);
  console.table(rows.map((r) => ({ ...r, median: `${r.median.toFixed(0)} ms`, p95: `${r.p95.toFixed(0)} ms`, kb: `${r.kb} KB` })));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
