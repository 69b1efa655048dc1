import { expect, expectAccessible, signIn, test } from "./fixtures";
import { enterPaperSelfReview } from "./review-helpers";

// The cell's review meeting in Chromium: the secretary records attendance and sees the quorum, is refused
// finalizing without it, records the collective review and each member's vote with the rules' verdict
// and the peer group's 20 % arithmetic beside it, and finalizes: the proposals go up as "reviewed".

const LEVEL_SHORT: Record<string, string> = {
  "Hoàn thành xuất sắc nhiệm vụ": "HTXSNV",
  "Hoàn thành tốt nhiệm vụ": "HTTNV",
  "Hoàn thành nhiệm vụ": "HTNV",
  "Không hoàn thành nhiệm vụ": "KHTNV",
};

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

  // Nobody present: no quorum, and finalizing is refused with the reasons listed.
  const attendance = page.getByRole("group", { name: "Điểm danh" });
  const boxes = attendance.getByRole("checkbox");
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
  await expect(page.getByTestId("quorum")).toContainText("Chưa đủ số lượng");
  await page.getByRole("button", { name: "Hoàn thành biên bản" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  const problems = page.getByTestId("finalize-problems");
  await expect(problems).toContainText("Chưa đủ số đảng viên chính thức có mặt.");
  await expect(problems).toContainText("Chưa ghi ngày họp.");
  await expect(problems).toContainText("Chưa ghi nội dung kiểm điểm tập thể chi bộ");

  // Those who submitted a self-review are present; the others are absent, with a reason.
  await page.getByLabel("Ngày họp").fill(`${year}-12-18`);
  await page.getByLabel("Địa điểm").fill("Nhà văn hóa thôn Đông");
  const reviews = page.locator("fieldset[data-testid^='review-']");
  const submitted = new Set<string>();
  for (let i = 0; i < (await reviews.count()); i++) {
    const review = reviews.nth(i);
    if ((await review.getByText("Đã nộp bản kiểm điểm", { exact: true }).count()) > 0) submitted.add((await review.locator("legend").first().textContent())!.trim());
  }
  for (let i = 0; i < (await boxes.count()); i++) {
    const name = (await boxes.nth(i).getAttribute("aria-label"))!.replace("Có mặt: ", "");
    if (submitted.has(name)) await boxes.nth(i).check();
    else await attendance.getByLabel(`Lý do vắng của ${name}`).fill("Đi làm ăn xa");
  }
  await expect(page.getByTestId("quorum")).toContainText("Đủ số lượng để tiến hành hội nghị.");
  const voters = Number((await page.getByTestId("quorum").textContent())!.match(/Có mặt (\d+)\//)![1]);
  await page.getByLabel("Nội dung kiểm điểm tập thể chi bộ").fill("Chi bộ lãnh đạo hoàn thành các chỉ tiêu năm; còn hạn chế trong sinh hoạt chuyên đề.");

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

  await page.getByRole("button", { name: "Hoàn thành biên bản" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText(/^Biên bản đã hoàn thành ngày/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Hoàn thành biên bản" })).toHaveCount(0);

  await page.getByRole("link", { name: /Kiểm điểm năm \d{4} của chi bộ/ }).click();
  for (const name of submitted) {
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Đã kiểm điểm, có mức đề xuất");
  }
});
