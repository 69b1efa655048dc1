// Benchmark of the JavaScript every page sends to a phone (not a test), gzip-compressed as `next start`
// sends it (Node's zlib, default level). Aim (#19): no page over 200 KB, the member's self-review ≤ 180 KB.
//
//   npm run bench:weight                     every app route, from the build's manifests under .next
//                                            (build first: node scripts/ensure-build.mjs)
//   npm run bench:weight -- BASE_URL         and every page as Chromium loads it: on a running server with
//                                            the demo data, signs in as each demo role, opens that role's
//                                            real pages (home, self-review, cell list, meeting, desk, reports,
//                                            tree, member, tasks, cycles, account, sign-in…), each in a fresh
//                                            browser context (nothing cached), waits until the network is
//                                            idle (charts or forms loaded later count too) and sums the
//                                            JavaScript transferred. CHROMIUM_PATH, default /usr/bin/chromium.
//   npm run bench:weight -- --chunks ROUTE   the files of one route, largest first, with the libraries
//                                            each holds (e.g. --chunks "/(app)/reviews/[id]/page")
//
// From the manifests: the app's main files (build-manifest.json, rootMainFiles) and the client chunks of
// every segment of the route (its client reference manifest, entryJSFiles: root layout, the (app) layout
// and its error boundary, the page). The polyfills are left out: only browsers without ES modules load
// them. The exit code is 0 even when an aim is not met: the figures are the output.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DEMO_PASSWORD, type DemoUsername } from "../lib/demo/accounts";
import { signIn } from "./lib/http";

const NEXT = path.resolve(".next");
const AIM_KB = 200;
/** The member's self-review is opened on phones most of all: a tighter aim. */
const SELF_REVIEW_ROUTE = "/(app)/reviews/[id]/page";
const SELF_REVIEW_AIM_KB = 180;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const aimFor = (route: string) => (route === SELF_REVIEW_ROUTE ? SELF_REVIEW_AIM_KB : AIM_KB);
const verdict = (bytes: number, aim: number) => (bytes / 1024 <= aim ? "met" : "NOT MET");

// --- From the build's manifests ---------------------------------------------------------------------

type Chunk = { file: string; raw: number; gzip: number };
const chunkCache = new Map<string, Chunk>();

function chunk(file: string): Chunk {
  let found = chunkCache.get(file);
  if (!found) {
    const bytes = fs.readFileSync(path.join(NEXT, file));
    found = { file, raw: bytes.length, gzip: gzipSync(bytes).length };
    chunkCache.set(file, found);
  }
  return found;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(NEXT, file), "utf8")) as T;
}

/** Every app route that renders a page (route handlers left out), as the build names them. */
function appPageRoutes(): string[] {
  if (!fs.existsSync(path.join(NEXT, "BUILD_ID"))) throw new Error("no build in .next: run node scripts/ensure-build.mjs first");
  const routes = Object.keys(readJson<Record<string, string>>("app-path-routes-manifest.json"));
  return routes.filter((r) => r.endsWith("/page") && !r.startsWith("/_")).sort();
}

/** The JavaScript files a route loads: the app's main files, then its segments' client chunks. */
function routeFiles(route: string): Chunk[] {
  const build = readJson<{ rootMainFiles: string[] }>("build-manifest.json");
  // The client reference manifest is a script that assigns globalThis.__RSC_MANIFEST[route].
  const file = path.join(NEXT, "server", "app", ...route.split("/").filter(Boolean)) + "_client-reference-manifest.js";
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function("globalThis", "self", fs.readFileSync(file, "utf8"))(sandbox, sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`${route} not found in ${file}`);
  const files = new Set(build.rootMainFiles);
  for (const [entry, list] of Object.entries(manifest.entryJSFiles)) {
    // Other routes' boundaries listed in this manifest are not on the page's path.
    if (entry.includes("global-error") || entry.endsWith("app/not-found")) continue;
    for (const f of list) if (f.endsWith(".js")) files.add(f);
  }
  return [...files].map(chunk);
}

/**
 * Libraries worth naming in a chunk. A production build keeps no module paths, so each is recognised by a
 * string only it carries (an error class, a CSS class, an option name).
 */
const LIBRARIES: [name: string, signature: string][] = [
  ["react/react-dom", "react.dev/errors"],
  ["next router", "next-router"],
  ["zod", "ZodError"],
  ["react-hook-form", "shouldUseNativeValidation"],
  ["recharts", "recharts-wrapper"],
  ["TanStack Table", "getPaginatedRowModel"],
  ["next-intl (intl-messageformat)", "IntlMessageFormat"],
];

