import { mkdirSync } from "node:fs";
import pg from "pg";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

// The year-end review from the task register. The demo's review under way uses the register; the member
// `dangvien` gets three more tasks of the year with confirmed results (written here as the register would
// hold them: the register's own pages are another journey's), so the upper organization board turns the
// register off and on again, which recounts every record from the register. The member's self-review then
// lists the tasks and their counts, the appendix opens and downloads as PDF and .docx, and the secretary's
// facts form shows the counted numbers read-only with the verdict naming the late task.

const DB = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54331"}/app`;
/** Where the screenshots go, when asked (SHOTS=dir). */
const SHOTS = process.env.SHOTS;

const LATE = "Hoàn thiện báo cáo tổng kết mô hình dân vận khéo";
const ON_TIME = "Vận động hộ gia đình tham gia vệ sinh môi trường";
const EXCEEDED = "Kết nạp hội viên mới cho chi hội nông dân";

let memberId = "";
let recordId = "";
let year = 0;
let cycleId = "";
/** The member's year as the register counts it once the recount ran (N, C, T, X, and late), read from the database. */
let expected = { assigned: 0, completed: 0, onTime: 0, exceeded: 0, late: 0 };

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: DB });
  await client.connect();
  try {
    const { rows } = await client.query<{ memberId: string; recordId: string; year: number; cycleId: string; confirmer: string }>(
      `SELECT u."memberId", r.id AS "recordId", c.year, c.id AS "cycleId", (SELECT id FROM "User" WHERE username = 'danguy') AS confirmer
         FROM "User" u JOIN "ReviewRecord" r ON r."memberId" = u."memberId"
         JOIN "ReviewCycle" c ON c.id = r."cycleId" AND c.status IN ('SELF_REVIEW', 'DECIDING')
        WHERE u.username = 'dangvien' ORDER BY c.year LIMIT 1`,
    );
    // The review under way: the oldest cycle still open (another journey opens next year's and starts it).
    ({ memberId, recordId, year, cycleId } = rows[0]);
    const d = (month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const tasks = [
      { id: "e2e-yearend-late", title: LATE, due: d(2, 28), done: d(3, 10), exceeded: false },
      { id: "e2e-yearend-ontime", title: ON_TIME, due: d(3, 31), done: d(3, 25), exceeded: false },
      { id: "e2e-yearend-exceeded", title: EXCEEDED, due: d(6, 30), done: d(6, 20), exceeded: true },
    ];
    for (const t of tasks) {
      await client.query(
        `INSERT INTO "Task" (id, "subjectKind", "memberId", year, title, source, "assignedOn", "dueOn", "expectedProduct", "qualityMeasure",
                             status, outcome, "doneOn", product, "productLink", exceeded, "exceededGrounds", "reportedAt", "confirmedAt", "confirmedById", "updatedAt")
         VALUES ($1, 'MEMBER', $2, $3, $4, 'Nghị quyết chi bộ tháng 1', $5, $6, 'Báo cáo bằng văn bản', 'Đúng nội dung, đúng hạn',
                 'CONFIRMED', 'DONE', $7, 'Báo cáo đã nộp chi bộ', 'https://example.vn/san-pham', $8, $9, now(), now(), $10, now())
         ON CONFLICT (id) DO NOTHING`,
        [t.id, memberId, year, t.title, d(1, 5), t.due, t.done, t.exceeded, t.exceeded ? "Vượt 50% chỉ tiêu được giao" : null, rows[0].confirmer],
      );
    }
    const { rows: counts } = await client.query<typeof expected>(
      `SELECT count(*)::int AS assigned,
              (count(*) FILTER (WHERE status = 'CONFIRMED' AND outcome = 'DONE'))::int AS completed,
              (count(*) FILTER (WHERE status = 'CONFIRMED' AND outcome = 'DONE' AND "doneOn" <= "dueOn"))::int AS "onTime",
              (count(*) FILTER (WHERE status = 'CONFIRMED' AND outcome = 'DONE' AND exceeded))::int AS exceeded,
              (count(*) FILTER (WHERE status = 'CONFIRMED' AND outcome = 'DONE' AND "doneOn" > "dueOn"))::int AS late
         FROM "Task" WHERE "memberId" = $1 AND year = $2`,
      [memberId, year],
    );
    expected = counts[0];
  } finally {
    await client.end();
  }
});

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()!.width}.png`, fullPage: true });
}

test("under a register cycle, the year-end review counts and names the member's tasks", async ({ page }) => {
  // Four accounts, six pages each checked by axe, two downloads: longer than a one-page journey.
  test.setTimeout(300_000);
  // The upper organization board turns the register off and on again, after a confirmation each time:
  // turned on, it recounts every record of the cycle from the register.
  await signIn(page, "bantochuc");
  // The review under way, by its id: another journey opens next year's review beside it.
  await page.goto(`/cycles/${cycleId}`);
  const register = page.getByTestId("task-register-switch");
  await expect(register.getByTestId("task-register-state")).toHaveText(/Đang dùng/);
  await expectAccessible(page);
  await register.getByRole("button", { name: "Tắt" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Tắt" }).click();
  await expect(register.getByTestId("task-register-state")).toHaveText(/Chưa dùng/);
  await register.getByRole("button", { name: "Bật" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Bật" }).click();
  await expect(register.getByText(/Đã bật sổ theo dõi nhiệm vụ; \d+ hồ sơ được tính lại\./)).toBeVisible();
  await expect(register.getByTestId("task-register-state")).toHaveText(/Đang dùng/);
  await signOut(page);

  // The member's self-review lists the year's tasks and the counts.
  await signIn(page, "dangvien");
  await page.goto(`/reviews/${recordId}`);
  const list = page.getByTestId("year-task-list");
  const { assigned, completed, onTime, exceeded } = expected;
  await expect(list).toContainText(
    `${assigned} nhiệm vụ đến hạn trong năm ${year}, ${completed} đã được xác nhận hoàn thành (${onTime} đúng hạn, ${exceeded} vượt yêu cầu)`,
  );
  for (const title of [LATE, ON_TIME, EXCEEDED]) await expect(list.getByRole("link", { name: title })).toBeVisible();
  await expect(list.getByRole("row", { name: new RegExp(LATE) }).getByText("Chậm")).toBeVisible();
  await expectAccessible(page);

  // The appendix: one row per task, printable, and its PDF and .docx.
  await page.getByRole("link", { name: "Phụ lục kết quả thực hiện nhiệm vụ" }).click();
  const appendix = page.getByTestId("task-appendix");
  await expect(appendix.getByRole("heading", { level: 1 })).toHaveText(`PHỤ LỤC VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM ${year}`);
  await expect(appendix.getByRole("row", { name: new RegExp(EXCEEDED) })).toContainText("Có: Vượt 50% chỉ tiêu được giao");
  await expect(appendix.getByRole("row", { name: new RegExp(LATE) })).toContainText("Chậm");
  await expect(appendix).toContainText("Bùi Đức Thuận");
  await expectAccessible(page);
  await shot(page, "appendix");
  for (const [testId, type, magic] of [
    ["task-appendix-pdf", "application/pdf", "%PDF"],
    ["task-appendix-docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
  ] as const) {
    const href = await appendix.getByTestId(testId).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(type);
    expect((await response.body()).subarray(0, magic.length).toString()).toBe(magic);
  }
  const download = page.waitForEvent("download");
  await appendix.getByTestId("task-appendix-pdf").click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await signOut(page);

  // The secretary's facts form: the numbers as the register counted them, each linking to its tasks,
  // and the verdict naming the late task under its reason.
  await signIn(page, "bithu");
  await page.goto(`/members/${memberId}/rating`);
  const counted = page.getByTestId("register-task-facts");
  await expect(counted).toContainText(`Tính từ sổ theo dõi nhiệm vụ: ${expected.assigned} nhiệm vụ đến hạn trong năm ${year}`);
  await expect(counted.getByTestId("register-late")).toHaveAttribute("href", `/members/${memberId}/tasks?year=${year}&show=late#task-list`);
  await expect(page.getByRole("spinbutton", { name: "Số nhiệm vụ được giao" })).toHaveCount(0);
  // Full marks on every item of the sheet: then only the tasks cap the level.
  for (const group of ["I. Nhóm tiêu chí chung", "II. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ"]) {
    const inputs = page.getByRole("group", { name: group }).getByRole("spinbutton");
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill((await inputs.nth(i).getAttribute("max"))!);
  }
  const verdict = page.getByRole("region", { name: "Theo quy định xếp loại" });
  await expect(verdict.getByText("Tổng điểm: 100/100")).toBeVisible();
  await expect(verdict.getByTestId("task-cap-lines").filter({ hasText: "hoàn thành chậm" })).toHaveText(
    new RegExp(`^${expected.late}/${expected.assigned} nhiệm vụ hoàn thành chậm: .*${LATE}`),
  );
  await expectAccessible(page);
  await shot(page, "facts-form");
  await verdict.scrollIntoViewIfNeeded();
  if (SHOTS) await verdict.screenshot({ path: `${SHOTS}/verdict-panel-1280.png` });

  // Once on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("register-task-facts")).toBeVisible();
  for (const group of ["I. Nhóm tiêu chí chung", "II. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ"]) {
    const inputs = page.getByRole("group", { name: group }).getByRole("spinbutton");
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill((await inputs.nth(i).getAttribute("max"))!);
  }
  await expect(verdict.getByTestId("task-cap-lines").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await shot(page, "facts-form");
  if (SHOTS) await verdict.screenshot({ path: `${SHOTS}/verdict-panel-390.png` });
  if (SHOTS) {
    await page.goto(`/members/${memberId}/tasks/appendix?year=${year}`);
    await expect(page.getByTestId("task-appendix")).toBeVisible();
    await shot(page, "appendix");
  }
});
