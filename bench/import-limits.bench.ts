// The register import's limits under load, against a running server (`next start` on the demo data):
// a 1,000,000-row workbook (refused by the row cap), a zip bomb (refused by the inflated-size cap) and a
// file of 50,000 members (at the cap: checked, then written). During each, other pages are requested
// one after another; the server's peak RSS is sampled from /proc every 50 ms.
//   npx tsx bench/import-limits.bench.ts <base URL> <server pid> [--write]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { zip } from "../tests/fixtures/zip";
import { quantile, signIn } from "./lib/http";

const [base = "http://127.0.0.1:3000", pidArg] = process.argv.slice(2);
const pid = Number(pidArg);
const write = process.argv.includes("--write");

const MEMBER_HEADER = ["Số thẻ đảng viên", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức", "Mã chi bộ", "Chức vụ", "Đối tượng"];
const member = (i: number) => [
  `BN-${1_000_000 + i}`,
  `Nguyễn Văn Số ${i}`,
  "Nam",
  "01/01/1980",
  "01/01/2005",
  "",
  "HU.01.04",
  "Đảng viên",
  "Không giữ chức vụ lãnh đạo, quản lý",
];

/** A workbook of `rows` rows (made once, kept in /tmp). */
async function workbookOf(rows: number, path: string, header: string[], row: (i: number) => (string | number)[]): Promise<Buffer> {
  if (existsSync(path)) return readFileSync(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet("Đảng viên");
  ws.addRow(header).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
  return readFileSync(path);
}

/** A workbook whose one sheet is padded with `padding` spaces inside its XML, as a deflated zip. */
function zipBomb(padding: number, declare = (size: number) => size): Buffer {
  const ns = "http://schemas.openxmlformats.org";
  const parts = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Đảng viên" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
  ].map(([name, text]) => ({ name, data: Buffer.from(text) }));
  parts.push({
    name: "xl/worksheets/sheet1.xml",
    data: Buffer.concat([
      Buffer.from(`<worksheet xmlns="${ns}/spreadsheetml/2006/main">`),
      Buffer.alloc(padding, " "),
      Buffer.from("<sheetData/></worksheet>"),
    ]),
  });
  return zip(parts, declare);
}

const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function measure(label: string, cookie: string, file: Buffer, name: string, mode: "check" | "commit") {
  let peak = rss();
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
  const latencies: number[] = [];
  let running = true;
  const pages = (async () => {
    const urls = ["/", "/reports/progress", "/account"];
    for (let i = 0; running; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${urls[i % urls.length]}`, { headers: { cookie } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
    }
  })();
  const started = performance.now();
  const body = new FormData();
  body.set("file", new Blob([new Uint8Array(file)]), name);
  body.set("mode", mode);
  const res = await fetch(`${base}/reports/import/run`, { method: "POST", body, headers: { cookie, origin: base } });
  const lines = (await res.text()).trim().split("\n");
  const elapsed = performance.now() - started;
  running = false;
  await pages;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const last = JSON.parse(lines.at(-1)!) as { type: string; message?: string; plan?: { errors: unknown[]; membersNew: number; rows: number } };
  const outcome =
    last.type === "error" ? last.message : `${last.type}: ${last.plan!.rows} rows, ${last.plan!.errors.length} errors, ${last.plan!.membersNew} new`;
  console.log(
    `| ${label} | ${(file.length / 1024 / 1024).toFixed(2)} MB | ${(elapsed / 1000).toFixed(1)} s | ${Math.round(before)} → ${Math.round(peak)} MB | ${latencies.length} | ${Math.round(quantile(latencies, 0.5))} / ${Math.round(quantile(latencies, 0.95))} / ${Math.round(latencies.at(-1) ?? 0)} ms | ${outcome} |`,
  );
}

/** The same pages with no import running, for comparison (this machine is shared: its load varies). */
async function baseline(cookie: string, seconds: number) {
  const latencies: number[] = [];
  const urls = ["/", "/reports/progress", "/account"];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const t = performance.now();
    await (await fetch(`${base}${urls[i % urls.length]}`, { headers: { cookie } })).arrayBuffer();
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `| no import (baseline, ${seconds} s) | | | ${Math.round(rss())} MB | ${latencies.length} | ${Math.round(quantile(latencies, 0.5))} / ${Math.round(quantile(latencies, 0.95))} / ${Math.round(latencies.at(-1) ?? 0)} ms | |`,
  );
}

const cookie = await signIn(base, "quantri", "Demo@2024");
// A million card numbers, one column: 8 MB, inflating to 90 MB (under the inflated-size cap, so the row
// cap is what stops it).
const million = await workbookOf(1_000_000, "/tmp/register-1m.xlsx", [MEMBER_HEADER[0]], (i) => [1_000_000 + i]);
const atCap = await workbookOf(50_000, "/tmp/register-50k.xlsx", MEMBER_HEADER, member);
const bomb = zipBomb(300 * 1024 * 1024);
// The same parts, the sheet declaring 100 KB. Made before the measures: deflating 300 MB holds this
// process for seconds, and the server closes the kept-alive connection meanwhile.
const lyingBomb = zipBomb(300 * 1024 * 1024, (size) => (size > 1024 * 1024 ? 100 * 1024 : size));
writeFileSync("/tmp/register-bomb.xlsx", bomb);
console.log("| file | size | answered in | server RSS before → peak | other pages requested | their p50 / p95 / max | outcome |");
console.log("|---|---:|---:|---:|---:|---:|---|");
await baseline(cookie, 15);
await measure("1,000,000 members (.xlsx)", cookie, million, "so-1m.xlsx", "check");
await measure("zip bomb, inflating to 300 MB", cookie, bomb, "bom.xlsx", "check");
// Inflated and counted until the sheet passes its declared 100 KB.
await measure("zip bomb declaring 100 KB", cookie, lyingBomb, "bom.xlsx", "check");
await measure("50,000 members (.xlsx), check", cookie, atCap, "so-50k.xlsx", "check");
if (write) await measure("50,000 members (.xlsx), written", cookie, atCap, "so-50k.xlsx", "commit");
