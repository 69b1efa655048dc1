import "server-only";
import { streamWorkbook, type Sheet } from "@/lib/office/workbook";
import { CATEGORIES, GENDERS, KINDS, MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET, SECTORS, STATUSES } from "./register";

// The template of the register file: the two sheets with their headers and an example row each, and a
// sheet saying what each column takes (docs/import.md says the same).

type Row = (string | Date | null)[];
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function registerTemplate(): ReadableStream<Uint8Array> {
  const orgHeaders = Object.values(ORG_COLUMNS);
  const memberHeaders = Object.values(MEMBER_COLUMNS);
  const sheet = (name: string, headers: string[], rows: Row[], dates: number[]): Sheet<never> =>
    ({
      name,
      columns: headers.map((header, i) => ({ header, type: dates.includes(i) ? "date" : "text", width: dates.includes(i) ? 14 : 26, value: (r: Row) => r[i] })),
      rows,
    }) as unknown as Sheet<never>;
  const list = (table: Record<string, unknown>) => Object.keys(table).join("; ");
  return streamWorkbook([
    sheet(
      ORG_SHEET,
      orgHeaders,
      [
        ["HU.90", "Đảng bộ xã Mẫu", "Đảng bộ cơ sở", "Xã, phường, đặc khu", "HU", at("1990-03-02")],
        ["HU.90.01", "Chi bộ thôn Một", "Chi bộ trực thuộc", "Khu dân cư", "HU.90", at("1992-05-10")],
      ],
      [5],
    ),
    sheet(
      MEMBER_SHEET,
      memberHeaders,
      [
        [
          "90.000001",
          "Nguyễn Văn Mẫu",
          "Nam",
          at("1980-01-15"),
          at("2005-05-19"),
          at("2006-05-19"),
          "HU.90.01",
          "Trưởng thôn",
          "Ngoài hệ thống chính trị",
          "Không",
          "Đang sinh hoạt",
          "",
        ],
      ],
      [3, 4, 5],
    ),
    sheet(
      "Hướng dẫn",
      ["Cột", "Bắt buộc", "Giá trị"],
      [
        [ORG_COLUMNS.code, "Có", "Mã duy nhất của tổ chức (chữ không dấu, số, dấu chấm)"],
        [ORG_COLUMNS.kind, "Có", list(KINDS)],
        [ORG_COLUMNS.sector, "Có", list(SECTORS)],
        [ORG_COLUMNS.parent, "Có", "Mã của tổ chức cấp trên (đã có trong hệ thống hoặc ở dòng khác của tệp)"],
        [ORG_COLUMNS.established, "Có", "dd/mm/yyyy"],
        [MEMBER_COLUMNS.card, "Có", "Số thẻ đảng viên, duy nhất"],
        [MEMBER_COLUMNS.gender, "Có", list(GENDERS)],
        [MEMBER_COLUMNS.birth, "Có", "dd/mm/yyyy"],
        [MEMBER_COLUMNS.admitted, "Có", "dd/mm/yyyy"],
        [MEMBER_COLUMNS.official, "Không", "dd/mm/yyyy; để trống khi còn dự bị"],
        [MEMBER_COLUMNS.cell, "Có", "Mã chi bộ cơ sở hoặc chi bộ trực thuộc nơi đảng viên sinh hoạt"],
        [MEMBER_COLUMNS.category, "Có", list(CATEGORIES)],
        [MEMBER_COLUMNS.civilServant, "Không", "Có; Không (mặc định Không)"],
        [MEMBER_COLUMNS.status, "Không", `${list(STATUSES)} (mặc định Đang sinh hoạt)`],
      ],
      [],
    ),
  ]);
}
