import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The task import as the cell's secretary: from the cell's page to the import, the template downloaded
// and filled in (one task of a member by card number, one of the cell by its code), a bad row refused by
// row and column, the preview, the import, the imported tasks listed on the result and in the member's
// register (/members/[id]/tasks); the same file again adds nothing.

const TITLE = `Nhiệm vụ nhập từ tệp ${Date.now().toString(36)}`;

test("the secretary imports the year's tasks from the template, after a preview", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "bithu");
  await page.getByRole("link", { name: "Xem đơn vị" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Chi bộ thôn Đông" })).toBeVisible();
  const member = page.locator("table tbody tr").filter({ hasNotText: "Đặng Văn Lực" }).first();
  const name = (await member.locator("td").first().locator("a").innerText()).trim();
  const card = (await member.locator("td").nth(1).innerText()).trim();
  const memberHref = (await member.locator("td").first().locator("a").getAttribute("href"))!;

  await page.getByRole("link", { name: "Nhập nhiệm vụ từ tệp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhập nhiệm vụ từ tệp" })).toBeVisible();
  await expectAccessible(page);

  // The template: its sheet and headers, which the filled file keeps.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải tệp mẫu (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe("mau-nhiem-vu.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Nhiệm vụ")!;
  expect(sheet.rowCount).toBe(3);
  expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
    "Số thẻ đảng viên hoặc mã tổ chức",
    "Tên nhiệm vụ",
    "Nguồn giao",
    "Ngày giao",
    "Hạn hoàn thành",
    "Sản phẩm dự kiến",
    "Tiêu chí đánh giá chất lượng",
  ]);
  const year = new Date().getFullYear();
  // The template's header row, its example rows replaced by ours.
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const fill = async (rows: (string | Date)[][]) => {
    const filled = new ExcelJS.Workbook();
    const tasks = filled.addWorksheet("Nhiệm vụ");
    [header, ...rows].forEach((r) => tasks.addRow(r));
    return Buffer.from(await filled.xlsx.writeBuffer());
  };
  const good: (string | Date)[][] = [
    [card, TITLE, "Kế hoạch công tác năm của chi bộ", `15/01/${year}`, `30/11/${year}`, "Danh sách 20 hộ đăng ký", "Đủ 20 hộ, đúng hạn"],
    ["HU.01.04", `${TITLE} (chi bộ)`, "Nghị quyết chi bộ đầu năm", `10/01/${year}`, `15/12/${year}`, "4 biên bản sinh hoạt chuyên đề", "Đủ 4 buổi"],
  ];
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  // A bad row: nothing is imported, and the row and column are named.
  await page.getByLabel("Tệp nhiệm vụ (.xlsx)").setInputFiles({
    name: "nhiem-vu.xlsx",
    mimeType: xlsx,
    buffer: await fill([...good, [card, "Hạn trước ngày giao", "Kế hoạch", `01/05/${year}`, `01/04/${year}`, "Báo cáo", "Đúng hạn"]]),
  });
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  const errors = page.getByTestId("import-errors");
  // The first import starts the server's reading thread: seconds on a busy machine.
  await expect(errors).toBeVisible({ timeout: 60_000 });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toContainText("Nhiệm vụ · 4");
  await expect(errors.getByRole("row").nth(1)).toContainText("Hạn hoàn thành không được trước ngày giao.");
  await expect(page.getByRole("button", { name: /^Nhập \d+ nhiệm vụ$/ })).toHaveCount(0);
  await expectAccessible(page);

  // The file corrected: the preview, then the import.
  await page.getByLabel("Tệp nhiệm vụ (.xlsx)").setInputFiles({ name: "nhiem-vu.xlsx", mimeType: xlsx, buffer: await fill(good) });
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("Tệp có 2 dòng: 2 nhiệm vụ mới cho 2 đảng viên, tổ chức; 0 dòng đã có trong sổ.", {
    timeout: 30_000,
  });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("row").nth(1)).toContainText(name);
  await expect(preview.getByRole("row").nth(1)).toContainText(TITLE);
  await expect(preview.getByRole("row").nth(1)).toContainText(`30/11/${year}`);
  await expect(preview.getByRole("row").nth(2)).toContainText("Chi bộ thôn Đông");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Nhập 2 nhiệm vụ" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("Đã thêm 2 nhiệm vụ vào sổ của 2 đảng viên, tổ chức.", { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Các nhiệm vụ đã nhập" })).toBeVisible();
  await expect(page.getByTestId("import-preview")).toContainText(TITLE);
  await expectAccessible(page);

  // The task is in the member's register.
  await page.goto(`${memberHref}/tasks`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText(TITLE, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // The same file again adds nothing: its rows are in the registers.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Nhập nhiệm vụ từ tệp" })).toBeVisible();
  await page.getByLabel("Tệp nhiệm vụ (.xlsx)").setInputFiles({ name: "nhiem-vu.xlsx", mimeType: xlsx, buffer: await fill(good) });
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("Tệp có 2 dòng: 0 nhiệm vụ mới cho 0 đảng viên, tổ chức; 2 dòng đã có trong sổ.", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("import-preview").getByRole("row").nth(1)).toContainText("Đã có trong sổ");
});
