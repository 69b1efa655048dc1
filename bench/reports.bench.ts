// Benchmark of what the upper committee sees (not a test): the use cases behind the progress board, the
// statistics, the quota compliance and the lists, timed as the server runs them (their SQL and the
// arithmetic, without HTML); the member list's .xlsx export of the viewer's whole scope (time, peak
// memory); and an import of 10,000 register rows (check, write, and the same file again).
//
//   npm run bench:reports                     on the database of `npm start` (the demo district)
//   EMBEDDED_PG_DIR=.data/pg-bench EMBEDDED_PG_PORT=54339 npm run bench:reports -- --province
//   options: --runs N (default 20)  --no-export  --no-import (the import writes 10,000 members)
//
// Run through the launcher (the npm script does), which sets DATABASE_URL; `--conditions=react-server`
// lets lib/data load outside Next.
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/review/permissions";
import { loadActor } from "../lib/data/actors";
import { db } from "../lib/data/db";
import { getProgressBoard } from "../lib/data/progress";
import { getQuotaCompliance } from "../lib/data/quota-compliance";
import { getRecognition } from "../lib/data/recognition";
import { getStatistics } from "../lib/data/statistics";
import { exportTable } from "../lib/exports/report-sheets";
import { runImport, type ImportEvent } from "../lib/data/import-run";
import { quantile } from "./lib/http";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 20;
const PROVINCE = args.includes("--province");

async function actor(username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadActor(user.id))!;
}

async function time(label: string, run: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 2) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`| ${label} | ${quantile(samples, 0.5).toFixed(0)} ms | ${quantile(samples, 0.95).toFixed(0)} ms |`);
}

async function main() {
  const top = await actor(PROVINCE ? "quantri" : "bantochuc");
  const district = await actor("bantochuc");
  const grassroots = await actor("danguy");
  const cell = await db.organization.findFirstOrThrow({ where: { name: "Chi bộ thôn Tây" }, select: { id: true } });
  const topName = PROVINCE ? "province (quantri)" : "district (bantochuc)";

  console.log(
    `\n${PROVINCE ? "Province" : "Demo district"}: ${await db.member.count()} members, ${await db.organization.count()} organizations, ${RUNS} runs after 2 warm-ups\n`,
  );
  console.log("| use case | median | p95 |\n|---|---:|---:|");
  await time(`progress board, ${topName}`, () => getProgressBoard(top, {}));
  await time(`statistics, ${topName}`, () => getStatistics(top, {}));
  await time(`quota compliance, ${topName}`, () => getQuotaCompliance(top, {}));
  await time(`recognition lists, ${topName}`, () => getRecognition(top, {}));
  if (PROVINCE) {
    await time("progress board, district (bantochuc)", () => getProgressBoard(district, {}));
    await time("statistics, district (bantochuc)", () => getStatistics(district, {}));
  }
  await time("progress board, grassroots (danguy)", () => getProgressBoard(grassroots, {}));
  await time("progress board, a cell and its members (bantochuc)", () => getProgressBoard(district, { unit: cell.id }));

  if (!args.includes("--no-export")) {
    const admin = await actor(PROVINCE ? "quantri" : "bantochuc");
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const response = await exportTable(admin, "members", {});
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    console.log(
      `\nMember list to .xlsx (${topName}): ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB file, peak RSS ${(peak / 1e6).toFixed(0)} MB (${((peak - rss0) / 1e6).toFixed(0)} MB above the ${(rss0 / 1e6).toFixed(0)} MB before)`,
    );
  }

  if (!args.includes("--no-import")) {
    const admin = await actor("quantri");
    const parent = await db.organization.findFirstOrThrow({
      where: { kind: "UPPER_COMMITTEE", parentId: PROVINCE ? { not: null } : null },
      orderBy: { code: "asc" },
      select: { code: true },
    });
    const bytes = await registerFile(parent.code, 10_000);
    for (const mode of ["check", "commit", "commit"] as const) {
      const events: ImportEvent[] = [];
      const t0 = performance.now();
      await runImport(admin, { name: "bench.xlsx", bytes }, mode, (e) => events.push(e));
      const result = events.find((e) => e.type === "result");
      if (!result || result.type !== "result" || result.plan.errors.length) throw new Error(JSON.stringify(events.at(-1)).slice(0, 500));
      const p = result.plan;
      console.log(
        `Import of 10,000 members and 21 organizations, ${mode}${mode === "commit" && !result.written ? " (the same file again)" : ""}: ${((performance.now() - t0) / 1000).toFixed(1)} s — new ${p.membersNew + p.orgsNew}, unchanged ${p.unchanged}, progress events ${events.length}`,
      );
    }
  }
  await db.$disconnect();
}

/** A register file: one grassroots organization under `parent`, 20 cells, `members` members. */
async function registerFile(parent: string, members: number): Promise<Buffer> {
  const tag = `B${Date.now().toString(36).toUpperCase()}`;
  const wb = new ExcelJS.Workbook();
  const orgs = wb.addWorksheet("Tổ chức đảng");
  orgs.addRow(["Mã tổ chức", "Tên tổ chức", "Loại tổ chức", "Lĩnh vực", "Mã tổ chức cấp trên", "Ngày thành lập"]);
  orgs.addRow([`${parent}.${tag}`, `Đảng bộ Khu công nghiệp ${tag}`, "Đảng bộ cơ sở", "Doanh nghiệp", parent, "01/01/2010"]);
  for (let c = 1; c <= 20; c++)
    orgs.addRow([`${parent}.${tag}.${c}`, `Chi bộ Phân xưởng ${c}`, "Chi bộ trực thuộc", "Doanh nghiệp", `${parent}.${tag}`, "01/01/2011"]);
  const ws = wb.addWorksheet("Đảng viên");
  ws.addRow([
    "Số thẻ đảng viên",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Mã chi bộ",
    "Chức vụ",
    "Đối tượng",
    "Công chức, viên chức",
    "Tình trạng",
  ]);
  const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
  const given = ["Văn An", "Thị Bình", "Minh Cường", "Thị Dung", "Đức Em", "Thị Giang", "Quốc Hùng", "Thị Lan"];
  for (let i = 0; i < members; i++) {
    ws.addRow([
      `${tag}-${String(i).padStart(5, "0")}`,
      `${family[i % 8]} ${given[(i >> 3) % 8]}`,
      i % 2 ? "Nữ" : "Nam",
      new Date(Date.UTC(1970 + (i % 30), i % 12, 1 + (i % 28))),
      new Date(Date.UTC(2000 + (i % 20), (i + 3) % 12, 2)),
      null,
      `${parent}.${tag}.${1 + (i % 20)}`,
      "",
      "Ngoài hệ thống chính trị",
      "Không",
      "Đang sinh hoạt",
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
