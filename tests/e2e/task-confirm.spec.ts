import pg from "pg";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The confirmer's day with the task register: bithu (secretary of Chi bộ thôn Đông) sees on the home page
// that results wait, opens the list, sends one back with a reason and confirms another; the cell's member
// list shows who has tasks overdue. The members' reported results are written straight into the test
// database (the register's pages, where a member reports, are another journey's), as the server's own
// commands would leave them: REPORTED, with a result and its report time.

const RUN = `E2E-xn-${Date.now().toString(36)}`;
const titles = {
  toReturn: `${RUN} Tuyên truyền nghị quyết`,
  toConfirm: `${RUN} Vận động đóng góp quỹ`,
  notDone: `${RUN} Tổ chức sinh hoạt chuyên đề`,
  mineDue: `${RUN} Chuẩn bị báo cáo chi bộ`,
  overdue: `${RUN} Nộp báo cáo tháng`,
};

const client = () => new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54331"}/app` });

/** A date `days` from today in Vietnam, `YYYY-MM-DD`. */
const day = (days: number) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

let cellId = "";
let overdueMember = { id: "", name: "" };

test.beforeAll(async () => {
  const db = client();
  await db.connect();
  try {
    const secretary = await db.query<{ memberId: string; cellId: string }>(
      `SELECT u."memberId", m."cellId" FROM "User" u JOIN "Member" m ON m.id = u."memberId" WHERE u.username = 'bithu'`,
    );
    const { memberId: secretaryMember } = secretary.rows[0];
    cellId = (await db.query<{ id: string }>(`SELECT id FROM "Organization" WHERE code = 'HU.01.04'`)).rows[0].id;
    const members = await db.query<{ id: string; fullName: string }>(
      `SELECT id, "fullName" FROM "Member" WHERE "cellId" = $1 AND status = 'ACTIVE' AND category <> 'LEADER_MANAGER' AND id <> $2 ORDER BY "cardNumber" DESC LIMIT 3`,
      [cellId, secretaryMember],
    );
    const [a, b, c] = members.rows.map((r) => r.id);
    overdueMember = { id: c, name: members.rows[2].fullName };
    const insert = (memberId: string, title: string, dueOn: string, result: Record<string, unknown>) =>
      db.query(
        `INSERT INTO "Task" (id, "subjectKind", "memberId", year, title, source, "assignedOn", "dueOn", "expectedProduct", "qualityMeasure",
                             status, outcome, "doneOn", product, "productLink", exceeded, "exceededGrounds", "notDoneReason", "forceMajeure",
                             "reportedAt", version, "updatedAt")
         VALUES (md5(random()::text), 'MEMBER', $1, $2, $3, 'Kế hoạch của chi bộ', $4, $5, 'Báo cáo', 'Đúng hạn, đủ nội dung',
                 $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, now())`,
        [
          memberId,
          Number(dueOn.slice(0, 4)),
          title,
          day(-60),
          dueOn,
          result.status,
          result.outcome ?? null,
          result.doneOn ?? null,
          result.product ?? null,
          result.productLink ?? null,
          result.exceeded ?? false,
          result.exceededGrounds ?? null,
          result.notDoneReason ?? null,
          result.forceMajeure ?? false,
          result.status === "REPORTED" ? new Date() : null,
        ],
      );
    await insert(a, titles.toReturn, day(-10), {
      status: "REPORTED",
      outcome: "DONE",
      doneOn: day(-12),
      product: "Đã tổ chức 3 buổi tuyên truyền ở nhà văn hóa thôn.",
      productLink: "https://example.org/bao-cao",
    });
    await insert(b, titles.toConfirm, day(-10), {
      status: "REPORTED",
      outcome: "DONE",
      doneOn: day(-8),
      product: "Vận động được 40 hộ đóng góp.",
      exceeded: true,
      exceededGrounds: "Kế hoạch 30 hộ, đạt 40 hộ.",
    });
    await insert(a, titles.notDone, day(-3), { status: "REPORTED", outcome: "NOT_DONE", notDoneReason: "Mưa lũ, không họp được.", forceMajeure: true });
    await insert(secretaryMember, titles.mineDue, day(2), { status: "OPEN" });
    await insert(c, titles.overdue, day(-4), { status: "OPEN" });
  } finally {
    await db.end();
  }
});

test.afterAll(async () => {
  const db = client();
  await db.connect();
  await db.query(`DELETE FROM "Task" WHERE title LIKE $1`, [`${RUN}%`]).finally(() => db.end());
});

