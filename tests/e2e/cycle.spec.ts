import { expect, signIn, test } from "./fixtures";

test("the upper board sets the phase deadlines; out-of-order dates are refused beside the field", async ({ page }) => {
  await signIn(page, "bantochuc");
  await page.getByRole("link", { name: "Sửa thời hạn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Thời hạn các bước/ })).toBeVisible();

  // The review year is whatever the seed made current (the year under way today): read it from the form.
  const year = (await page.getByLabel("Hạn nộp bản kiểm điểm").inputValue()).slice(0, 4);
  expect(year).toMatch(/^\d{4}$/);

  await page.getByLabel("Hạn nộp bản kiểm điểm").fill(`${year}-12-20`);
  await page.getByLabel("Hạn họp chi bộ").fill(`${year}-12-10`);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Thời hạn này phải sau thời hạn của bước trước.")).toBeVisible();
  await expect(page.getByLabel("Hạn họp chi bộ")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Hạn họp chi bộ").fill(`${year}-12-22`);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu thời hạn.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Hạn họp chi bộ")).toHaveValue(`${year}-12-22`);
});
