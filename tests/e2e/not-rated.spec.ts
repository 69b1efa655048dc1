import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

// "Không xếp loại" as the guidance allows: the secretary opens a member's record from the cell's list and
// asks to leave it unrated as a new member — refused on screen, the member's admission date says six
// months have passed. Another reason goes up as the cell's proposal (shown as awaiting the committee, in
// the record's history too); taken back with why; proposed again, the grassroots committee turns it down
// on its desk with its grounds. The record ends as it began (still writing).

test("not rated only as the guidance allows: a refused reason, the cell's proposal, the committee's ruling", async ({ page }) => {
  test.slow();
  await signIn(page, "bithu");
  await page.getByRole("link", { name: "Bản kiểm điểm của chi bộ" }).click();
  const row = page.getByRole("row").filter({ hasText: "Chưa nộp bản kiểm điểm" }).last();
  const name = (await row.getByRole("link").first().textContent())!.trim();
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bản kiểm điểm cá nhân năm \d{4}$/ })).toBeVisible();
  const recordUrl = page.url();

  // A reason of the regulation the member's record contradicts: refused, with the dates that say why.
  const card = page.getByRole("region", { name: "Không xếp loại", exact: true });
  await card.getByLabel("Mới kết nạp chưa đủ 6 tháng").check();
  await card.getByLabel("Căn cứ, ghi chú").fill("Kết nạp ngày 20/08, chưa đủ 6 tháng đến ngày xếp loại.");
  await card.getByRole("button", { name: "Không xếp loại" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Không xếp loại" }).click();
  await expect(card.getByTestId("form-error")).toContainText(`Không ghi được “không xếp loại” cho ${name}`);
  await expect(card.getByTestId("form-error")).toContainText("đã đủ 6 tháng tính đến ngày xếp loại");
  await expectAccessible(page);

  // Another reason: the cell's proposal, awaiting the grassroots committee.
  await card.getByLabel("Lý do khác").check();
  await card.getByLabel("Căn cứ, ghi chú").fill("Đi lao động ở nước ngoài từ tháng 3.");
  await card.getByRole("button", { name: "Không xếp loại" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Lý do khác");
  await dialog.getByRole("button", { name: "Không xếp loại" }).click();
  await expect(page.getByTestId("not-rated-reason")).toHaveText("Không xếp loại — Lý do khác. Đây là đề xuất của chi bộ, chờ cấp ủy cơ sở xác nhận.");
  const history = page.getByRole("region", { name: "Lịch sử hồ sơ", exact: true });
  await expect(history).toContainText("Lý do không xếp loại: Lý do khác");
  await expect(history).toContainText("Đi lao động ở nước ngoài");
  await expectAccessible(page);

  // Taken back: a reason is required first.
  const back = page.getByRole("region", { name: "Đưa trở lại kiểm điểm, xếp loại", exact: true });
  await back.getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await expect(back.getByText("Không được để trống.")).toBeVisible();
  await back.getByLabel("Lý do đưa trở lại").fill("Cần trao đổi thêm với cấp ủy.");
  await back.getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đưa trở lại xếp loại" }).click();
  await expect(page.getByTestId("not-rated-reason")).toHaveCount(0);
  await expect(history).toContainText("Đưa trở lại kiểm điểm, xếp loại");

  // Proposed again; the committee turns it down on its desk, with its grounds.
  const again = page.getByRole("region", { name: "Không xếp loại", exact: true });
  await again.getByLabel("Lý do khác").check();
  await again.getByLabel("Căn cứ, ghi chú").fill("Đi lao động ở nước ngoài từ tháng 3.");
  await again.getByRole("button", { name: "Không xếp loại" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Không xếp loại" }).click();
  await expect(page.getByTestId("not-rated-reason")).toContainText("chờ cấp ủy cơ sở xác nhận");
  await signOut(page);

  await signIn(page, "danguy");
  await page.getByRole("link", { name: "Quyết định xếp loại" }).click();
  const proposals = page.getByTestId("not-rated-proposals");
  const proposal = proposals.getByRole("article", { name: new RegExp(name) });
  await expect(proposal).toContainText("Căn cứ chi bộ ghi: Đi lao động ở nước ngoài từ tháng 3.");
  await expectAccessible(page);
  await proposal.getByLabel(`Căn cứ của cấp ủy (${name})`).fill("Vẫn liên hệ được; đề nghị kiểm điểm bằng văn bản.");
  await proposal.getByRole("button", { name: "Không đồng ý" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Không đồng ý" }).click();
  await expect(proposals.getByRole("article", { name: new RegExp(name) })).toHaveCount(0);

  await page.goto(recordUrl);
  await expect(page.getByTestId("not-rated-reason")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Lịch sử hồ sơ", exact: true })).toContainText("Cấp ủy cơ sở không đồng ý để không xếp loại");
});
