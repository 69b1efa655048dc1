import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, PASSWORD, signIn, test } from "./fixtures";

// The upper organization board looks at its district: the progress board, the statistics, a drill-down
// to a cell, and the files it takes away — an .xlsx read back with exceljs and the minutes as a PDF whose
// text (diacritics included) is read back with pdf.js.

/** The fixture's sign-in, with room for the first page of a cold server on a busy machine. */
async function signInPatiently(page: Page, username: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible({ timeout: 30_000 });
}

async function bytesOf(path: string): Promise<ArrayBuffer> {
  const b = await readFile(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

test("bantochuc follows the district's progress and statistics, drills down to a cell and downloads its files", async ({ page }) => {
  // Five pages under axe, three downloads: minutes on a busy machine.
  test.setTimeout(300_000);
  await signInPatiently(page, "bantochuc");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Báo cáo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Tiến độ kiểm điểm năm \d{4}/ })).toBeVisible();
  const progressYear = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/\d{4}/)![0];
  const table = page.getByTestId("progress-table");
  // Every state has its column, the absent included, so a row adds up to its members.
  await expect(table.getByRole("columnheader", { name: "Vắng mặt" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Đảng bộ xã An Bình" })).toBeVisible();
  await expect(page.getByTestId("progress-totals")).toContainText("4.500");
  await expectAccessible(page);

  // Sorted by members, the largest unit first; filtered by name without diacritics.
  await table.getByRole("link", { name: "Sắp xếp theo Đảng viên" }).click();
  await expect(page).toHaveURL(/sort=members/);
  await page.getByLabel("Tên đơn vị").fill("an binh");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page.getByTestId("progress-table").getByRole("row")).toHaveCount(2);

  await page.getByRole("navigation", { name: "Các báo cáo" }).getByRole("link", { name: "Thống kê" }).click();
  // Both tabs open on the review year under way.
  await expect(page.getByRole("heading", { level: 1, name: `Thống kê kết quả năm ${progressYear}` })).toBeVisible();
  await expect(page.getByTestId("statistics-summary")).toContainText(
    /Năm \d{4}, Huyện ủy An Hòa có [\d.]+ đảng viên .* Hoàn thành xuất sắc nhiệm vụ [\d.]+ \([\d,]+\s%\)/,
  );
  await expect(page.getByRole("img", { name: /Số đảng viên theo mức xếp loại/ })).toBeVisible();
  await expect(page.getByTestId("stats-levels")).toContainText("Hoàn thành tốt nhiệm vụ");
  await expectAccessible(page);

  // The statistics as .xlsx, read back.
  const [statsDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-statistics").click()]);
  expect(statsDownload.suggestedFilename()).toMatch(/^thong-ke-HU-\d{4}\.xlsx$/);
  const stats = new ExcelJS.Workbook();
  await stats.xlsx.load(await bytesOf(await statsDownload.path()));
  const overview = stats.getWorksheet("Tổng hợp")!;
  expect(overview.getRow(2).getCell(1).value).toBe("Chỉ tiêu");
  expect(overview.getRow(3).getCell(1).value).toBe("Tổng số đảng viên");
  expect(typeof overview.getRow(3).getCell(2).value).toBe("number");

  // Drill down: the district → a commune → its hamlet cell → the cell's members.
  await page.getByRole("navigation", { name: "Các báo cáo" }).getByRole("link", { name: "Tiến độ" }).click();
  await page.getByTestId("progress-table").getByRole("link", { name: "Đảng bộ xã An Bình" }).click();
  await expect(page.getByRole("navigation", { name: "Đường dẫn đơn vị" })).toContainText("Huyện ủy An Hòa");
  await page.getByTestId("progress-table").getByRole("link", { name: "Chi bộ thôn Tây" }).click();
  await expect(page.getByRole("heading", { name: "Đảng viên của Chi bộ thôn Tây" })).toBeVisible();
  await expect(page.getByTestId("progress-members").getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page);

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-progress").click()]);
  const progress = new ExcelJS.Workbook();
  await progress.xlsx.load(await bytesOf(await xlsxDownload.path()));
  expect(progress.worksheets.map((w) => w.name)).toEqual(["Tiến độ", "Đảng viên"]);
  const members = progress.getWorksheet("Đảng viên")!;
  expect(members.getRow(1).values).toEqual(expect.arrayContaining(["Họ và tên", "Số thẻ", "Tình trạng"]));
  expect(members.rowCount).toBeGreaterThan(2);

  // The minutes of the cell's meeting, as the Party's document.
  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("doc-minutes-pdf").click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await getDocumentProxy(new Uint8Array(await bytesOf(await pdfDownload.path())));
  const { text } = await extractText(pdf, { mergePages: true });
  const words = text.normalize("NFC").replace(/\s+/g, " ");
  for (const expected of [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "BIÊN BẢN",
    "CHI BỘ THÔN TÂY",
    "ĐẢNG BỘ XÃ AN BÌNH",
    "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm",
    "Kiểm điểm tập thể chi bộ",
    "THƯ KÝ HỘI NGHỊ",
    "CHỦ TRÌ HỘI NGHỊ",
  ]) {
    expect(words).toContain(expected);
  }
});

test("a cell secretary has no reports, and a report of another district is not found", async ({ page }) => {
  await signIn(page, "bithu");
  await expect(page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Báo cáo" })).toHaveCount(0);
  const response = await page.request.get("/reports/export/members");
  expect(response.status()).toBe(404);
});

test("on a phone, the quota report's wide table scrolls in a box the keyboard reaches", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInPatiently(page, "bantochuc");
  await page.goto("/reports/quota");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // axe's scrollable-region-focusable: a table wider than the phone scrolls in a box that takes the focus.
  // The box is the region right around the table, named by the table's caption.
  const table = page.getByRole("table").first();
  const box = table.locator("xpath=..");
  await expect(box).toHaveAttribute("role", "region");
  await expect(box).toHaveAccessibleName((await table.locator("caption").textContent())!);
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await box.focus();
  await expect(box).toBeFocused();
  await expectAccessible(page);
});
