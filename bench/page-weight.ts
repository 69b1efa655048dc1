// Benchmark of what the member's self-review page (/reviews/[id]) sends to a phone (not a test): the
// JavaScript it loads, each chunk gzip-compressed as `next start` sends it (Node's zlib, default level).
//
//   npm run bench:weight                     from the build's manifests under .next (build first:
//                                            node scripts/ensure-build.mjs)
//   npm run bench:weight -- BASE_URL         and as a phone loads it: signs in as `dangvien` on a running
//                                            server with the demo data, opens their own self-review in
//                                            headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
//                                            and sums the JavaScript actually transferred
//
// From the manifests: the app's main files (build-manifest.json, rootMainFiles) and the client chunks of
// every segment of the page's route (its client reference manifest, entryJSFiles: root layout, the (app)
// layout and its error boundary, the page). The polyfills are left out: only browsers without ES modules
// load them.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DEMO_PASSWORD } from "../lib/demo/accounts";
import { signIn } from "./lib/http";

const NEXT = path.resolve(".next");
const ROUTE = "/(app)/reviews/[id]/page";
const AIM_KB = 200;

type Chunk = { file: string; raw: number; gzip: number; loadedFor: string[] };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function fromManifests(): Chunk[] {
  if (!fs.existsSync(path.join(NEXT, "BUILD_ID"))) throw new Error("no build in .next: run node scripts/ensure-build.mjs first");
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  // The client reference manifest is a script that assigns globalThis.__RSC_MANIFEST[route].
  const file = path.join(NEXT, "server", "app", ...ROUTE.split("/").filter(Boolean)) + "_client-reference-manifest.js";
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function("globalThis", "self", fs.readFileSync(file, "utf8"))(sandbox, sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[ROUTE];
  if (!manifest) throw new Error(`${ROUTE} not found in ${file}`);

  const chunks = new Map<string, Chunk>();
  const add = (file: string, owner: string) => {
    const chunk = chunks.get(file) ?? { file, raw: 0, gzip: 0, loadedFor: [] };
    if (!chunk.raw) {
      const bytes = fs.readFileSync(path.join(NEXT, file));
      chunk.raw = bytes.length;
      chunk.gzip = gzipSync(bytes).length;
    }
    if (!chunk.loadedFor.includes(owner)) chunk.loadedFor.push(owner);
    chunks.set(file, chunk);
  };
  for (const file of build.rootMainFiles) add(file, "app (React, Next router)");
  for (const [entry, files] of Object.entries(manifest.entryJSFiles)) {
    const owner = entry.replace("[project]/", "");
    // Other routes' boundaries listed in this manifest are not on the page's path.
    if (owner.includes("global-error") || owner === "app/not-found") continue;
    for (const file of files) if (file.endsWith(".js")) add(file, owner);
  }
  return [...chunks.values()].sort((a, b) => b.gzip - a.gzip);
}

async function inBrowser(base: string) {
  const { chromium, devices } = await import("@playwright/test");
  const cookie = await signIn(base, "dangvien", DEMO_PASSWORD);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ ...devices["Pixel 7"], locale: "vi-VN" });
    const host = new URL(base).hostname;
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        return { name, value: value.join("="), domain: host, path: "/" };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const href = await page.locator('a[href^="/reviews/"]').first().getAttribute("href");
    if (!href) throw new Error("no link to the member's own self-review on the home page");
    // A fresh context: nothing cached from the home page, as on a first visit to the form.
    const fresh = await browser.newContext({ ...devices["Pixel 7"], locale: "vi-VN" });
    await fresh.addCookies(await context.cookies());
    const form = await fresh.newPage();
    const scripts: { url: string; transferred: number; decoded: number; encoding: string }[] = [];
    form.on("requestfinished", async (request) => {
      if (request.resourceType() !== "script") return;
      const response = await request.response();
      const sizes = await request.sizes();
      scripts.push({
        url: request.url(),
        transferred: sizes.responseBodySize,
        decoded: (await response?.body())?.length ?? 0,
        encoding: response?.headers()["content-encoding"] ?? "none",
      });
    });
    await form.goto(`${base}${href}`, { waitUntil: "networkidle" });
    return { href, scripts };
  } finally {
    await browser.close();
  }
}

async function main() {
  const chunks = fromManifests();
  const total = chunks.reduce((sum, c) => sum + c.gzip, 0);
  const raw = chunks.reduce((sum, c) => sum + c.raw, 0);
  console.log(`/reviews/[id] from the build's manifests: ${chunks.length} JavaScript files, ${kb(raw)}, ${kb(total)} gzip (aim: under ${AIM_KB} KB)`);
  console.table(chunks.map((c) => ({ file: c.file.replace("static/chunks/", ""), raw: kb(c.raw), gzip: kb(c.gzip), "loaded for": c.loadedFor.join(", ") })));

  const base = process.argv[2];
  if (base) {
    const { href, scripts } = await inBrowser(base.replace(/\/$/, ""));
    const transferred = scripts.reduce((sum, s) => sum + s.transferred, 0);
    const decoded = scripts.reduce((sum, s) => sum + s.decoded, 0);
    console.log(
      `${href} in Chromium as a Pixel 7: ${scripts.length} scripts, ${kb(decoded)}, ${kb(transferred)} transferred (${[...new Set(scripts.map((s) => s.encoding))].join(", ")})`,
    );
    const known = new Set(chunks.map((c) => c.file.replace("static/", "")));
    const extra = scripts.filter((s) => !known.has(new URL(s.url).pathname.replace("/_next/static/", "")));
    if (extra.length > 0) console.log(`loaded but not counted from the manifests: ${extra.map((s) => new URL(s.url).pathname).join(", ")}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
