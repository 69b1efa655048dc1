import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

// The task register, end to end: the member (dangvien, Chi bộ thôn Đông) opens "Nhiệm vụ", declares a
// task, attaches a small PDF and reports it done: it waits for confirmation and does not count yet. The
// cell's secretary (bithu, who confirms the members of thôn Đông: dangvien is no leader) opens it and
// confirms it; the member then sees it confirmed, on time, and counted. axe on every page visited, and
// the register once more on a phone.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const FILE_NAME = "Biên bản họp chi bộ.pdf";

async function count(page: Page, figure: "assigned" | "completed" | "onTime" | "exceeded"): Promise<number> {
  const text = await page.getByTestId(`count-${figure}`).locator("span").first().textContent();
  return Number(text);
}

const todayInVietnam = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

test("a member declares and reports a task with its evidence; the secretary confirms it; it counts", async ({ page }) => {
  // Nine pages under axe, two 10 MB uploads and three sign-ins: about 2.5 minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  const title = `Viết bài tuyên truyền nghị quyết ${Date.now()}`;

  await signIn(page, "dangvien");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Nhiệm vụ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhiệm vụ của tôi" })).toBeVisible();
  const year = Number((await page.getByRole("navigation", { name: "Chọn năm" }).locator("[aria-current=page]").textContent())!.replace(/\D/g, ""));
  const before = { assigned: await count(page, "assigned"), completed: await count(page, "completed"), onTime: await count(page, "onTime") };
  await expectAccessible(page);

  // Declare.
  const declare = page.getByTestId("declare-task");
  await declare.getByLabel("Tên nhiệm vụ").fill(title);
  await declare.getByLabel("Nguồn giao").fill("Kế hoạch năm của chi bộ");
  await declare.getByLabel("Hạn hoàn thành").fill(`${year}-12-31`);
  await declare.getByLabel("Sản phẩm cần đạt").fill("Một bài viết đăng trên bản tin của xã");
  await declare.getByLabel("Tiêu chí đánh giá chất lượng").fill("Được chi ủy thông qua trước khi đăng");
  await declare.getByRole("button", { name: "Khai báo nhiệm vụ" }).click();
  await expect(declare.getByTestId("form-success")).toHaveText("Đã khai báo nhiệm vụ.");
  await expect(page.getByTestId("count-assigned").locator("span").first()).toHaveText(String(before.assigned + 1));
  await expectAccessible(page);

  // Open it: not reported yet; the member confirms nothing of their own.
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Chưa báo cáo kết quả.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Xác nhận kết quả" })).toHaveCount(0);
  await expectAccessible(page);

  // The evidence: a small PDF with a Vietnamese name.
  const upload = page.getByTestId("task-file-upload");
  await upload.getByLabel("Chọn tệp minh chứng").setInputFiles({ name: FILE_NAME, mimeType: "application/pdf", buffer: PDF });
  await upload.getByRole("button", { name: "Tải tệp lên" }).click();
  await expect(upload.getByTestId("form-success")).toHaveText(`Đã tải lên “${FILE_NAME}”.`);
  const fileLink = page.getByTestId("task-files").getByRole("link", { name: FILE_NAME });
  await expect(fileLink).toBeVisible();
  // Served as a download, never rendered here: its name in UTF-8, the stored type, a sandbox, no cache.
  const download = await page.request.get((await fileLink.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toMatch(/^sandbox;/);
  expect(download.headers()["cache-control"]).toBe("private, no-store");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  // Through the upload route itself: 10 MB passes the proxy whole and is kept; a byte more is refused, and
  // so is a request from another origin.
  const uploadPath = `${new URL(page.url()).pathname}/files`;
  const sized = (bytes: number) => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length)]);
  const same = { Origin: new URL(page.url()).origin };
  const tenMegabytes = await page.request.post(uploadPath, {
    headers: same,
    multipart: { file: { name: "Hồ sơ lớn.pdf", mimeType: "application/pdf", buffer: sized(10 * 1024 * 1024) } },
  });
  expect(await tenMegabytes.json()).toMatchObject({ ok: true });
  const tooLarge = await page.request.post(uploadPath, {
    headers: same,
    multipart: { file: { name: "Hồ sơ quá lớn.pdf", mimeType: "application/pdf", buffer: sized(10 * 1024 * 1024 + 1) } },
  });
  expect(await tooLarge.json()).toMatchObject({ ok: false, fieldErrors: { file: "fileSize" } });
  const foreign = await page.request.post(uploadPath, {
    headers: { Origin: "https://evil.example" },
    multipart: { file: { name: "la.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(foreign.status()).toBe(403);
  await page.reload();
  await expect(page.getByTestId("task-files").getByRole("link")).toHaveText([FILE_NAME, "Hồ sơ lớn.pdf"]);

  // Report it done.
  const report = page.getByTestId("report-task");
  await report.getByLabel("Đã hoàn thành").check();
  await report.getByLabel("Ngày hoàn thành").fill(todayInVietnam());
  await report.getByLabel("Sản phẩm", { exact: true }).fill("Bài viết “Học và làm theo nghị quyết”, bản tin xã số 12");
  await report.getByRole("button", { name: "Gửi báo cáo kết quả" }).click();
  await expect(report.getByTestId("form-success")).toHaveText("Đã gửi báo cáo kết quả; đang chờ xác nhận.");
  await expect(page.getByRole("main").getByText("Chờ xác nhận", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("task-status-line")).toContainText("đang chờ xác nhận");
  await expectAccessible(page);
  const taskUrl = page.url();

  // Waiting: it does not count yet.
  await page.getByRole("link", { name: /^← Sổ nhiệm vụ năm/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhiệm vụ của tôi" })).toBeVisible();
  await expect(page.getByTestId("count-completed").locator("span").first()).toHaveText(String(before.completed));
  await signOut(page);

  // The secretary confirms it.
  await signIn(page, "bithu");
  await page.goto(taskUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("task-files").getByRole("link", { name: FILE_NAME })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Xác nhận kết quả" }).click();
  await expect(page.getByTestId("task-status-line")).toContainText("Xác nhận lúc");
  await expect(page.getByRole("button", { name: "Xác nhận kết quả" })).toHaveCount(0);
  await expectAccessible(page);
  // The member's register, as the secretary reads it.
  await page.getByRole("link", { name: /^← Sổ nhiệm vụ năm/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Sổ theo dõi nhiệm vụ: / })).toBeVisible();
  await expect(page.getByTestId("count-completed").locator("span").first()).toHaveText(String(before.completed + 1));
  await expectAccessible(page);
  await signOut(page);

  // The member sees it confirmed, on time, and counted; the count's link shows the tasks behind it.
  await signIn(page, "dangvien");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Nhiệm vụ" }).click();
  await expect(page.getByTestId("count-completed").locator("span").first()).toHaveText(String(before.completed + 1));
  await expect(page.getByTestId("count-onTime").locator("span").first()).toHaveText(String(before.onTime + 1));
  await page.getByTestId("count-completed").click();
  await expect(page.getByRole("heading", { name: "Nhiệm vụ: nhiệm vụ hoàn thành" })).toBeVisible();
  const row = page.getByTestId("task-row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText("Đã xác nhận");
  await expect(row).toContainText("Đúng hạn");
  await expectAccessible(page);

  // On a phone: the tasks as cards, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const card = page.getByTestId("task-card").filter({ has: page.getByRole("link", { name: title }) });
  await expect(card).toContainText("Đã xác nhận");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});
