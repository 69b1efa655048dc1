import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// `npx playwright install` cannot download browsers here: use the system Chromium
// (Debian: apt-get install chromium; scripts/check-chromium.mjs says so when it is missing).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

// `npm test` and `npm run test:e2e` (scripts/test.mjs) run the journeys as two groups at once, each its own
// Playwright process with its own server and throw-away database (E2E_GROUP, and E2E_PORT / E2E_PG_PORT /
// E2E_PG_DIR set per group). "cell" holds the journeys of the member `dangvien` and the cell's records
// that lead up to the cell's meeting and the committee's decisions, which build on what they submitted;
// "rest" holds the others, which need only the demo as seeded. The two took ~340 s and ~275 s on one
// worker. Inside a group the journeys run one at a time, in order, as before. Without E2E_GROUP
// (`npx playwright test`), every journey runs in order on one server.
const CELL_GROUP = /(not-rated|opinions|rating-facts|reminders|self-review|task-confirm|task-yearend|tasks|meeting|decisions)\.spec\.ts$/;
const group = process.env.E2E_GROUP;
if (group && group !== "cell" && group !== "rest") throw new Error(`E2E_GROUP is "cell" or "rest", not "${group}"`);
const later = /(meeting|decisions)\.spec\.ts$/;
const firstProject = group === "cell" ? { testMatch: CELL_GROUP, testIgnore: later } : group === "rest" ? { testIgnore: CELL_GROUP } : { testIgnore: later };

export default defineConfig({
  testDir: "tests/e2e",
  // Each group its own folder: Playwright empties it when it starts.
  outputDir: group ? `test-results/${group}` : "test-results",
  // Generous: axe on a long page takes seconds on a busy 2-core machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  },
  projects: [
    { name: "chromium", use: browser, ...firstProject },
    ...(group === "rest"
      ? []
      : [
          // The cell's meeting closes its self-review phase (members absent from it become "absent"): it runs
          // after every journey that needs the cell's self-reviews still open, on the same database.
          { name: "meeting", use: browser, testMatch: /meeting\.spec\.ts$/, dependencies: ["chromium"] },
          // The committee decides once the cells have met, the member's record among them.
          { name: "decide", use: browser, testMatch: /decisions\.spec\.ts$/, dependencies: ["meeting"] },
        ]),
  ],
  webServer: {
    // A fresh throw-away embedded PostgreSQL (.data/pg-e2e, port 54331, set below) with the demo district,
    // and the production server, exactly as `npm start` runs it. The journeys play a reverse proxy on
    // 127.0.0.1 (TRUSTED_PROXIES), so they can come "from" several addresses through X-Forwarded-For; a
    // connection from any other loopback address (127.0.0.2) is a client reaching the server directly.
    command: `node scripts/with-db.mjs --test --seed -- node scripts/serve.mjs -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/auth/providers`,
    timeout: 180_000,
    reuseExistingServer: false,
    // The default is SIGKILL of the whole process group, which kills PostgreSQL uncleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    // E2E_PG_PORT / E2E_PG_DIR let two suites run side by side on one machine.
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      TRUSTED_PROXIES: "127.0.0.1",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54331",
      EMBEDDED_PG_DIR: process.env.E2E_PG_DIR ?? ".data/pg-e2e",
    },
  },
});