async function statusOf(title: string) {
  const db = client();
  await db.connect();
  try {
    return (await db.query<{ status: string; returnReason: string | null }>(`SELECT status, "returnReason" FROM "Task" WHERE title = $1`, [title])).rows[0];
  } finally {
    await db.end();
  }
}

test("the secretary sees the waiting results at home, sends one back with a reason and confirms another", async ({ page }) => {
  // Five pages checked by axe on a shared 2-core machine.
  test.slow();
  await signIn(page, "bithu");
  const waiting = page.getByTestId("home-results-to-confirm");
  await expect(waiting).toContainText(/\d+ kết quả nhiệm vụ đang chờ đồng chí xác nhận/);
  const due = page.getByTestId("home-due-tasks");
  await expect(due.getByRole("link", { name: titles.mineDue })).toHaveAttribute("href", /^\/tasks\/[a-z0-9]+$/);
  await expect(due.getByRole("link", { name: "Sổ theo dõi nhiệm vụ" })).toHaveAttribute("href", "/tasks");
  await expect(due).toContainText(`Hạn ${day(2).split("-").reverse().join("/")}`);
  await expectAccessible(page);

  await waiting.getByRole("link", { name: "Xem và xác nhận" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kết quả nhiệm vụ chờ xác nhận" })).toBeVisible();
  const card = (title: string) => page.getByTestId("result-to-confirm").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(card(titles.toReturn)).toContainText("Đúng hạn");
  await expect(card(titles.toReturn).getByRole("link", { name: "Đường dẫn sản phẩm" })).toHaveAttribute("href", "https://example.org/bao-cao");
  await expect(card(titles.toConfirm)).toContainText("Trễ hạn");
  await expect(card(titles.toConfirm)).toContainText("Căn cứ vượt mức: Kế hoạch 30 hộ, đạt 40 hộ.");
  await expect(card(titles.notDone)).toContainText("Nêu lý do bất khả kháng");
  await expect(card(titles.notDone)).toContainText("Mưa lũ, không họp được.");
  await expect(card(titles.toReturn).getByRole("link", { name: titles.toReturn })).toHaveAttribute("href", /^\/tasks\/[a-z0-9]+$/);
  await expectAccessible(page);

  // Sending back needs a reason: refused without one, beside the field.
  await card(titles.toReturn).getByRole("button", { name: "Trả lại", exact: true }).click();
  const returnForm = page.getByRole("form", { name: `Trả lại kết quả «${titles.toReturn}»` });
  await returnForm.getByRole("button", { name: "Trả lại kết quả" }).click();
  await expect(returnForm.getByLabel("Lý do trả lại")).toHaveAttribute("aria-invalid", "true");
  await returnForm.getByLabel("Lý do trả lại").fill("Xin bổ sung danh sách người dự.");
  await expectAccessible(page);
  await returnForm.getByRole("button", { name: "Trả lại kết quả" }).click();
  await expect(page.getByText(`Đã trả lại kết quả «${titles.toReturn}».`)).toBeVisible();
  await expect(card(titles.toReturn)).toHaveCount(0);
  expect(await statusOf(titles.toReturn)).toEqual({ status: "RETURNED", returnReason: "Xin bổ sung danh sách người dự." });

  // Confirming asks first, then confirms what was ticked, and only that.
  await page.getByRole("checkbox", { name: new RegExp(`Chọn kết quả «${titles.toConfirm}»`) }).check();
  await expect(page.getByText("Đã chọn 1 kết quả")).toBeVisible();
  await page.getByRole("button", { name: "Xác nhận kết quả đã chọn" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Xác nhận 1 kết quả đã chọn?");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Xác nhận", exact: true }).click();
  await expect(page.getByText("Đã xác nhận 1 kết quả.")).toBeVisible();
  await expect(card(titles.toConfirm)).toHaveCount(0);
  await expect(card(titles.notDone)).toHaveCount(1);
  expect((await statusOf(titles.toConfirm)).status).toBe("CONFIRMED");
  expect((await statusOf(titles.notDone)).status).toBe("REPORTED");

  // On a phone: the same list, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(card(titles.notDone)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});

test("the cell's member list shows who has tasks overdue", async ({ page }) => {
  await signIn(page, "bithu");
  // The member may be on another page of the list: found by name.
  await page.goto(`/units/${cellId}?q=${encodeURIComponent(overdueMember.name)}`);
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="/members/${overdueMember.id}"]`) });
  await expect(row.getByTestId("member-due-tasks")).toContainText("1 quá hạn");
  await expectAccessible(page);
});
