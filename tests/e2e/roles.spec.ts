import { expect, signIn, signOut, test } from "./fixtures";

test("the upper standing committee walks the district tree and searches without diacritics", async ({ page }) => {
  await signIn(page, "thuongvu");
  await expect(page.getByTestId("home-card-UPPER_STANDING")).toBeVisible();
  await expect(page.getByText(/Kiểm điểm năm \d{4}/).first()).toBeVisible();

  await page.getByRole("link", { name: "Tổ chức đảng", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tổ chức đảng" })).toBeVisible();
  // 54 grassroots organizations under the district committee, each a link with its counts.
  const grassroots = page.locator("ul > li > div a[href^='/units/']");
  await expect(grassroots.first()).toBeVisible();
  // A commune's cells are read when it is opened: its button says what it opens, and whether it is open.
  const toggle = page.getByRole("button", { name: /^Đơn vị trực thuộc của Đảng bộ xã/ }).first();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const cells = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
  await expect(cells.getByRole("link", { name: /^Chi bộ/ }).first()).toBeVisible();
  await toggle.click();
  await expect(cells).toBeHidden();

  await toggle.locator("xpath=..").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Đơn vị trực thuộc" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Tìm đảng viên theo tên" }).fill("nguyen");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/q=nguyen/);
  const names = page.locator("table tbody tr td:first-child a");
  await expect(names.first()).toBeVisible();
  for (const name of await names.allTextContents()) expect(name).toMatch(/Nguyễn/);
});

test("the grassroots committee sees its cells and opens a member", async ({ page }) => {
  await signIn(page, "danguy");
  await expect(page.getByTestId("home-card-GRASSROOTS_COMMITTEE")).toBeVisible();
  await page.getByRole("link", { name: "Xem đơn vị" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Đảng bộ xã An Bình" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Đơn vị trực thuộc" })).toBeVisible();
  await page.locator("table tbody tr td:first-child a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Thông tin đảng viên" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Cập nhật thông tin" })).toBeVisible();
});

test.describe("scope by URL", () => {
  test.use({ allowNotFound: true });

  test("a cell secretary cannot open another cell's page or its members by URL", async ({ page }) => {
    // Find the other cell and one of its members as their own secretary.
    await signIn(page, "bithu2");
    await page.getByRole("link", { name: "Xem đơn vị" }).first().click();
    await page.waitForURL(/\/units\//);
    await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Tây" })).toBeVisible();
    const otherCellUrl = page.url();
    await page.locator("table tbody tr td:first-child a").first().click();
    await page.waitForURL(/\/members\//);
    const otherMemberUrl = page.url();
    await signOut(page);

    await signIn(page, "bithu");
    await page.getByRole("link", { name: "Xem đơn vị" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Đông" })).toBeVisible();

    for (const url of [otherCellUrl, otherMemberUrl]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
    }
  });

  test("a member sees their own record and their cell, but no roster and no cell-mate's record", async ({ page }) => {
    // A cell-mate's page, found as the cell's secretary.
    await signIn(page, "bithu");
    await page.getByRole("link", { name: "Xem đơn vị" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Đông" })).toBeVisible();
    const cellUrl = page.url();
    const cellMateUrl = await page.locator("table tbody tr td:first-child a").filter({ hasNotText: "Hoàng Minh Tuấn" }).first().getAttribute("href");
    await signOut(page);

    await signIn(page, "dangvien");
    await expect(page.getByTestId("home-card-MEMBER")).toBeVisible();
    await page.getByRole("link", { name: "Hồ sơ của tôi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hoàng Minh Tuấn" })).toBeVisible();
    // The member may state their residence place and e-mail address, and nothing else of their record.
    await expect(page.getByRole("heading", { level: 2, name: "Cập nhật nơi cư trú, thư điện tử" })).toBeVisible();
    await expect(page.getByLabel("Chức vụ")).toHaveCount(0);

    await page.goto(cellUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Đông" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Đảng viên" })).toHaveCount(0);
    await expect(page.locator("a[href^='/members/']")).toHaveCount(0);

    const response = await page.goto(cellMateUrl!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  });
});

test("a cell secretary updates a member's facts, and they survive a reload", async ({ page }) => {
  await signIn(page, "bithu");
  await expect(page.getByTestId("home-card-CELL_SECRETARY")).toBeVisible();
  await page.getByRole("link", { name: "Xem đơn vị" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Đông" })).toBeVisible();
  await page.locator("table tbody tr td:first-child a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Cập nhật thông tin" })).toBeVisible();

  const residence = page.getByLabel("Nơi cư trú (chi bộ nơi cư trú)");
  await residence.fill("Chi bộ khu phố 3, thị trấn An Hòa");
  // The address reminders are mailed to: refused beside its field until it is one.
  const email = page.getByLabel("Thư điện tử");
  await email.fill("khong-phai-dia-chi");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Địa chỉ thư điện tử không hợp lệ.")).toBeVisible();
  await email.fill("dangvien.thondong@example.test");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu thông tin đảng viên.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Nơi cư trú (chi bộ nơi cư trú)")).toHaveValue("Chi bộ khu phố 3, thị trấn An Hòa");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue("dangvien.thondong@example.test");
  await expect(page.getByText("Chi bộ khu phố 3, thị trấn An Hòa").first()).toBeVisible();
});
