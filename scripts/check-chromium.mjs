#!/usr/bin/env node
// The browser tests drive the system's Chromium (Playwright cannot download its own here).
// Say in one line how to get it, instead of a stack trace from deep inside Playwright.
import fs from "node:fs";

const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(executable)) {
  console.error(
    `Chromium not found at ${executable}: install it with "apt-get update && apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