function librariesIn(file: string): string {
  const text = fs.readFileSync(path.join(NEXT, file), "utf8");
  return LIBRARIES.filter(([, signature]) => text.includes(signature))
    .map(([name]) => name)
    .join(", ");
}

function printManifests() {
  const rows = appPageRoutes().map((route) => {
    const files = routeFiles(route);
    const gzip = files.reduce((sum, c) => sum + c.gzip, 0);
    const aim = aimFor(route);
    return { route: route.replace("/page", "") || "/", files: files.length, "KB gzip": kb(gzip), aim, result: verdict(gzip, aim) };
  });
  console.log(`Every page's JavaScript from the build's manifests (.next), gzip; aim ≤ ${AIM_KB} KB, the self-review ≤ ${SELF_REVIEW_AIM_KB} KB`);
  console.table(rows);
  const over = rows.filter((r) => r.result !== "met");
  console.log(over.length === 0 ? "every route met its aim" : `${over.length} of ${rows.length} routes over their aim: ${over.map((r) => r.route).join(", ")}`);
}

function printChunks(route: string) {
  const files = routeFiles(route).sort((a, b) => b.gzip - a.gzip);
  const gzip = files.reduce((sum, c) => sum + c.gzip, 0);
  console.log(`${route}: ${files.length} files, ${kb(gzip)} KB gzip (aim ≤ ${aimFor(route)} KB)`);
  console.table(files.map((c) => ({ file: c.file.replace("static/chunks/", ""), "KB raw": kb(c.raw), "KB gzip": kb(c.gzip), holds: librariesIn(c.file) })));
}

// --- As Chromium loads them ----------------------------------------------------------------------------

type Page = { role: DemoUsername | "anonymous"; label: string; path: string | null; aim: number };

/** The links on a page matching a pattern (first group: the path), to follow into the data actually there. */
async function linksOn(base: string, cookie: string, from: string, pattern: RegExp): Promise<string[]> {
  const html = await (await fetch(`${base}${from}`, { headers: { cookie } })).text();
  const found = [...html.matchAll(new RegExp(`href="(${pattern.source})"`, "g"))].map((m) => m[1].replaceAll("&amp;", "&"));
  return [...new Set(found)];
}

/** Each role's pages, found by following the links its own pages show. A page not found is reported, not guessed. */
async function pagesOf(base: string, role: DemoUsername, cookie: string): Promise<Page[]> {
  const first = async (from: string | null, pattern: RegExp) => (from ? ((await linksOn(base, cookie, from, pattern))[0] ?? null) : null);
  const page = (label: string, p: string | null, aim = AIM_KB): Page => ({ role, label, path: p, aim });
  switch (role) {
    case "dangvien": {
      const review = await first("/", /\/reviews\/[\w-]+/);
      const member = await first("/", /\/members\/[\w-]+/);
      const task = await first("/tasks", /\/tasks\/(?!confirm|import|export)[\w-]+/);
      return [
        page("home", "/"),
        page("self-review", review, SELF_REVIEW_AIM_KB),
        page("own record", member),
        page("own tasks", "/tasks"),
        page("task", task),
        page("account", "/account"),
      ];
    }
    case "bithu": {
      const cell = await first("/", /\/units\/[\w-]+/);
      const member = await first(cell, /\/members\/[\w-]+/);
      // Another member's self-review, as the secretary reads it: not the secretary's own record.
      const own = await first("/", /\/reviews\/[\w-]+/);
      const records = cell ? await linksOn(base, cookie, `${cell}/review`, /\/reviews\/[\w-]+/) : [];
      return [
        page("home", "/"),
        page("cell's members", cell),
        page("cell list (the review)", cell && `${cell}/review`),
        page("cell meeting", cell && `${cell}/meeting`),
        page("cell results", cell && `${cell}/results`),
        page("cell tasks", cell && `${cell}/tasks`),
        page("member", member),
        page("member rating facts", member && `${member}/rating`),
        page("member's self-review (secretary)", records.find((r) => r !== own) ?? null),
        page("tasks to confirm", "/tasks/confirm"),
        page("unit tree", "/units"),
      ];
    }
    case "danguy": {
      const unit = await first("/", /\/units\/[\w-]+/);
      return [
        page("home", "/"),
        page("committee's unit", unit),
        page("decision desk", unit && `${unit}/decisions`),
        page("unit self-rating", unit && `${unit}/review`),
        page("results", unit && `${unit}/results`),
      ];
    }
    case "bantochuc": {
      const unit = await first("/units", /\/units\/[\w-]+/);
      return [
        page("home", "/"),
        page("unit tree", "/units"),
        page("top unit", unit),
        page("organizations desk", unit && `${unit}/organizations`),
        page("reports: progress", "/reports"),
        page("reports: statistics", "/reports/statistics"),
        page("reports: quota", "/reports/quota"),
        page("reports: lists", "/reports/lists"),
        page("reports: import", "/reports/import"),
      ];
    }
    case "quantri": {
      const cycle = await first("/cycles", /\/cycles\/[\w-]+/);
      const sheet = await first(cycle, /\/cycles\/[\w-]+\/score-sheets\/[\w-]+/);
      return [
        page("home", "/"),
        page("cycles", "/cycles"),
        page("cycle", cycle),
        page("cycle deadlines", cycle && `${cycle}/deadlines`),
        page("score sheet", sheet),
        page("tasks import", "/tasks/import"),
        page("account", "/account"),
      ];
    }
    default:
      return [];
  }
}

