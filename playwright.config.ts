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

export default defineConfig({
  testDir: "tests/e2e",
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
    { name: "chromium", use: browser, testIgnore: /(meeting|decisions)\.spec\.ts$/ },
    // The cell's meeting closes its self-review phase (members absent from it become "absent"): it runs
    // after every journey that needs the cell's self-reviews still open, on the same database.
    { name: "meeting", use: browser, testMatch: /meeting\.spec\.ts$/, dependencies: ["chromium"] },
    // The committee decides once the cells have met, the member's record among them.
    { name: "decide", use: browser, testMatch: /decisions\.spec\.ts$/, dependencies: ["meeting"] },
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
