import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import type { Download, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { enterPaperSelfReview } from "./review-helpers";

// The cell's review meeting in Chromium: the secretary records attendance (nobody presumed present) and
// sees the quorum, is refused finalizing without it, records the collective review and the vote of each
// member present with a submitted self-review — the others listed with why they are not voted on — with
// the rules' verdict and the peer group's 20 % arithmetic beside it, prints and downloads the minutes
// (a draft, then final), and finalizes: the proposals go up as "reviewed".

const LEVEL_SHORT: Record<string, string> = {
  "Hoàn thành xuất sắc nhiệm vụ": "HTXSNV",
  "Hoàn thành tốt nhiệm vụ": "HTTNV",
  "Hoàn thành nhiệm vụ": "HTNV",
  "Không hoàn thành nhiệm vụ": "KHTNV",
};

/** The text of a downloaded PDF, diacritics composed, spaces collapsed. */
async function pdfText(download: Download): Promise<string> {
  const bytes = await readFile((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.normalize("NFC").replace(/\s+/g, " ");
}

async function downloadOf(page: Page, testId: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return download;
}

test("the secretary holds the meeting: quorum, refusals, votes with the rules beside them, then finalizes", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "bithu");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  // One more member's paper self-review first, so that enough official members have one to be reviewed.
  await enterPaperSelfReview(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  await page.getByRole("link", { name: "Hội nghị và biên bản" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Hội nghị kiểm điểm năm \d{4}$/ })).toBeVisible();
  await expectAccessible(page);
  const year = (await page.getByRole("heading", { level: 1 }).textContent())!.slice(-4);

  // Nothing is presumed: attendance is not taken yet, so nobody is voted on and the quorum is not claimed.
  const attendance = page.getByRole("group", { name: "Điểm danh" });
  const rows = attendance.getByRole("radiogroup");
  const total = await rows.count();
  expect(total).toBeGreaterThan(5);
  await expect(page.getByTestId("quorum")).toContainText("Chưa điểm danh");
  await expect(page.getByTestId("quorum")).not.toContainText("Đủ số lượng");
  await expect(attendance.getByRole("radio", { checked: true })).toHaveCount(0);
  const reviews = page.locator("fieldset[data-testid^='review-']");
  await expect(reviews).toHaveCount(0);
  await expect(page.getByTestId("no-votes")).toBeVisible();
  const notVoted = page.getByTestId("not-voted");
  await expect(notVoted.getByRole("listitem")).toHaveCount(total);
  await expect(notVoted).toContainText("Chưa nộp bản kiểm điểm · Chưa điểm danh");
  await expect(notVoted).toContainText("Chưa điểm danh");
  // The minutes are not saved yet: no file to take away, and the page says when there will be.
  await expect(page.getByTestId("minutes-files")).toContainText("sau khi biên bản được lưu lần đầu");
  await expect(page.getByTestId("minutes-pdf")).toHaveCount(0);

  // Finalizing an untouched page is refused in words; once something is saved, with the reasons listed.
  const problems = page.getByTestId("finalize-problems");
  await page.getByRole("button", { name: "Hoàn thành biên bản" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(problems).toContainText("Biên bản chưa có nội dung");
  await page.getByLabel("Địa điểm").fill("Nhà văn hóa thôn Đông");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  // Saved once: the draft's print view and files are offered at once, said to be a draft.
  await expect(page.getByTestId("minutes-files")).toContainText("Biên bản đang là bản nháp");
  await expect(page.getByTestId("minutes-pdf")).toBeVisible();
  await page.getByRole("button", { name: "Hoàn thành biên bản" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(problems).toContainText("Chưa đủ số đảng viên chính thức có mặt.");
  await expect(problems).toContainText("Chưa ghi ngày họp.");
  await expect(problems).toContainText("Chưa ghi nội dung kiểm điểm tập thể chi bộ");

  // Those who submitted a self-review are marked present in one step; the others absent, with a reason.
  await page.getByLabel("Ngày họp").fill(`${year}-12-18`);
  const markSubmitted = page.getByRole("button", { name: /^Đánh dấu có mặt \d+ người đã nộp bản kiểm điểm$/ });
  const submittedCount = Number((await markSubmitted.textContent())!.match(/\d+/)![0]);
  await markSubmitted.click();
  await expect(markSubmitted).toHaveCount(0);
  await expect(attendance.getByRole("radio", { name: "Có mặt", checked: true })).toHaveCount(submittedCount);
  await expect(page.getByTestId("unmarked")).toContainText(`Còn ${total - submittedCount} người chưa điểm danh.`);
  // A vote block for each member present with a self-review, and only for them.
  await expect(reviews).toHaveCount(submittedCount);
  await expect(notVoted.getByRole("listitem")).toHaveCount(total - submittedCount);
  for (let i = 0; i < total; i++) {
    const row = rows.nth(i);
    if (await row.getByRole("radio", { name: "Có mặt" }).isChecked()) continue;
    const name = (await row.getAttribute("aria-labelledby").then((id) => page.locator(`[id="${id}"]`).textContent()))!.trim();
    await expect(row).toHaveAccessibleName(name);
    await row.getByRole("radio", { name: "Vắng" }).check();
    await attendance.getByLabel(`Lý do vắng của ${name}`).fill("Đi làm ăn xa");
  }
  await expect(page.getByTestId("unmarked")).toHaveCount(0);
  await expect(notVoted).toContainText("Chưa nộp bản kiểm điểm · Vắng mặt");
  await expect(notVoted).not.toContainText("Chưa điểm danh");
  await expect(page.getByTestId("quorum")).toContainText("Đủ số lượng để tiến hành hội nghị.");
  const voters = Number((await page.getByTestId("quorum").textContent())!.match(/Có mặt (\d+)\//)![1]);
  await page.getByLabel("Nội dung kiểm điểm tập thể chi bộ").fill("Chi bộ lãnh đạo hoàn thành các chỉ tiêu năm; còn hạn chế trong sinh hoạt chuyên đề.");
  const submitted = new Set<string>();
  for (let i = 0; i < submittedCount; i++) submitted.add((await reviews.nth(i).locator("legend").first().textContent())!.trim());

  // Every submitted member: a critique and a vote. The panel says at once when a level is above the rules.
  const quota = page.getByTestId("quota-line");
  for (const name of submitted) {
    const review = page.getByRole("group", { name, exact: true });
    await review.getByRole("button", { name: "Thêm ý kiến" }).click();
    await review.getByLabel("Người góp ý 1").fill("Đồng chí Bí thư");
    await review.getByLabel("Nội dung góp ý 1").fill("Đề nghị phát huy ưu điểm.");
    await review.getByLabel(`Hoàn thành xuất sắc nhiệm vụ — số phiếu cho ${name}`).fill(String(voters));
    await expect(review.getByText(/^Đề xuất: Hoàn thành xuất sắc nhiệm vụ/)).toBeVisible();
    await expect(quota).toBeVisible();
    const above = review.getByTestId("above-rules");
    if (await above.isVisible()) {
      // The rules allow less: vote the level they allow instead.
      const allowed = (await above.textContent())!.match(/\((.+)\)/)![1];
      await review.getByLabel(`Hoàn thành xuất sắc nhiệm vụ — số phiếu cho ${name}`).fill("0");
      await review.getByLabel(`${allowed} — số phiếu cho ${name}`, { exact: true }).fill(String(voters));
      await expect(above).toHaveCount(0);
      expect(LEVEL_SHORT[allowed]).toBeDefined();
    }
  }
  // More excellent proposals than the group may have: the panel says by how many.
  await expect(quota).toContainText(/xuất sắc/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByLabel("Nội dung kiểm điểm tập thể chi bộ")).toHaveValue(/Chi bộ lãnh đạo hoàn thành/);
  await expect(reviews).toHaveCount(submittedCount);

  // The saved draft can be printed and taken away from the meeting page; both say it is a draft.
  const files = page.getByTestId("minutes-files");
  await expect(files).toContainText("Biên bản đang là bản nháp");
  const draft = await pdfText(await downloadOf(page, "minutes-pdf"));
  expect(draft).toContain("BIÊN BẢN");
  expect(draft).toContain("bản dự thảo, chưa hoàn tất");
  const word = await downloadOf(page, "minutes-docx");
  expect(word.suggestedFilename()).toMatch(/\.docx$/);
  await files.getByRole("link", { name: "Bản in biên bản" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "BIÊN BẢN" })).toBeVisible();
  await expect(page.getByText(/bản dự thảo, chưa hoàn tất/)).toBeVisible();
  await expect(page.getByRole("button", { name: "In biên bản" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Về trang hội nghị" }).click();

  await page.getByRole("button", { name: "Hoàn thành biên bản" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText(/^Biên bản đã hoàn thành ngày/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Hoàn thành biên bản" })).toHaveCount(0);
  // The finalized minutes: the same links, no longer a draft; the votes still shown.
  await expect(files).toContainText("Biên bản đã hoàn thành: in hoặc tải về");
  await expect(reviews).toHaveCount(submittedCount);
  const final = await pdfText(await downloadOf(page, "minutes-pdf"));
  expect(final).not.toContain("dự thảo");
  expect(final).toContain(`Vắng mặt: ${total - submittedCount}.`);
  await expectAccessible(page);

  await page.getByRole("link", { name: /Kiểm điểm năm \d{4} của chi bộ/ }).click();
  for (const name of submitted) {
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Đã kiểm điểm, có mức đề xuất");
  }
});