const ROLES: DemoUsername[] = ["dangvien", "bithu", "danguy", "bantochuc", "quantri"];

async function inBrowser(base: string) {
  const { chromium, devices } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const host = new URL(base).hostname;
  const rows: Record<string, string | number>[] = [];
  const load = async (entry: Page, cookie: string | null) => {
    if (!entry.path) {
      rows.push({ role: entry.role, page: entry.label, url: "(no link found)", scripts: 0, "KB gzip": "–", aim: entry.aim, result: "–" });
      return;
    }
    // A fresh context per page: nothing cached from the page before, as on a first visit.
    const context = await browser.newContext({ ...devices["Pixel 7"], locale: "vi-VN" });
    if (cookie)
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const [name, ...value] = pair.split("=");
          return { name, value: value.join("="), domain: host, path: "/" };
        }),
      );
    const page = await context.newPage();
    // The bytes of each script's body as they came over the wire (gzip), from the DevTools protocol:
    // what arrived in all, less the response's headers.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scriptsById = new Map<string, { headers: number; encoding: string }>();
    let transferred = 0;
    let scripts = 0;
    const encodings = new Set<string>();
    cdp.on("Network.responseReceived", (event) => {
      if (event.type !== "Script") return;
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      scriptsById.set(event.requestId, { headers: event.response.encodedDataLength, encoding: headers["content-encoding"] ?? "none" });
    });
    cdp.on("Network.loadingFinished", (event) => {
      const script = scriptsById.get(event.requestId);
      if (!script) return;
      transferred += event.encodedDataLength - script.headers;
      scripts += 1;
      encodings.add(script.encoding);
    });
    const response = await page.goto(`${base}${entry.path}`, { waitUntil: "networkidle" });
    const landed = new URL(page.url()).pathname;
    rows.push({
      role: entry.role,
      page: entry.label,
      url: landed === entry.path.split("?")[0] ? entry.path : `${entry.path} → ${landed} (${response?.status()})`,
      scripts,
      "KB gzip": kb(transferred),
      aim: entry.aim,
      result: verdict(transferred, entry.aim),
    });
    if (![...encodings].every((e) => e === "gzip")) console.warn(`${entry.path}: scripts sent with ${[...encodings].join(", ")}`);
    await context.close();
  };
  try {
    await load({ role: "anonymous", label: "sign-in", path: "/sign-in", aim: AIM_KB }, null);
    for (const role of ROLES) {
      const cookie = await signIn(base, role, DEMO_PASSWORD);
      for (const entry of await pagesOf(base, role, cookie)) await load(entry, cookie);
    }
  } finally {
    await browser.close();
  }
  console.log(`\nEvery page as Chromium loads it (${base}, Pixel 7, cache off, until the network is idle): JavaScript transferred, gzip`);
  console.table(rows);
  const over = rows.filter((r) => r.result === "NOT MET");
  console.log(
    over.length === 0
      ? "every page met its aim"
      : `${over.length} of ${rows.length} pages over their aim: ${over.map((r) => `${r.role} ${r.page}`).join(", ")}`,
  );
}

async function main() {
  const args = process.argv.slice(2);
  const chunksAt = args.indexOf("--chunks");
  if (chunksAt >= 0) return printChunks(args[chunksAt + 1] ?? SELF_REVIEW_ROUTE);
  printManifests();
  const base = args.find((a) => /^https?:\/\//.test(a));
  if (base) await inBrowser(base.replace(/\/$/, ""));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
