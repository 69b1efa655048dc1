import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const PASSWORD = "Demo@2024";

/**
 * Every page is watched: a console error that a test did not expect fails it.
 * A test that visits a page it expects to answer 404 says so with `allowNotFound`.
 */
export const test = base.extend<{ consoleErrors: string[]; allowNotFound: boolean; allowOffline: boolean }>({
  allowNotFound: [false, { option: true }],
  /** A journey that cuts the connection expects the browser to report the requests that failed. */
  allowOffline: [false, { option: true }],
  consoleErrors: [
    async ({ page, allowNotFound, allowOffline }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        if (allowNotFound && msg.text().includes("status of 404")) return;
        if (allowOffline && msg.text().includes("ERR_INTERNET_DISCONNECTED")) return;
        errors.push(msg.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Runs axe on the page as it stands and fails on any serious or critical violation, naming the rule and
 * the elements. Journeys call it on every page they visit.
 */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const grave = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(grave, `accessibility of ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // The first sign-in of a run waits for argon2 and a cold server: more than an ordinary step.
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible({ timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
}
