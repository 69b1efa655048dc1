import { expect, expectAccessible, signIn, test } from "./fixtures";

// Findings of the hardening review, in Chromium against `next start`: what no route should see is
// answered 400/403/413 (never 500), every response carries the security headers and the pages pass
// their Content-Security-Policy (the fixture fails on any console error, CSP violations included),
// published cycles show no deadline form, and an officer's own record offers no rating facts to edit.

test("undecodable URLs, NUL bytes, cross-origin and oversized actions are refused, never a 500", async ({ page, request, baseURL }) => {
  // Queries too: Next re-encodes an undecodable query before proxy.ts runs, so the server passes the one sent.
  for (const path of [
    "/members/%C0%AF",
    "/units/%00",
    "/%E0%A4%A",
    "/sign-in?next=%00",
    "/sign-in?q=%",
    "/sign-in?q=%zz",
    "/sign-in?%ZZ",
    "/sign-in?q=%E0%A4%A",
    "/sign-in?q=%C0%AF",
  ]) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
  await signIn(page, "bithu");
  // The signed-in search with a NUL: refused before the route, as the parameter could reach PostgreSQL.
  expect((await page.request.get("/units/x?q=%00")).status()).toBe(400);

  const action = { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" };
  const foreign = await page.request.post("/", { headers: { ...action, Origin: "https://evil.example" }, data: "[]" });
  expect(foreign.status()).toBe(403);
  const huge = await page.request.post("/", { headers: { ...action, Origin: baseURL! }, data: "x".repeat(1024 * 1024 + 1) });
  expect(huge.status()).toBe(413);
});

test("requests that change state need the app's own Origin, route handlers as much as actions", async ({ page, baseURL }) => {
  await signIn(page, "quantri");
  const empty = { file: { name: "trong.csv", mimeType: "text/csv", buffer: Buffer.from("") }, mode: "check" };
  // The import's run and Auth.js's routes are route handlers: a foreign Origin, an opaque one or none is refused.
  for (const origin of ["https://evil.example", "null", undefined]) {
    const headers = origin ? { Origin: origin } : undefined;
    expect((await page.request.post("/reports/import/run", { headers, multipart: empty })).status(), `import run, Origin ${origin}`).toBe(403);
    expect((await page.request.post("/api/auth/signout", { headers, form: { csrfToken: "x" } })).status(), `sign-out, Origin ${origin}`).toBe(403);
    for (const method of ["put", "patch", "delete"] as const) {
      expect((await page.request[method]("/reports/import/run", { headers })).status(), `${method}, Origin ${origin}`).toBe(403);
    }
  }
  // A server action without an Origin is no request of a browser either.
  expect((await page.request.post("/", { headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" })).status()).toBe(
    403,
  );
  // From the app's own page the route answers as usual (an empty file: 400 with its reason); reading needs no Origin.
  expect((await page.request.post("/reports/import/run", { headers: { Origin: baseURL! }, multipart: empty })).status()).toBe(400);
  const template = await page.request.get("/reports/import/template");
  expect(template.status()).toBe(200);
  // A real upload still reaches the route whole after proxy.ts has read the multipart body (checked, never written).
  const file = { name: "mau.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await template.body() };
  const checked = await page.request.post("/reports/import/run", { headers: { Origin: baseURL! }, multipart: { file, mode: "check" } });
  expect(checked.status()).toBe(200);
  expect(await checked.text()).not.toContain("Lỗi hệ thống");
  // Still signed in: the foreign sign-out did nothing.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible();
});

test("malformed server-action bodies are answered 400, never 500", async ({ request, baseURL }) => {
  const origin = { Origin: baseURL! };
  // A real action's id: the sign-in form's, which the page carries for use without JavaScript. (With an
  // id that names no action Next answers 409 before reading the body.)
  const html = await (await request.get("/sign-in")).text();
  const id = /"id":"([0-9a-f]{42})"|\$ACTION_ID_([0-9a-f]{42})/.exec(html.replaceAll("&quot;", '"'))?.slice(1).find(Boolean) ?? "";
  expect(id, "the sign-in form's action id").toMatch(/^[0-9a-f]{42}$/);
  const text = { ...origin, "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" };
  for (const body of ["{{{garbage", '["vi', '["$Q99"]']) {
    expect((await request.post("/sign-in", { headers: text, data: body })).status(), body).toBe(400);
  }
  const multipart = { ...origin, "Content-Type": "multipart/form-data; boundary=XyZ" };
  const truncated = '--XyZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n["vi"';
  expect((await request.post("/sign-in", { headers: { ...multipart, "Next-Action": id }, data: truncated })).status()).toBe(400);
  expect((await request.post("/sign-in", { headers: { ...origin, "Next-Action": id, "Content-Type": "multipart/form-data" }, data: "garbage" })).status()).toBe(
    400,
  );
  // Without JavaScript a form's action is a multipart POST without the header: a truncated one too.
  expect((await request.post("/sign-in", { headers: multipart, data: '--XyZ\r\nContent-Disposition: form-data; name="$ACTION_ID_' })).status()).toBe(400);
  expect((await request.post("/sign-in", { headers: { ...text, "Next-Action": "<script>" }, data: "[]" })).status()).toBe(400);
  // An id that names no action: Next itself answers it, with a 4xx.
  const unknown = await request.post("/sign-in", { headers: { ...text, "Next-Action": "40".repeat(21) }, data: '["vi"]' });
  expect(unknown.status()).toBeGreaterThanOrEqual(400);
  expect(unknown.status()).toBeLessThan(500);
});

test("sign-in does not echo a 100,000-character username", async ({ page }) => {
  await page.goto("/sign-in");
  const long = "a".repeat(100_000);
  await page.getByLabel("Tên đăng nhập").evaluate((input, value) => {
    (input as HTMLInputElement).removeAttribute("maxlength");
    (input as HTMLInputElement).value = value;
  }, long);
  await page.getByLabel("Mật khẩu").fill("whatever");
  // The answer is read as it passes through (a response the page navigates away from has no body to
  // read afterwards in Chromium's protocol).
  let answered = -1;
  await page.route("**/sign-in**", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    const body = await response.body();
    answered = body.length;
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect.poll(() => answered).toBeGreaterThan(0);
  expect(answered).toBeLessThan(20_000);
  await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("");
  await expect(page.locator("body")).not.toContainText("a".repeat(200));
});

test("every response carries the security headers; a page cannot be framed", async ({ page, request, context }) => {
  const signInPage = await request.get("/sign-in");
  const headers = signInPage.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Over plain HTTP no HSTS (browsers ignore it there); behind a TLS proxy it is sent.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect((await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } })).headers()["strict-transport-security"]).toMatch(/max-age=/);
  // Static files and the auth routes too.
  for (const path of ["/icon.svg", "/api/auth/session", "/no-such-page"]) {
    expect((await request.get(path)).headers()["x-content-type-options"], path).toBe("nosniff");
  }

  // The sign-in page renders and hydrates under its CSP (a violation would be a console error).
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập").fill("quantri");
  await expectAccessible(page);

  // Another page that frames the app gets nothing: Chromium refuses the frame.
  const attacker = await context.newPage();
  const refused: string[] = [];
  attacker.on("console", (msg) => refused.push(msg.text()));
  await attacker.setContent(`<iframe id="f" src="${page.url()}"></iframe>`);
  await expect.poll(() => refused.some((text) => text.includes("frame-ancestors"))).toBe(true);
  await attacker.close();
});

test("a published cycle's deadlines are shown, not offered for editing", async ({ page }) => {
  await signIn(page, "bantochuc");
  await page.goto("/cycles");
  const row = page.getByRole("row").filter({ hasText: "Đã công khai" }).first();
  const href = (await row.getByRole("link").first().getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByRole("link", { name: "Sửa thời hạn" })).toHaveCount(0);
  await page.goto(`${href}/deadlines`);
  await expect(page.getByTestId("deadlines-frozen")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu" })).toHaveCount(0);
  await expect(page.getByLabel("Hạn nộp bản kiểm điểm")).toHaveCount(0);
  await expectAccessible(page);
});

test("a secretary's own record offers their post and residence, not their category or civil-service status", async ({ page }) => {
  await signIn(page, "bithu");
  await page.getByTestId("home-card-CELL_SECRETARY").locator("xpath=ancestor::section").getByRole("link", { name: "Xem đơn vị" }).click();
  await page.getByRole("link", { name: "Đặng Văn Lực" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Đặng Văn Lực" })).toBeVisible();
  await expect(page.getByTestId("own-rating-facts")).toBeVisible();
  await expect(page.getByLabel("Đối tượng")).toHaveCount(0);
  await expect(page.getByLabel("Cán bộ, công chức, viên chức")).toHaveCount(0);
  await expectAccessible(page);
});
