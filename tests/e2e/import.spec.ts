import { zip } from "../fixtures/zip";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The register import through the page, as the administrator: a cell with a bidirectional control is a
// row error in Vietnamese (the forms' input policy), and a zip bomb is refused at once with its reason.

/** A zip of one part that declares its size honestly: `size` spaces, deflated to a few hundred KB. */
function bomb(size: number): Buffer {
  return zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(size, " ") }]);
}

test("the administrator's import names a cell's hidden direction controls and refuses a zip bomb", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "quantri");
  await page.goto("/reports/import");
  await expect(page.getByRole("heading", { level: 1, name: "Nhập tổ chức đảng và đảng viên" })).toBeVisible();

  const csv = [
    "Số thẻ đảng viên;Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Ngày chính thức;Mã chi bộ;Chức vụ;Đối tượng",
    "HU-9901;Lê Văn \u202EAn;Nam;01/01/1980;01/01/2005;;HU.01.04;;Lãnh đạo, quản lý",
  ].join("\n");
  await page.getByLabel("Tệp sổ đảng viên").setInputFiles({ name: "dang-vien.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  // The first import starts the server's reading thread: seconds on a busy machine.
  const errors = page.getByTestId("import-errors");
  await expect(errors).toBeVisible({ timeout: 60_000 });
  await expect(errors.getByRole("row").nth(1)).toContainText("Họ và tên");
  await expect(errors.getByRole("row").nth(1)).toContainText("Ô có ký tự điều khiển hướng chữ");
  await expectAccessible(page);

  await page
    .getByLabel("Tệp sổ đảng viên")
    .setInputFiles({ name: "bom.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb(300 * 1024 * 1024) });
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  await expect(page.getByText("Không đọc được tệp: khi giải nén, tệp sẽ lớn 300 MB, quá giới hạn 120 MB.")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
});
