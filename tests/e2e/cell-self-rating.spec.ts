import { expect, expectAccessible, signIn, test } from "./fixtures";

// The cell's own rating under Quy định 366 (Mẫu 01): the secretary sees what the app already knows of the
// cell's committee, scores the cell item by item on the cycle's sheet (an item above its points is refused
// beside it; a missing item leaves no total and no level), writes the report in the form's sections,
// records the proposal, and downloads the report as printed.

test("the secretary scores the cell item by item, writes its Mẫu 01 report and prints it", async ({ page }) => {
  test.slow();
  await signIn(page, "bithu2");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  const form = page.getByRole("form", { name: "Chi bộ tự đánh giá, đề xuất mức xếp loại" });
  await expect(form).toBeVisible();
  // What the app derives, with where it comes from: nothing to type again.
  const derived = form.getByTestId("derived-facts");
  await expect(derived).toContainText("Theo dữ liệu trong hệ thống");
  await expect(derived).toContainText("Không có thành viên cấp ủy bị kỷ luật trong năm theo hồ sơ đảng viên.");
  await expectAccessible(page);

  // An item above its points is refused by the server, beside the item, and nothing is saved.
  const first = form.getByLabel(/^Xây dựng, chỉnh đốn Đảng và hệ thống chính trị/);
  const kept = await first.inputValue();
  await first.fill("5.5");
  await form.getByRole("button", { name: "Ghi đề xuất của chi bộ" }).click();
  await expect(form.getByText("Điểm phải từ 0 đến điểm tối đa của mục, nhiều nhất một chữ số thập phân.")).toBeVisible();
  await expectAccessible(page);

  // An empty item: no total, so the rules say no level can be set yet.
  await first.fill("");
  await expect(form.getByTestId("collective-total")).toHaveText("Chưa chấm đủ các tiêu chí: chưa có tổng điểm, chưa thể đề xuất mức xếp loại.");
  await expect(form).toContainText("Chưa có tổng điểm đánh giá theo thang điểm 100 nên chưa thể xếp loại chất lượng.");
  await first.fill(kept || "4.5");
  await expect(form.getByTestId("collective-total")).toHaveText(/^Tổng điểm: [\d,]+\/100$/);

  // The report in Mẫu 01's sections, recorded with the proposal the rules allow.
  await form.getByText("A. Nội dung kiểm điểm (Mẫu 01)").click();
  await form
    .getByLabel("I.2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ trong năm")
    .fill("Chi bộ lãnh đạo hoàn thành các chỉ tiêu của thôn; xây dựng xong nhà văn hóa.");
  await form.getByLabel("II. Hạn chế, khuyết điểm và nguyên nhân").fill("Sinh hoạt chuyên đề chưa đều.");
  await form.getByRole("button", { name: "Ghi đề xuất của chi bộ" }).click();
  await expect(form.getByText("Đã ghi.")).toBeVisible();

  await page.reload();
  await page.getByRole("form", { name: "Chi bộ tự đánh giá, đề xuất mức xếp loại" }).getByText("A. Nội dung kiểm điểm (Mẫu 01)").click();
  await expect(page.getByLabel("I.2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ trong năm")).toHaveValue(/xây dựng xong nhà văn hóa/);

  // The report as printed: a PDF the secretary downloads.
  const href = await page.getByTestId("collective-report-pdf").getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  await expectAccessible(page);
});
