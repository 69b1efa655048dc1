import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

// Opinions before the meeting: the secretary finds in the cell's list whose opinions are missing, opens
// the member's self-review, records the missing one (a bad date refused first), sees it listed and the
// record's history telling it; the list then shows the member complete. The demo cell has one member in
// temporary activity in another commune this year, whose cell's comment is awaited (lib/demo/district.ts).

const MISSING_TEMPORARY = "Thiếu: nơi sinh hoạt tạm thời";

async function openCellList(page: Page) {
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Kiểm điểm năm \d{4} của chi bộ$/ })).toBeVisible();
}

const opinionsCard = (page: Page) => page.getByRole("region", { name: "Ý kiến nhận xét", exact: true });
const historyPanel = (page: Page) => page.getByRole("region", { name: "Lịch sử hồ sơ", exact: true });

test("the secretary records a missing opinion and sees it in the record and its history", async ({ page }) => {
  // Four pages checked with axe, one of them the long self-review form.
  test.slow();
  await signIn(page, "bithu");
  await expectAccessible(page);
  await openCellList(page);
  await expect(page.getByRole("columnheader", { name: "Ý kiến nhận xét" })).toBeVisible();
  await expectAccessible(page);

  const row = page.getByRole("row").filter({ hasText: MISSING_TEMPORARY }).first();
  const name = (await row.getByRole("link").textContent())!.trim();
  await row.getByRole("link", { name }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ });
  await expect(heading).toBeVisible();
  const year = Number((await heading.textContent())!.match(/\d{4}/)![0]);

  // What is required and what is missing.
  const card = opinionsCard(page);
  await expect(card.getByTestId("opinions-summary")).toHaveText("Còn thiếu 1 ý kiến: nơi sinh hoạt tạm thời.");
  const temporary = card.getByTestId("opinion-TEMPORARY_CELL");
  await expect(temporary).toContainText("Còn thiếu");
  await expect(temporary).toContainText(`Sinh hoạt tạm thời tại Chi bộ`);
  await expect(temporary).toContainText("Chưa nhận được ý kiến.");
  await expectAccessible(page);

  // The form starts on the missing source, with the body expected to give it.
  const form = card.getByRole("region", { name: "Ghi ý kiến nhận xét" });
  await expect(form.getByRole("radio", { name: "Chi bộ nơi sinh hoạt tạm thời" })).toBeChecked();
  await expect(form.getByLabel("Người, cơ quan cho ý kiến")).toHaveValue(/^Chi ủy Chi bộ /);
  const text = "Đồng chí chấp hành nghiêm sinh hoạt tạm thời, tham gia đầy đủ các buổi sinh hoạt, nhiệt tình với công việc chung.";
  await form.getByLabel("Nội dung ý kiến nhận xét").fill(text);

  // A date before the review year (and before its December grace month) is refused, nothing is recorded.
  await form.getByLabel("Ngày cho ý kiến").fill(`${year - 1}-06-15`);
  await form.getByRole("button", { name: "Ghi ý kiến" }).click();
  await expect(form.getByText("Ngày cho ý kiến phải trong năm kiểm điểm hoặc trong tháng 12 năm trước.")).toBeVisible();
  await expect(form.getByLabel("Ngày cho ý kiến")).toHaveAttribute("aria-invalid", "true");
  await expect(temporary).toContainText("Chưa nhận được ý kiến.");
  await expectAccessible(page);

  await form.getByLabel("Ngày cho ý kiến").fill(`${year}-01-15`);
  await form.getByRole("button", { name: "Ghi ý kiến" }).click();
  await expect(form.getByText("Đã ghi ý kiến nhận xét.")).toBeVisible();

  // Listed as received, with its date and giver; nothing is missing any more.
  await expect(temporary).toContainText("Đã nhận");
  await expect(temporary.getByRole("blockquote")).toHaveText(text);
  await expect(temporary).toContainText(`, ngày 15/01/${year}`);
  await expect(card.getByTestId("opinions-summary")).toHaveText("Đã nhận đủ ý kiến nhận xét cần có.");

  // The history shows it at the top, by the secretary.
  const history = historyPanel(page);
  const latest = history.getByRole("listitem").first();
  await expect(latest).toContainText("Ghi ý kiến nhận xét của nơi sinh hoạt tạm thời");
  await expect(latest).toContainText("Đặng Văn Lực");
  await expect(latest).toContainText(`ngày 15/01/${year}: “${text}”`);
  await expect(history.getByTestId("history-count")).toContainText("mới nhất ở trên");
  await expectAccessible(page);

  // Back in the cell's list the member is complete.
  await page.goBack();
  await page.reload();
  const done = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(done).toContainText("Đủ");
  await expect(done).not.toContainText(MISSING_TEMPORARY);
  await expectAccessible(page);
  await signOut(page);
});

test("the member reads the opinions of their own record and its history, with no form", async ({ page }) => {
  await signIn(page, "dangvien");
  await page.getByRole("link", { name: /Viết bản kiểm điểm|Xem bản kiểm điểm/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();
  const card = opinionsCard(page);
  await expect(card).toContainText("Bạn xem được các ý kiến nhận xét về mình");
  await expect(card.getByRole("button")).toHaveCount(0);
  await expect(historyPanel(page)).toBeVisible();
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the opinions and the history fit the screen", async ({ page }) => {
    await signIn(page, "bithu");
    await openCellList(page);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(opinionsCard(page)).toBeVisible();
    await expect(historyPanel(page)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
