import { expect, expectAccessible, signIn, test } from "./fixtures";

// The review under way, on the 100-point scale: the secretary enters a cell-mate's points and facts and
// sees what the rules allow as they type, the task numbers counted from the register (typed counts and
// their refusals, for a cycle without the register: tests/integration/record-facts.test.ts); the member
// reads last year's published level on their own page.

test("the cell secretary scores a member and sees the verdict of the rules change as they type", async ({ page }) => {
  await signIn(page, "bithu");
  const card = page.getByTestId("home-card-CELL_SECRETARY").locator("xpath=ancestor::section");
  await expect(card.getByText("Quy định áp dụng: Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (từ năm 2025)")).toBeVisible();
  await expect(card.getByText(/^Hạn: \d{2}\/12\/\d{4}$/)).toBeVisible();
  await expectAccessible(page);

  await card.getByRole("link", { name: "Xem đơn vị" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Đông" })).toBeVisible();
  await page.locator("table tbody tr td:first-child a").filter({ hasNotText: "Đặng Văn Lực" }).first().click();
  await page.getByRole("link", { name: /^Điểm và dữ kiện xếp loại năm \d{4}$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Điểm và dữ kiện xếp loại năm \d{4}$/ })).toBeVisible();
  await expectAccessible(page);

  // Full marks on every item of the sheet.
  for (const group of ["I. Nhóm tiêu chí chung", "II. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ"]) {
    const inputs = page.getByRole("group", { name: group }).getByRole("spinbutton");
    for (let i = 0; i < (await inputs.count()); i++) {
      const input = inputs.nth(i);
      await input.fill((await input.getAttribute("max"))!);
    }
  }
  const verdict = page.getByRole("region", { name: "Theo quy định xếp loại" });
  await expect(verdict.getByText("Tổng điểm: 100/100")).toBeVisible();

  // The review under way counts the tasks from the register: the four numbers are not typed here but read
  // from the confirmed results, each a link to the tasks behind it; saving the points keeps them.
  const counted = page.getByTestId("register-task-facts");
  await expect(counted).toContainText("Tính từ sổ theo dõi nhiệm vụ");
  await expect(page.getByRole("spinbutton", { name: "Số nhiệm vụ được giao" })).toHaveCount(0);
  const assigned = (await counted.getByTestId("register-assigned").innerText()).trim();
  expect(Number(assigned)).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu điểm và dữ kiện xếp loại.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Theo quy định xếp loại" }).getByText("Tổng điểm: 100/100")).toBeVisible();
  await expect(page.getByTestId("register-task-facts").getByTestId("register-assigned")).toHaveText(assigned);
  await expectAccessible(page);

  // The number opens the register on the tasks behind it.
  await page.getByTestId("register-task-facts").getByTestId("register-assigned").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Sổ theo dõi nhiệm vụ/ })).toBeVisible();
  await expect(page.getByTestId("task-row")).toHaveCount(Number(assigned));
});

test("a member sees last year's published level on their own page, and their own facts read-only", async ({ page }) => {
  await signIn(page, "dangvien");
  await page.getByRole("link", { name: "Hồ sơ của tôi" }).click();
  const history = page.getByRole("table", { name: "Kết quả kiểm điểm các năm" });
  const year = Number((await page.getByRole("link", { name: /^Điểm và dữ kiện xếp loại năm \d{4}$/ }).textContent())!.slice(-4));
  await expect(history.getByRole("row").filter({ hasText: String(year - 1) })).toContainText(/Hoàn thành|Không hoàn thành/);
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Điểm và dữ kiện xếp loại năm \d{4}$/ }).click();
  await expect(page.getByText("Đây là hồ sơ của chính bạn")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu" })).toHaveCount(0);
  await expectAccessible(page);
});
