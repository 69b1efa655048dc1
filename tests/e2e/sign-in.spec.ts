import { expect, signIn, signOut, test } from "./fixtures";

test("a wrong password gets a clear Vietnamese message and keeps the username", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Tên đăng nhập").fill("bithu");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Tên đăng nhập hoặc mật khẩu không đúng")).toBeVisible();
  await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("bithu");
});

test("empty fields are refused on the server with a message per field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Không được để trống.")).toHaveCount(2);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "dangvien");
  await signOut(page);
  await page.goto("/units");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the interface switches to English and back", async ({ page }) => {
  await signIn(page, "thuongvu");
  await page.getByRole("combobox", { name: "Ngôn ngữ" }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: /Hello/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Party organizations", exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("vi");
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible();
});

test("repeated failures for one username are throttled with their own message", async ({ page }) => {
  await page.goto("/sign-in");
  const submit = page.getByRole("button", { name: "Đăng nhập" });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Tên đăng nhập").fill("khongcoai");
    await page.getByLabel("Mật khẩu").fill(`sai-${attempt}`);
    await submit.click();
    // The answer has arrived when the form is reset (the password field is emptied).
    await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
    await expect(submit).toBeEnabled();
    await expect(page.getByText("Tên đăng nhập hoặc mật khẩu không đúng")).toBeVisible();
  }
  await page.getByLabel("Mật khẩu").fill("sai-6");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // The sixth waits: the delay grows with each further failure (30 s, 1 min, 2 min … 15 min).
  await expect(page.getByText(/^Đăng nhập sai nhiều lần\. Xin đợi (2\d|30) giây rồi thử lại\.$/)).toBeVisible();
});

test("a phone can add the app to its home screen, and search engines are kept out", async ({ page, request }) => {
  await page.goto("/sign-in");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ lang: "vi", display: "standalone", theme_color: "#991b1b", start_url: "/" });
  expect(manifest.name).toContain("đảng viên");
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toContain(icon.type);
  }
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
});
