import http from "node:http";
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import pg from "pg";
import { expect, expectAccessible, PASSWORD, signIn, signOut, test } from "./fixtures";

// Sessions the server can end, and a sign-in throttle that holds under concurrency, in Chromium and
// over HTTP against the production server (scripts/serve.mjs). The journeys reach it through a
// trusted proxy (127.0.0.1, TRUSTED_PROXIES in playwright.config.ts), so X-Forwarded-For names the
// address each attempt comes from; a connection from 127.0.0.2 is a client reaching it directly.

/** One sign-in attempt through Auth.js's credentials endpoint, as a script would send it. */
async function attempt(request: APIRequestContext, username: string, password: string, address: string) {
  const csrfResponse = await request.get("/api/auth/csrf");
  const csrf = (await csrfResponse.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    headers: { "X-Forwarded-For": address, Origin: new URL(csrfResponse.url()).origin },
    maxRedirects: 0,
  });
  return response.headers()["location"] ?? "";
}

/** One HTTP exchange from a chosen loopback address (Playwright's requests all come from 127.0.0.1). */
function fromAddress(baseURL: string, localAddress: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method: options.method ?? "GET", headers: options.headers, localAddress }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A sign-in attempt by a client reaching the server directly from `localAddress`, forging X-Forwarded-For. */
async function forgedAttempt(baseURL: string, localAddress: string, username: string, forwardedFor: string) {
  const csrf = await fromAddress(baseURL, localAddress, "/api/auth/csrf");
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ username, password: "không phải mật khẩu", csrfToken, callbackUrl: "/" }).toString();
  const response = await fromAddress(baseURL, localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: new URL(baseURL).origin, "X-Forwarded-For": forwardedFor },
  });
  return String(response.headers.location ?? "");
}

test("a client reaching the server directly cannot choose its address with X-Forwarded-For", async ({ baseURL }) => {
  test.slow(); // 80 attempts, each one an argon2 check or a refusal
  const forged = (i: number) => (i % 2 ? `203.0.113.${i}` : i % 3 ? "garbage" : `2001:db8::${i}`);
  // Spraying: 40 usernames, a new forged address each time. The connection's address (127.0.0.2) is
  // counted: 30 are checked, then the address waits.
  let sprayChecked = 0;
  for (let i = 0; i < 40; i++) if (/code=credentials/.test(await forgedAttempt(baseURL!, "127.0.0.2", `khong-co-${i}`, forged(i)))) sprayChecked++;
  // Guessing one username: the username from this address is counted: 5 are checked.
  let guessChecked = 0;
  for (let i = 0; i < 40; i++) if (/code=credentials/.test(await forgedAttempt(baseURL!, "127.0.0.3", "khong-co-ai", forged(i)))) guessChecked++;
  console.info(
    `[throttle] forged X-Forwarded-For, direct client: ${sprayChecked} of 40 passwords checked spraying usernames, ${guessChecked} of 40 guessing one`,
  );
  expect({ sprayChecked, guessChecked }).toEqual({ sprayChecked: 30, guessChecked: 5 });
});

/** What /api/auth/session tells a page's scripts. */
test("the session object handed to page scripts does not carry the session's id", async ({ page }) => {
  await signIn(page, "bithu");
  const session = (await (await page.request.get("/api/auth/session")).json()) as Record<string, unknown> & { user: Record<string, unknown> };
  expect(session.user.name).toBeTruthy();
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  expect(JSON.stringify(session)).not.toMatch(/sessionId|sid/);
  // The server still knows which session is this one: the account page marks it.
  await page.goto("/account");
  await expect(page.getByTestId("session-row").filter({ hasText: "Thiết bị này" })).toHaveCount(1);
});

test("25 wrong passwords sent at once for one username: 5 are checked, the rest throttled", async ({ playwright, baseURL }) => {
  const requests = await Promise.all(Array.from({ length: 25 }, () => playwright.request.newContext({ baseURL })));
  const started = Date.now();
  const outcomes = await Promise.all(requests.map((r, i) => attempt(r, "bithu2", `sai-${i}`, "198.51.100.25")));
  const elapsed = Date.now() - started;
  const wrong = outcomes.filter((l) => /code=credentials/.test(l)).length;
  const throttled = outcomes.filter((l) => /code=throttled/.test(l)).length;
  console.info(`[throttle] HTTP burst of 25: ${wrong} checked (wrong password), ${throttled} throttled, ${elapsed} ms`);
  expect({ wrong, throttled }).toEqual({ wrong: 5, throttled: 20 });
  // The guesses came from another address: the account's owner still signs in from theirs.
  const owner = await playwright.request.newContext({ baseURL });
  expect(await attempt(owner, "bithu2", PASSWORD, "192.0.2.80")).not.toMatch(/error=/);
  await Promise.all([...requests, owner].map((r) => r.dispose()));
});

