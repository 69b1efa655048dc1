import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { expect, expectAccessible, PASSWORD, signIn, signOut, test } from "./fixtures";

// Sessions the server can end, and a sign-in throttle that holds under concurrency, in Chromium and
// over HTTP against `next start`.

/** One sign-in attempt through Auth.js's credentials endpoint, as a script would send it. */
async function attempt(request: APIRequestContext, username: string, password: string, address: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    headers: { "X-Forwarded-For": address },
    maxRedirects: 0,
  });
  return response.headers()["location"] ?? "";
}

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
  const saved = await context.storageState();
  await signOut(page);
  const replay = await browser.newContext({ baseURL, storageState: saved });
  await expectSignedOut(replay);
  // Nor does asking Auth.js for the session refresh it.
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
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
  const change = async (from: string, to: string) => {
    await page.getByLabel("Mật khẩu hiện tại").fill(from);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(to);
    await page.getByLabel("Nhập lại mật khẩu mới").fill(to);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(page.getByText("Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.")).toBeVisible();
  };
  await change(PASSWORD, "Mật khẩu tạm 2026");
  await expectSignedOut(other);
  // This session continues; the demo password is put back for the other journeys.
  await page.reload();
  await change("Mật khẩu tạm 2026", PASSWORD);
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
