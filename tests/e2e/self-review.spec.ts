import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";
import { completeSelfReview, enterPaperSelfReview } from "./review-helpers";

// The self-review at the cell: the member writes (nothing is lost offline or on reload), submits; the
// secretary returns it with a reason; the member fixes and resubmits; the secretary types in a paper form
// for another member.

async function openOwnSelfReview(page: Page) {
  await page.getByRole("link", { name: "Viết bản kiểm điểm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();
}

const saveStatus = (page: Page) => page.getByTestId("save-status");

test("two tabs editing at once: the stale save is refused where the person types, nothing typed is lost", async ({ page, context }) => {
  test.slow(); // two tabs, and axe on a long form, on a 2-core machine
  await signIn(page, "dangvien");
  await page.goto("/");
  // Runs before the member submits (the next journey): the form is still a draft.
  const url = await page.getByRole("link", { name: "Viết bản kiểm điểm" }).getAttribute("href");
  await page.goto(url!);
  // The demo draft was saved on an earlier day: the time alone would read as today.
  await expect(saveStatus(page)).toHaveText(/^Đã lưu lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
  const other = await context.newPage();
  await other.goto(url!);
  // The last field of part A, far below the top of the form: the conflict must be seen from there.
  const field = (p: Page) => p.getByLabel("VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm");
  await field(page).fill("Bản ở thẻ thứ nhất.");
  await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
  // Saved today: the time alone.
  await expect(saveStatus(page)).toHaveText(/^Đã lưu lúc \d\d:\d\d$/);
  await field(other).fill("Bản ở thẻ thứ hai.");
  await expect(saveStatus(other)).toHaveAttribute("data-status", "conflict");
  // The line beside the typing says what happened, not just "not saved", and stays in view while typing.
  await expect(saveStatus(other)).toContainText(/^Chưa lưu: một bản khác vừa được lưu ở nơi khác .* lúc \d\d:\d\d/);
  await expect(saveStatus(other)).toBeInViewport();
  await expect(other.getByText(/Những gì bạn đã gõ vẫn còn nguyên/)).toBeInViewport();
  await expect(other.getByRole("button", { name: "Lưu bản ở đây" })).toBeInViewport();
  // Submitting is blocked, and the button says why.
  const submit = other.getByRole("button", { name: "Nộp bản kiểm điểm" });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription(/^Chưa nộp được vì bản ở đây chưa lưu/);
  await other.bringToFront();
  await expectAccessible(other);

  // Looking at the other tab's version does not lose this one: it can be taken back, and is saved.
  await other.getByRole("button", { name: "Xem bản đã lưu ở nơi khác" }).click();
  await expect(field(other)).toHaveValue("Bản ở thẻ thứ nhất.");
  await expect(other.getByText("Trang đang hiện bản đã lưu ở nơi khác. Bản bạn gõ ở đây chưa mất.")).toBeInViewport();
  await other.getByRole("button", { name: "Lấy lại bản tôi đã gõ" }).click();
  await expect(field(other)).toHaveValue("Bản ở thẻ thứ hai.");
  await expect(saveStatus(other)).toHaveAttribute("data-status", "saved");
  await expect(submit).not.toHaveAccessibleDescription(/Chưa nộp được/);
  await page.reload();
  await expect(field(page)).toHaveValue("Bản ở thẻ thứ hai.");
  await other.close();
});

test.describe("offline", () => {
  test.use({ allowOffline: true });

  test("a member writes offline, loses nothing on reload, submits; returned, fixes and resubmits", async ({ page, context }) => {
    test.slow(); // three people sign in and out on a 2-core machine
    await signIn(page, "dangvien");
    await expectAccessible(page);
    await openOwnSelfReview(page);
    await expectAccessible(page);

    const shortcomings = page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân");
    await shortcomings.fill("Đôi lúc chưa mạnh dạn phát biểu trong sinh hoạt chi bộ.");
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");

    // The connection drops: typing goes on, the page says it is not saved, and nothing is lost on reload.
    await context.setOffline(true);
    await shortcomings.fill("Đôi lúc chưa mạnh dạn phát biểu trong sinh hoạt chi bộ. Viết thêm khi mất mạng.");
    await expect(saveStatus(page)).toHaveAttribute("data-status", "offline");
    await expect(saveStatus(page)).toContainText("chưa lưu");
    // Back online, the text goes out by itself.
    await context.setOffline(false);
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    await page.reload();
    await expect(page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân")).toHaveValue(/Viết thêm khi mất mạng\.$/);
    // Typing, then a reload before the save goes out: the device's copy comes back and is saved.
    await page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân").fill("Đôi lúc chưa mạnh dạn phát biểu. Viết ngay trước khi tải lại.");
    await page.reload();
    await expect(page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân")).toHaveValue(/Viết ngay trước khi tải lại\.$/);
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    await page.reload();
    await expect(page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân")).toHaveValue(/Viết ngay trước khi tải lại\.$/);

    // Incomplete forms cannot be submitted; a complete one can, and becomes read-only.
    await expect(page.getByRole("button", { name: "Nộp bản kiểm điểm" })).toBeDisabled();
    await completeSelfReview(page, "Bản của đảng viên");
    const verdict = page.getByRole("region", { name: "Theo quy định xếp loại" });
    await expect(verdict).toContainText("Tổng điểm:");
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    await page.getByRole("button", { name: "Nộp bản kiểm điểm" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
    await expect(page.getByText("Bản kiểm điểm đã nộp, chỉ đọc.")).toBeVisible();
    await expect(page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân")).toBeDisabled();
    const reviewUrl = page.url();
    await signOut(page);

    // The secretary reads it in the cell's list and returns it with a reason.
    await signIn(page, "bithu");
    await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Hoàng Minh Tuấn" }).click();
    await expect(page).toHaveURL(reviewUrl);
    await page.getByRole("button", { name: "Trả lại bản kiểm điểm" }).click();
    await expect(page.getByText("Không được để trống.")).toBeVisible();
    await page.getByLabel("Lý do trả lại (đảng viên sẽ đọc)").fill("Đề nghị nêu rõ nguyên nhân của hạn chế.");
    await page.getByRole("button", { name: "Trả lại bản kiểm điểm" }).click();
    await expect(page.getByText("Bí thư chi bộ đã trả lại bản kiểm điểm để sửa. Lý do: Đề nghị nêu rõ nguyên nhân của hạn chế.")).toBeVisible();
    await signOut(page);

    // The member reads the reason, fixes, submits again.
    await signIn(page, "dangvien");
    await openOwnSelfReview(page);
    await expect(page.getByText("Bí thư chi bộ đã trả lại bản kiểm điểm để sửa. Lý do: Đề nghị nêu rõ nguyên nhân của hạn chế.")).toBeVisible();
    await page.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân").fill("Chưa mạnh dạn phát biểu; nguyên nhân: chưa chuẩn bị ý kiến trước buổi sinh hoạt.");
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    await page.getByRole("button", { name: "Nộp bản kiểm điểm" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
    await expect(page.getByText("Bản kiểm điểm đã nộp, chỉ đọc.")).toBeVisible();
  });
});

test("the secretary types in a paper self-review for a member, marked as such on the print", async ({ page }) => {
  await signIn(page, "bithu");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  await enterPaperSelfReview(page);
  await expect(page.getByText("Bản giấy do đồng chí Đặng Văn Lực nhập hộ")).toBeVisible();
  await page.getByRole("link", { name: "Bản in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN NĂM \d{4}/ })).toBeVisible();
  await expect(page.getByText("Bản giấy do đồng chí Đặng Văn Lực nhập hộ")).toBeVisible();
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the member's form fits the screen: one column, no sideways scrolling", async ({ page }) => {
    await signIn(page, "dangvien");
    await page.getByRole("link", { name: /Viết bản kiểm điểm|Xem bản kiểm điểm/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

test.describe("in English", () => {
  test("the member reads the form in English", async ({ page }) => {
    await signIn(page, "dangvien");
    await page.getByRole("combobox", { name: "Ngôn ngữ" }).selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: /Hello/ })).toBeVisible();
    await page.getByRole("link", { name: /Write the self-review|Open the self-review/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Self-review \d{4}$/ })).toBeVisible();
    await expect(page.getByLabel("II. Shortcomings and their causes")).toBeVisible();
    await page.getByRole("combobox", { name: "Language" }).selectOption("vi");
    await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();
  });
});
