import { expect, expectAccessible, signIn, test } from "./fixtures";

// The review cycles of the upper committee: this year's under Quy định 366 with its frozen score
// sheets, and next year's opened, its sheet edited, then frozen when self-reviews begin.

test("the upper board sees this year's review under Quy định 366 and its frozen score sheets", async ({ page }) => {
  await signIn(page, "bantochuc");
  await page.getByRole("link", { name: "Đợt kiểm điểm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đợt kiểm điểm" })).toBeVisible();
  await expectAccessible(page);
  const current = page.getByRole("row").filter({ hasText: "QĐ 366 · HD 43" }).filter({ hasText: "Đang kiểm điểm" });
  await expect(current).toHaveCount(1);
  await current.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Kiểm điểm năm \d{4}$/ })).toBeVisible();
  await expect(page.getByText("Đã khóa: đảng viên đã bắt đầu tự kiểm điểm.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("listitem").filter({ hasText: "Mẫu 2A" }).getByRole("link", { name: "Xem phiếu" }).click();
  await expect(page.getByText("Phiếu đã khóa vì đảng viên đã bắt đầu tự kiểm điểm.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the upper board opens next year's review, edits a score sheet until self-reviews begin, then it is frozen", async ({ page }) => {
  await signIn(page, "bantochuc");
  await page.goto("/cycles");
  const year = Number(await page.getByLabel("Năm kiểm điểm").inputValue());
  await expect(page.getByText("Quy định áp dụng: Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (từ năm 2025)")).toBeVisible();
  await page.getByRole("button", { name: `Mở đợt kiểm điểm năm ${year}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Mở đợt kiểm điểm năm ${year} theo Quy định 366-QĐ/TW`);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Kiểm điểm năm ${year}` })).toBeVisible();
  await expect(page.getByText("Có thể sửa đến khi bắt đầu kiểm điểm.")).toBeVisible();

  await page.getByRole("listitem").filter({ hasText: "Mẫu 2B" }).getByRole("link", { name: "Sửa phiếu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Phiếu chấm điểm năm ${year}` })).toBeVisible();
  await expectAccessible(page);
  const general = page.getByRole("group", { name: "I. Nhóm tiêu chí chung" });
  await expect(general.getByText("Tổng: 30/30 điểm")).toBeVisible();
  // A sum other than 30 is shown live and refused with the reason at the group.
  await general.getByLabel("Điểm tối đa mục 1").fill("12");
  await expect(general.getByText("Tổng: 27/30 điểm")).toBeVisible();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(general.getByText("Tổng điểm các mục của nhóm tiêu chí chung phải bằng 30.")).toBeVisible();
  // A new item of 3 points makes it whole again.
  await general.getByRole("button", { name: "Thêm mục" }).click();
  await general.getByLabel("Nội dung mục 4").fill("Tham gia chuyển đổi số của cơ quan");
  await general.getByLabel("Điểm tối đa mục 4").fill("3");
  await expect(general.getByText("Tổng: 30/30 điểm")).toBeVisible();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu phiếu chấm điểm.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "I. Nhóm tiêu chí chung" }).getByLabel("Nội dung mục 4")).toHaveValue("Tham gia chuyển đổi số của cơ quan");

  await page.getByRole("link", { name: "Về đợt kiểm điểm" }).click();
  await page.getByRole("button", { name: "Bắt đầu kiểm điểm" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText("Đã khóa: đảng viên đã bắt đầu tự kiểm điểm.")).toBeVisible();
  await page.getByRole("listitem").filter({ hasText: "Mẫu 2B" }).getByRole("link", { name: "Xem phiếu" }).click();
  await expect(page.getByText("Tham gia chuyển đổi số của cơ quan")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu" })).toHaveCount(0);
});
