// Benchmark of the task import (not a test): a grassroots committee (`danguy`) imports a file of 10,000
// tasks for the members and cells of its commune, with the year's cycle counting the register, so each
// touched record's task facts are recounted in the same command. Prints the time of the preview (the
// file read in the import's worker thread, every row checked) and of the import (checked again, created,
// recounted, audited), the same file again (adds nothing), and the .xlsx export of the commune's year.
//
//   npm run bench:task-import                     options: --tasks N (10,000)
//
// It runs on a throw-away embedded database of its own (.data/pg-bench-tasks on port 54374;
// EMBEDDED_PG_DIR and EMBEDDED_PG_PORT move it), wiped and seeded with the demo district in-process by
// the seed's generator and writer.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { portInUse } from "./lib/http";

const args = process.argv.slice(2);
const TASKS = Number(args[args.indexOf("--tasks") + 1]) || 10_000;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
const log = (message: string) => console.error(`[bench:task-import] ${message}`);

async function launch(): Promise<number> {
  if (process.env.DATABASE_URL) fail("bench:task-import runs on its own embedded database; unset DATABASE_URL.");
  const dir = path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/pg-bench-tasks");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54374);
  if (await portInUse(port)) fail(`port ${port} is in use: stop what listens there, or set EMBEDDED_PG_PORT.`);
  fs.rmSync(dir, { recursive: true, force: true });
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  // react-server: lib/data is server-only, as under Next.
  const result = spawnSync(process.execPath, ["scripts/with-db.mjs", "--", tsx, "--conditions=react-server", "bench/task-import.bench.ts", ...args], {
    stdio: "inherit",
    env: { ...process.env, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port), BENCH_TASKS_CHILD: "1" },
  });
  return result.status ?? 1;
}

async function main() {
  const { db } = await import("../lib/data/db");
  const { writeDistrict } = await import("../lib/demo/seed-writer");
  const { buildDistrict } = await import("../lib/demo/district");
  const { loadActor } = await import("../lib/data/actors");
  const { runTaskImport } = await import("../lib/data/task-import");
  const { exportTasks } = await import("../lib/exports/task-sheets");
  const { TASK_COLUMNS, TASK_SHEET } = await import("../lib/import/tasks");
  const { reviewYearOn } = await import("../lib/review/calendar");
  type TaskImportEvent = import("../lib/data/task-import").TaskImportEvent;

  const year = reviewYearOn(new Date());
  let t0 = performance.now();
  await writeDistrict(db, buildDistrict({ currentYear: year }));
  log(`district written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.reviewCycle.updateMany({ where: { year }, data: { options: { taskRegister: true } } });

  const user = await db.user.findUniqueOrThrow({ where: { username: "danguy" }, select: { id: true, roleAssignments: { select: { organizationId: true } } } });
  const actor = (await loadActor(user.id))!;
  const commune = user.roleAssignments[0].organizationId;
  const inCommune = { ancestors: { some: { ancestorId: commune } } };
  const [members, cells] = await Promise.all([
    db.member.findMany({ where: { cell: inCommune }, orderBy: { cardNumber: "asc" }, select: { cardNumber: true } }),
    db.organization.findMany({ where: { ...inCommune, id: { not: commune } }, orderBy: { code: "asc" }, select: { code: true } }),
  ]);
  const subjects = [...members.map((m) => m.cardNumber), ...cells.map((c) => c.code)];

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TASK_SHEET);
  ws.addRow(Object.values(TASK_COLUMNS));
  for (let i = 0; i < TASKS; i++) {
    const month = i % 12;
    ws.addRow([
      subjects[i % subjects.length],
      `Nhiệm vụ kế hoạch số ${i + 1}: vận động hộ dân tham gia mô hình`,
      "Kế hoạch công tác năm của chi bộ",
      new Date(Date.UTC(year, 0, 2 + (i % 20))),
      new Date(Date.UTC(year, month, 28)),
      "Biên bản, danh sách hộ tham gia, báo cáo kết quả",
      "Đúng hạn, đủ số lượng, được nhân dân đồng tình",
    ]);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  console.log(
    `\nTask import: ${TASKS.toLocaleString("en")} tasks for ${subjects.length} members and cells of one commune (${(bytes.length / 1e6).toFixed(1)} MB file)\n`,
  );
  console.log("| step | time | result |\n|---|---:|---|");

  for (const [mode, label] of [
    ["check", "preview (read in the worker, every row checked)"],
    ["commit", "import (checked again, created, facts recounted, audited)"],
    ["commit", "the same file again (adds nothing)"],
  ] as const) {
    const events: TaskImportEvent[] = [];
    // When each phase ended (read, check, write): the last event of the phase.
    const ends = new Map<string, number>();
    t0 = performance.now();
    await runTaskImport(actor, { name: "bench.xlsx", bytes }, mode, (e) => {
      events.push(e);
      if (e.type === "progress") ends.set(e.phase, performance.now() - t0);
    });
    const seconds = (performance.now() - t0) / 1000;
    const result = events.at(-1)!;
    if (result.type !== "result" || result.plan.errors.length) fail(JSON.stringify(result).slice(0, 500));
    const phases = [...ends].map(([phase, at]) => `${phase} ${(at / 1000).toFixed(2)}`).join(", ");
    console.log(`| ${label} | ${seconds.toFixed(2)} s (phases end at: ${phases} s) | ${result.plan.created} new, ${result.plan.unchanged} already there |`);
  }
  const facts = await db.auditLog.count({ where: { action: "record.taskFacts" } });
  t0 = performance.now();
  const response = await exportTasks(actor, { unit: commune, year });
  const exported = (await response.arrayBuffer()).byteLength;
  console.log(`| export of the commune's year to .xlsx | ${((performance.now() - t0) / 1000).toFixed(2)} s | ${(exported / 1e6).toFixed(1)} MB |`);
  console.log(`\nRecords recounted (record.taskFacts audit rows): ${facts}`);
  await db.$disconnect();
}

if (process.env.BENCH_TASKS_CHILD) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  launch().then((code) => process.exit(code));
}
