import "server-only";
import { streamWorkbook, type Sheet } from "@/lib/office/workbook";
import { TASK_COLUMNS, TASK_SHEET } from "./tasks";

// The template of a task file: the sheet "Nhiệm vụ" with its headers and two example rows (a member's
// task, a cell's), and a sheet saying what each column takes (docs/import.md says the same).

type Row = (string | Date)[];
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const sheet = (name: string, headers: string[], rows: Row[], dates: number[]): Sheet<never> =>
  ({
    name,
    columns: headers.map((header, i) => ({ header, type: dates.includes(i) ? "date" : "text", width: dates.includes(i) ? 14 : 30, value: (r: Row) => r[i] })),
    rows,
  }) as unknown as Sheet<never>;

export function taskTemplate(year: number): ReadableStream<Uint8Array> {
  return streamWorkbook([
    sheet(
      TASK_SHEET,
      Object.values(TASK_COLUMNS),
      [
        [
          "90.000001",
          "Vận động 20 hộ tham gia mô hình kinh tế vườn",
          "Kế hoạch công tác năm của chi bộ",
          at(`${year}-01-15`),
          at(`${year}-06-30`),
          "Danh sách 20 hộ đăng ký, biên bản họp thôn",
          "Đủ 20 hộ, đúng hạn",
        ],
        [
          "HU.90.01",
          "Tổ chức sinh hoạt chuyên đề mỗi quý",
          "Nghị quyết chi bộ đầu năm",
          at(`${year}-01-10`),
          at(`${year}-12-15`),
          "4 biên bản sinh hoạt chuyên đề",
          "Đủ 4 buổi, trên 90% đảng viên dự",
        ],
      ],
      [3, 4],
    ),
    sheet(
      "Hướng dẫn",
      ["Cột", "Bắt buộc", "Giá trị"],
      [
        [TASK_COLUMNS.subject, "Có", "Số thẻ đảng viên (nhiệm vụ của đảng viên) hoặc mã tổ chức đảng (nhiệm vụ của chi bộ, đảng bộ)"],
        [TASK_COLUMNS.title, "Có", "Tối đa 300 ký tự"],
        [TASK_COLUMNS.source, "Có", "Kế hoạch, nghị quyết, cơ quan hay người giao; tối đa 300 ký tự"],
        [TASK_COLUMNS.assigned, "Có", "dd/mm/yyyy"],
        [TASK_COLUMNS.due, "Có", "dd/mm/yyyy, không trước ngày giao; năm của hạn là năm của nhiệm vụ"],
        [TASK_COLUMNS.product, "Có", "Tối đa 1.000 ký tự"],
        [TASK_COLUMNS.quality, "Có", "Tối đa 1.000 ký tự"],
      ],
      [],
    ),
  ]);
}
