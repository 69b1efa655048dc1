import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Fills every part a self-review requires: each text, each shortcoming's answer, every score, a level. */
export async function completeSelfReview(page: Page, marker: string) {
  const texts = page.locator("form textarea");
  for (let i = 0; i < (await texts.count()); i++) {
    const box = texts.nth(i);
    if (!(await box.inputValue()).trim()) await box.fill(`${marker} — phần ${i + 1}.`);
  }
  const scores = page.getByRole("group", { name: "I. Đánh giá theo các nhóm tiêu chí" }).getByRole("spinbutton");
  for (let i = 0; i < (await scores.count()); i++) {
    const input = scores.nth(i);
    await input.fill(String(Number(await input.getAttribute("max")) - 1));
  }
  await page.getByRole("radio", { name: "Hoàn thành tốt nhiệm vụ" }).check();
}

/** From the cell's list, the secretary types in the paper self-review of the first member not yet started. */
export async function enterPaperSelfReview(page: Page): Promise<string> {
  const row = page.getByRole("row").filter({ hasText: "Chưa nộp bản kiểm điểm" }).filter({ hasText: "(chưa viết)" }).first();
  const name = (await row.getByRole("link").textContent())!;
  await row.getByRole("link").click();
  await page.getByRole("link", { name: "Nhập hộ bản giấy" }).click();
  await expect(page.getByText(`Bạn đang nhập hộ bản kiểm điểm giấy của đồng chí ${name}.`)).toBeVisible();
  await completeSelfReview(page, "Bản giấy");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await page.getByRole("button", { name: "Nộp bản kiểm điểm" }).click();
  await expect(page.getByRole("dialog")).toContainText(`nhập hộ cho đồng chí ${name}`);
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText("Bản kiểm điểm đã nộp, chỉ đọc.")).toBeVisible();
  return name;
}
