import "server-only";
import type { Actor } from "@/lib/review/permissions";
import { getTaskExport, type ExportedTask } from "@/lib/data/task-export";
import { TASK_COLUMNS, TASK_SHEET } from "@/lib/import/tasks";
import { dateCell, streamWorkbook, xlsxResponse, type Column, type Sheet } from "@/lib/office/workbook";
import type { TaskExportQuery } from "@/lib/schemas/task-sheets";

// A task register (or a unit's whole year) as an .xlsx file: the sheet "Nhiệm vụ" with the import's own
// columns first, under the import's headers on the first row, so the file goes back in as it is (the
// reader finds its columns by their headers and leaves the others); then the results, in Vietnamese.

const STATUS: Record<string, string> = { OPEN: "Chưa báo cáo", REPORTED: "Chờ xác nhận", RETURNED: "Bị trả lại", CONFIRMED: "Đã xác nhận" };
const OUTCOME: Record<string, string> = { DONE: "Hoàn thành", NOT_DONE: "Không hoàn thành" };
const yes = (value: boolean) => (value ? "Có" : "");

const COLUMNS: Column<ExportedTask>[] = [
  { header: TASK_COLUMNS.subject, width: 18, value: (t) => t.subjectKey },
  { header: "Họ và tên / tên tổ chức", width: 26, value: (t) => t.subjectName },
  { header: "Chi bộ / cấp trên", width: 24, value: (t) => t.unitName },
  { header: TASK_COLUMNS.title, width: 36, value: (t) => t.title },
  { header: TASK_COLUMNS.source, width: 26, value: (t) => t.source },
  { header: TASK_COLUMNS.assigned, type: "date", value: (t) => dateCell(t.assignedOn) },
  { header: TASK_COLUMNS.due, type: "date", value: (t) => dateCell(t.dueOn) },
  { header: TASK_COLUMNS.product, width: 36, value: (t) => t.expectedProduct },
  { header: TASK_COLUMNS.quality, width: 36, value: (t) => t.qualityMeasure },
  { header: "Trạng thái", width: 16, value: (t) => STATUS[t.status] ?? t.status },
  { header: "Kết quả", width: 16, value: (t) => (t.outcome ? (OUTCOME[t.outcome] ?? t.outcome) : "") },
  { header: "Ngày hoàn thành", type: "date", value: (t) => dateCell(t.doneOn) },
  { header: "Sản phẩm đã có", width: 36, value: (t) => t.product },
  { header: "Đường dẫn sản phẩm", width: 30, value: (t) => t.productLink },
  { header: "Vượt yêu cầu", width: 12, value: (t) => yes(t.exceeded) },
  { header: "Căn cứ vượt yêu cầu", width: 30, value: (t) => t.exceededGrounds },
  { header: "Lý do không hoàn thành", width: 30, value: (t) => t.notDoneReason },
  { header: "Bất khả kháng", width: 12, value: (t) => yes(t.forceMajeure) },
];

/** The .xlsx download of a register or a unit's year, under the same scope check as the register's page. */
export async function exportTasks(actor: Actor, query: TaskExportQuery): Promise<Response> {
  const { filename, tasks } = await getTaskExport(actor, query);
  return xlsxResponse(streamWorkbook([{ name: TASK_SHEET, columns: COLUMNS, rows: tasks } satisfies Sheet<ExportedTask> as unknown as Sheet<never>]), filename);
}
