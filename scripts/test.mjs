#!/usr/bin/env node
// Usage: node scripts/test.mjs [all | e2e]
//   all (npm test): lint ‖ Vitest ‖ (next build ‖ the demo seeded once) → (typecheck ‖ the journeys in
//                   two groups at once)
//   e2e (npm run test:e2e): (next build if stale ‖ the demo seeded once) → the journeys' two groups at once
//
// The phases are independent, so they run side by side instead of one after another: on two cores the
// sequential suite left the CPU ~60 % idle (the journeys mostly wait on the browser and the server).
// The journeys run as two Playwright processes, each with its own production server and its own
// throw-away database (playwright.config.ts, E2E_GROUP): the groups share no data, and inside each
// group the journeys still run one at a time, in order, as they were written.
// Each line of output is prefixed with its phase; the run fails if any phase fails, and ends with each
// phase's wall time. lint, typecheck and Vitest run at a lower CPU priority (nice): the build and the
// journeys are the longest path and their browser waits are the ones with timeouts.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

const root = process.cwd();
const mode = process.argv[2] ?? "all";
if (!["all", "e2e"].includes(mode)) {
  console.error("usage: node scripts/test.mjs [all | e2e]");
  process.exit(2);
}
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PATH: [path.join(root, "node_modules", ".bin"), process.env.PATH].join(path.delimiter) };

// The two journey groups: ports and data folders from E2E_PORT / E2E_PG_PORT / E2E_PG_DIR (the first
// group's; the second takes the next port and a sibling folder, the seed the port after), so two suites
// can still run side by side.
const webPort = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54331);
const pgDir = process.env.E2E_PG_DIR ?? ".data/pg-e2e";
// The demo is seeded once, into a cluster of its own, while the app builds; each group starts from a copy.
const seedDir = `${pgDir}-seed`;
const groups = [
  { name: "e2e:cell", group: "cell", E2E_PORT: webPort, E2E_PG_PORT: pgPort, E2E_PG_DIR: pgDir },
  { name: "e2e:rest", group: "rest", E2E_PORT: webPort + 1, E2E_PG_PORT: pgPort + 1, E2E_PG_DIR: `${pgDir}-rest` },
];

const children = new Set();
const results = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const width = 9;

/** Runs one phase, its output prefixed line by line; resolves to its exit code. */
function run(name, command, args, { extraEnv = {}, nice = 0 } = {}) {
  const t0 = Date.now();
  const prefix = `[${name}]`.padEnd(width + 2);
  console.log(`${prefix} ${command} ${args.join(" ")}`);
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  if (nice) {
    try {
      os.setPriority(child.pid, nice);
    } catch {
      // not allowed here: same priority then
    }
  }
  children.add(child);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => console.log(`${prefix} ${line}`));
  }
  return new Promise((resolve) => {
    child.on("error", (e) => console.log(`${prefix} ${e.message}`));
    child.on("close", (code, signal) => {
      children.delete(child);
      const status = code ?? (signal ? 1 : 0);
      results.push({ name, status, ms: Date.now() - t0, end: Date.now() - started });
      console.log(`${prefix} ${status === 0 ? "passed" : `FAILED (exit ${status})`} in ${seconds(Date.now() - t0)}`);
      resolve(status);
    });
  });
}

// Ctrl-C reaches every child through the terminal; a SIGTERM to this script is passed on as SIGINT,
// on which Playwright stops its server (and the server its database) cleanly: on SIGTERM it leaves them.
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    for (const child of children) child.kill("SIGINT");
  });
}

const node = process.execPath;
const chromium = await run("chromium", node, ["scripts/check-chromium.mjs"]);
const build = run("build", node, ["scripts/ensure-build.mjs"]);
const seed = run("e2e:seed", node, ["scripts/with-db.mjs", "--test", "--seed", "--", node, "-e", ""], {
  extraEnv: { EMBEDDED_PG_PORT: String(pgPort + 2), EMBEDDED_PG_DIR: seedDir },
});
const journeys = Promise.all([build, seed]).then(async (ready) => {
  if (chromium !== 0 || ready.some((code) => code !== 0)) return 1;
  return Math.max(
    ...(await Promise.all(
      groups.map(({ name, group, ...ports }) =>
        run(name, bin("playwright"), ["test"], {
          extraEnv: { E2E_GROUP: group, EMBEDDED_PG_FROM: seedDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) },
        }),
      ),
    )),
  );
});

const phases = [journeys];
if (mode === "all") {
  phases.push(
    run("lint", "npm", ["run", "--silent", "lint"], { nice: 5 }),
    run("vitest", node, ["scripts/with-db.mjs", "--test", "--", "vitest", "run"], { nice: 5 }),
    // After the build, not beside it: tsconfig includes the route types that `next build` rewrites
    // under .next/types, and checks them too once they are there.
    build.then(() => run("typecheck", bin("tsc"), ["--noEmit"], { nice: 5 })),
  );
}
await Promise.all(phases);

console.log(`\n${"phase".padEnd(width)}  result   wall      ended at`);
for (const r of results) {
  console.log(`${r.name.padEnd(width)}  ${(r.status === 0 ? "ok" : "FAILED").padEnd(7)}  ${seconds(r.ms).padStart(8)}  ${seconds(r.end).padStart(8)}`);
}
const failed = results.filter((r) => r.status !== 0);
console.log(`total ${seconds(Date.now() - started)}: ${failed.length ? `FAILED: ${failed.map((r) => r.name).join(", ")}` : "all passed"}`);
process.exit(failed.length ? 1 : 0);
