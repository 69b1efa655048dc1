import "server-only";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { toSearchKey } from "@/lib/text/search";
import { MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET, type Cell, type RawSheet } from "./register";

// Reads a register file into raw sheets: an .xlsx workbook (the sheets "Tổ chức đảng" and "Đảng viên",
// found by name or else by their headers) or a CSV file of either table (told apart by its header).

export class UnreadableFileError extends Error {}

const isMemberHeader = (header: string[]) => header.some((h) => toSearchKey(h) === toSearchKey(MEMBER_COLUMNS.card));
const isOrgHeader = (header: string[]) => header.some((h) => toSearchKey(h) === toSearchKey(ORG_COLUMNS.code)) && !isMemberHeader(header);

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

export async function readRegisterFile(bytes: Buffer, filename: string): Promise<{ organizations: RawSheet | null; members: RawSheet | null }> {
  const sheets: RawSheet[] = [];
  if (/\.csv$/i.test(filename)) {
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
    let records: string[][];
    try {
      records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
    } catch (error) {
      throw new UnreadableFileError(`CSV: ${(error as Error).message}`);
    }
    const [header = [], ...rest] = records;
    sheets.push({ name: filename, header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) });
  } else if (/\.xlsx$/i.test(filename)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new UnreadableFileError(`xlsx: ${(error as Error).message}`);
    }
    for (const ws of workbook.worksheets) {
      const header = ((ws.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map((v) => String(cellValue(v) ?? "").trim());
      const rows: RawSheet["rows"] = [];
      ws.eachRow({ includeEmpty: false }, (row, number) => {
        if (number === 1) return;
        const cells = ((row.values as ExcelJS.CellValue[]) ?? []).slice(1).map(cellValue);
        if (cells.some((c) => c !== null && String(c).trim() !== "")) rows.push({ row: number, cells });
      });
      sheets.push({ name: ws.name, header, rows });
    }
  } else throw new UnreadableFileError("Chỉ nhận tệp .xlsx hoặc .csv.");

  const byName = (name: string) => sheets.find((s) => toSearchKey(s.name) === toSearchKey(name));
  const organizations = byName(ORG_SHEET) ?? sheets.find((s) => isOrgHeader(s.header)) ?? null;
  const members = byName(MEMBER_SHEET) ?? sheets.find((s) => isMemberHeader(s.header)) ?? null;
  return { organizations, members };
}