/** Gives `username` the demo password again, by copying the seeded hash of an account whose password never changes. */
async function restoreDemoPassword(username: string) {
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54331"}/app` });
  await client.connect();
  try {
    await client.query(`UPDATE "User" SET "passwordHash" = (SELECT "passwordHash" FROM "User" WHERE username = 'bantochuc') WHERE username = $1`, [username]);
  } finally {
    await client.end();
  }
}

async function signedIn(browser: Browser, baseURL: string, username: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await signIn(page, username);
  await page.close();
  return context;
}

async function expectSignedOut(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/units");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.close();
}

test("a cookie saved before signing out opens nothing after it", async ({ page, context, browser, baseURL }) => {
  await signIn(page, "dangvien");
  await page.goto("/");
  const review = await page.getByRole("link", { name: /Viết bản kiểm điểm|Xem bản kiểm điểm/ }).getAttribute("href");
  const saved = await context.storageState();
  await signOut(page);
  const replay = await browser.newContext({ baseURL, storageState: saved });
  await expectSignedOut(replay);
  // Nor does asking Auth.js for the session refresh it.
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  // Nor does the autosave's route (its own session check, not the pages') take a draft with it.
  const draft = await replay.request.post(`${review}/draft`, {
    headers: { Origin: new URL(baseURL!).origin },
    data: { baseVersion: 0, content: { texts: { measures: "Sau khi đăng xuất." }, remediation: [], scores: {}, criteria: {}, selfLevel: null } },
  });
  expect(draft.status()).toBe(401);
  expect(await draft.json()).toEqual({ ok: false, formError: "UNAUTHENTICATED" });
  await replay.close();
});

test("the person sees their sessions and signs out everywhere", async ({ page, browser, baseURL }) => {
  test.slow();
  const phone = await signedIn(browser, baseURL!, "danguy");
  await signIn(page, "danguy");
  await page.getByRole("link", { name: "Tài khoản" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tài khoản" })).toBeVisible();
  await expect(page.getByTestId("session-row").filter({ hasText: "Thiết bị này" })).toHaveCount(1);
  expect(await page.getByTestId("session-row").count()).toBeGreaterThanOrEqual(2);
  await expectAccessible(page);
  // On a phone the page fits the screen: the sessions table scrolls inside its box, not the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expect(page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" })).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
  await expectSignedOut(phone);
  await phone.close();
});

test("a password change ends the other sessions; an administrator ends a person's sessions", async ({ page, browser, baseURL }) => {
  test.slow(); // three people sign in, one of them twice
  const other = await signedIn(browser, baseURL!, "thuongvu");
  await signIn(page, "thuongvu");
  await page.goto("/account");
  const fillChange = async (from: string, to: string) => {
    await page.getByLabel("Mật khẩu hiện tại").fill(from);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(to);
    await page.getByLabel("Nhập lại mật khẩu mới").fill(to);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  };
  // A guessable password, or one containing the username, is refused with the reason beside the field.
  await fillChange(PASSWORD, "12345678");
  await expect(page.getByText("Mật khẩu mới quá dễ đoán")).toBeVisible();
  await fillChange(PASSWORD, "ThuongVu rất chăm chỉ 2026");
  await expect(page.getByText("Mật khẩu mới không được chứa tên đăng nhập.")).toBeVisible();
  await expectAccessible(page);
  await fillChange(PASSWORD, "Mật khẩu tạm 2026");
  await expect(page.getByText("Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.")).toBeVisible();
  await expectSignedOut(other);
  // This session continues (the server still knows which one it is).
  await page.reload();
  await expect(page.getByTestId("session-row").filter({ hasText: "Thiết bị này" })).toHaveCount(1);
  // The demo password is too guessable to be set through the form: it is put back as the seed wrote it,
  // for the other journeys.
  await restoreDemoPassword("thuongvu");
  await other.close();
  await signOut(page);

  // The administrator ends the member's sessions from the member's page.
  const member = await signedIn(browser, baseURL!, "dangvien");
  const memberPage = await member.newPage();
  await memberPage.goto("/");
  await memberPage.getByRole("link", { name: "Hồ sơ của tôi" }).first().click();
  await memberPage.waitForURL(/\/members\/[^/]+$/);
  const memberUrl = memberPage.url();
  await memberPage.close();
  await signIn(page, "quantri");
  await page.goto(memberUrl);
  await page.getByRole("button", { name: "Kết thúc mọi phiên đăng nhập" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Kết thúc mọi phiên đăng nhập" }).click();
  await expect(page.getByText(/Đã kết thúc \d+ phiên đăng nhập/)).toBeVisible();
  await expectAccessible(page);
  await expectSignedOut(member);
  await member.close();
});
