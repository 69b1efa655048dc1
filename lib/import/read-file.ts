import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { toSearchKey } from "@/lib/text/search";
import { MAX_CSV_RECORD_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./limits";
import { MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET, type Cell, type RawSheet } from "./register";
import { checkZip, ZipRefusedError } from "./zip-check";

// Reads a register file into raw sheets: an .xlsx workbook (the sheets "Tổ chức đảng" and "Đảng viên",
// found by name or else by their headers) or a CSV file of either table (told apart by its header).
// Both are read as streams, row by row, and stop at the first row past MAX_IMPORT_ROWS; a workbook is
// first checked by checkZip, so nothing inflates past MAX_INFLATED_BYTES. It runs in a worker thread
// (lib/import/read-worker.ts), away from the requests of the server.

export class UnreadableFileError extends Error {}

const isMemberHeader = (header: string[]) => header.some((h) => toSearchKey(h) === toSearchKey(MEMBER_COLUMNS.card));
const isOrgHeader = (header: string[]) => header.some((h) => toSearchKey(h) === toSearchKey(ORG_COLUMNS.code)) && !isMemberHeader(header);

const tooManyRows = () =>
  new UnreadableFileError(
    `tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng. Xin chia sổ thành nhiều tệp (ví dụ mỗi đảng bộ cơ sở một tệp) rồi nhập lần lượt.`,
  );

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return String(value);
}

const hasContent = (cells: Cell[]) => cells.some((c) => c !== null && String(c).trim() !== "");

async function readCsv(bytes: Buffer, filename: string): Promise<RawSheet[]> {
  const start = bytes
    .subarray(0, 64 * 1024)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const firstLine = start.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: MAX_CSV_RECORD_CHARS });
  // The bytes go in by chunks, so the parser's own buffers stay small and the row cap stops it early.
  const chunks = (function* () {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  })();
  const sheet: RawSheet = { name: filename, header: [], rows: [] };
  let line = 0;
  try {
    for await (const record of Readable.from(chunks).pipe(parser) as AsyncIterable<string[]>) {
      line++;
      const cells = record.slice(0, MAX_IMPORT_COLUMNS);
      if (line === 1) sheet.header = cells;
      else {
        if (sheet.rows.length >= MAX_IMPORT_ROWS) throw tooManyRows();
        sheet.rows.push({ row: line, cells });
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`CSV: ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
  return [sheet];
}

async function readXlsx(bytes: Buffer): Promise<RawSheet[]> {
  try {
    await checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipRefusedError) throw new UnreadableFileError(error.message);
    throw error;
  }
  const sheets: RawSheet[] = [];
  let rows = 0;
  try {
    // Styles are read for the dates (a date cell is a number with a date format); hyperlinks are not.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      entries: "ignore",
    });
    for await (const ws of reader) {
      // The reader names each sheet from the workbook's index (its type declarations leave the name out).
      const sheet: RawSheet = { name: (ws as unknown as { name: string }).name, header: [], rows: [] };
      sheets.push(sheet);
      for await (const row of ws) {
        const cells = ((row.values as ExcelJS.CellValue[]) ?? []).slice(1, MAX_IMPORT_COLUMNS + 1).map(cellValue);
        if (row.number === 1) sheet.header = cells.map((v) => String(v ?? "").trim());
        else if (hasContent(cells)) {
          if (++rows > MAX_IMPORT_ROWS) throw tooManyRows();
          sheet.rows.push({ row: row.number, cells });
        }
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`xlsx: ${(error as Error).message}`);
  }
  return sheets;
}

/** Every sheet of an .xlsx workbook, or the one table of a CSV file, as raw rows (within the import's limits). */
export async function readSheets(bytes: Buffer, filename: string): Promise<RawSheet[]> {
  if (/\.csv$/i.test(filename)) return readCsv(bytes, filename);
  if (/\.xlsx$/i.test(filename)) return readXlsx(bytes);
  throw new UnreadableFileError("Chỉ nhận tệp .xlsx hoặc .csv.");
}

export async function readRegisterFile(bytes: Buffer, filename: string): Promise<{ organizations: RawSheet | null; members: RawSheet | null }> {
  const sheets = await readSheets(bytes, filename);

  const byName = (name: string) => sheets.find((s) => toSearchKey(s.name) === toSearchKey(name));
  const organizations = byName(ORG_SHEET) ?? sheets.find((s) => isOrgHeader(s.header)) ?? null;
  const members = byName(MEMBER_SHEET) ?? sheets.find((s) => isMemberHeader(s.header)) ?? null;
  return { organizations, members };
}
