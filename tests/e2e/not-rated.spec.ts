import { expect, expectAccessible, signIn, test } from "./fixtures";

// "Không xếp loại" at the cell: the secretary opens a member's record from the cell's list, sets it aside
// from the rating with its reason after a confirmation, sees the reason on the record and in its history,
// and takes it back into the review with why. The record ends as it began (still writing).

test("the secretary sets a member's record aside from the rating, then takes it back", async ({ page }) => {
  test.slow();
  await signIn(page, "bithu");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  const row = page.getByRole("row").filter({ hasText: "Chưa nộp bản kiểm điểm" }).last();
  const name = (await row.getByRole("link").first().textContent())!.trim();
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();

  const card = page.getByRole("region", { name: "Không xếp loại", exact: true });
  await card.getByLabel("Mới kết nạp chưa đủ 6 tháng").check();
  await card.getByLabel("Căn cứ, ghi chú").fill("Kết nạp ngày 20/08, chưa đủ 6 tháng đến ngày xếp loại.");
  await expectAccessible(page);
  await card.getByRole("button", { name: "Không xếp loại" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Mới kết nạp chưa đủ 6 tháng");
  await dialog.getByRole("button", { name: "Không xếp loại" }).click();

  await expect(page.getByTestId("not-rated-reason")).toHaveText("Không xếp loại — Mới kết nạp chưa đủ 6 tháng.");
  const history = page.getByRole("region", { name: "Lịch sử hồ sơ", exact: true });
  await expect(history).toContainText("Lý do không xếp loại: Mới kết nạp chưa đủ 6 tháng");
  await expect(history).toContainText("Kết nạp ngày 20/08");
  await expectAccessible(page);

  // Taken back: a reason is required first.
  const back = page.getByRole("region", { name: "Đưa trở lại kiểm điểm, xếp loại", exact: true });
  await back.getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await expect(back.getByText("Không được để trống.")).toBeVisible();
  await back.getByLabel("Lý do đưa trở lại").fill("Ngày kết nạp ghi nhầm.");
  await back.getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await expect(page.getByTestId("not-rated-reason")).toHaveCount(0);
  await expect(history).toContainText("Đưa trở lại kiểm điểm, xếp loại");
  await expect(page.getByRole("region", { name: "Không xếp loại", exact: true })).toBeVisible();
});
