import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

// A first-time user's rough edges and the reminders. The secretary's cell list puts the members first
// (the cell's own rating after), names self-levels in full, and reminds a member who has not submitted:
// once a day, said in words. The member finds the reminder on their home page, opens the form, its print
// view (no post: "Không giữ chức vụ", and a way back), and puts the reminder away.

const MEMBER = "Hoàng Minh Tuấn"; // dangvien, a draft in Chi bộ thôn Đông (lib/demo/accounts.ts)

test("the secretary reminds a member who has not submitted; the member sees it at home and dismisses it", async ({ page }) => {
  // Six pages under axe, the long self-review form among them.
  test.slow();
  await signIn(page, "bithu");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Kiểm điểm năm \d{4} của chi bộ$/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Bản kiểm điểm của đảng viên" });
  await expect(table.getByRole("link", { name: MEMBER })).toBeVisible();
  // Levels by their names, never by abbreviations to decode.
  for (const short of ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]) await expect(table).not.toContainText(short);
  // The members' submissions come first; the cell's own rating, when shown, after them.
  const ownRating = page.getByRole("heading", { name: "Chi bộ tự đánh giá, đề xuất mức xếp loại" });
  if (await ownRating.count()) expect((await ownRating.boundingBox())!.y).toBeGreaterThan((await table.boundingBox())!.y);
  await expect(page.getByTestId("remind-all")).toContainText(/\d+ đảng viên chưa nộp bản kiểm điểm/);
  await expectAccessible(page);

  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: MEMBER }) });
  await row.getByRole("button", { name: `Nhắc nộp bản kiểm điểm: ${MEMBER}` }).click();
  await expect(row.getByTestId("form-success")).toHaveText("Đã nhắc 1 đảng viên trong ứng dụng.");
  // Once a day: the row now says when, and offers no second reminder today.
  await expect(row).toContainText(/Đã nhắc ngày \d{2}\/\d{2}\/\d{4}/);
  await expect(row.getByRole("button", { name: `Nhắc nộp bản kiểm điểm: ${MEMBER}` })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "dangvien");
  const reminder = page.getByTestId("reminder");
  await expect(reminder.getByRole("heading", { name: /^Nhắc nộp bản kiểm điểm năm \d{4}$/ })).toBeVisible();
  await expect(reminder).toContainText("nhắc đồng chí hoàn thành và nộp bản tự kiểm điểm trước ngày");
  await expectAccessible(page);

  await reminder.getByRole("link", { name: "Mở bản kiểm điểm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();
  await page.getByRole("link", { name: "Bản in", exact: true }).click();
  await expect(page.getByText("Chức vụ: Không giữ chức vụ")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "← Quay lại bản kiểm điểm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();

  await page.goto("/");
  await page.getByTestId("reminder").getByRole("button", { name: "Đã biết, ẩn lời nhắc" }).click();
  await expect(page.getByTestId("reminder")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible();
  await expect(page.getByTestId("reminder")).toHaveCount(0);
  await expectAccessible(page);
});
