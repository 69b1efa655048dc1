import { expect, expectAccessible, signIn, test } from "./fixtures";

// The grassroots organizations' ratings at the upper level: `bantochuc` verifies a self-rating and
// proposes a level with a comment; `thuongvu` decides the verified ones under the 20 % rule of their
// group and sends one back with a reason. The demo leaves some self-rated, some verified.

test("the board verifies; the standing committee decides and sends one back with a reason", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "bantochuc");
  await page.getByRole("link", { name: "Xếp loại tổ chức đảng" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Xếp loại tổ chức đảng năm \d{4}$/ })).toBeVisible();
  await expectAccessible(page);

  // The first organization awaiting verification comes first.
  const waiting = page.getByTestId("unit-row").filter({ hasText: "Chờ thẩm định" }).first();
  const name = (await waiting.getByRole("heading", { level: 3 }).textContent())!;
  await waiting.getByLabel("Nhận xét thẩm định").fill("Hồ sơ tự đánh giá đầy đủ; thống nhất mức đề xuất.");
  await waiting.getByRole("button", { name: "Ghi kết quả thẩm định" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã ghi kết quả thẩm định." })).toBeVisible();
  const verified = page.getByTestId("unit-row").filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
  await expect(verified).toContainText("Đã thẩm định, chờ quyết định");
  await expect(verified).toContainText("Hồ sơ tự đánh giá đầy đủ");
  // The board decides nothing.
  await expect(page.getByRole("combobox", { name: /^Mức quyết định cho/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await signIn(page, "thuongvu");
  await page.getByRole("link", { name: "Xếp loại tổ chức đảng" }).click();
  await expectAccessible(page);
  const decidable = page.getByTestId("unit-row").filter({ has: page.getByRole("combobox", { name: /^Mức quyết định cho/ }) });
  const count = await decidable.count();
  expect(count).toBeGreaterThan(1);

  // One is sent back with a reason; the others are decided at the board's proposal (or lower, with a reason).
  const sentBack = decidable.first();
  const sentBackName = (await sentBack.getByRole("heading", { level: 3 }).textContent())!;
  await sentBack.getByRole("button", { name: "Trả lại" }).click();
  await sentBack.getByLabel(`Lý do trả lại (${sentBackName})`).fill("Chưa đánh giá đủ kết quả thực hiện chỉ tiêu thu ngân sách.");
  await sentBack.getByRole("button", { name: "Trả lại" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã trả lại." })).toBeVisible();
  const returned = page.getByTestId("unit-row").filter({ has: page.getByRole("heading", { level: 3, name: sentBackName, exact: true }) });
  await expect(returned).toContainText("Đánh giá lại");

  for (const row of await decidable.all()) {
    const select = row.getByRole("combobox", { name: /^Mức quyết định cho/ });
    if ((await select.inputValue()) === "EXCELLENT") {
      await select.selectOption("GOOD");
      await row.getByRole("textbox").last().fill("Bảo đảm tỷ lệ theo quy định.");
    }
  }
  await page.getByRole("button", { name: /^Lưu \d+ quyết định$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /Đã lưu/ })).toContainText(/Đã lưu \d+ quyết định/);
  await expect(page.getByTestId("unit-row").filter({ hasText: "Đã quyết định" }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Công khai kết quả" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Công khai kết quả" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã công khai kết quả." })).toBeVisible();
});
