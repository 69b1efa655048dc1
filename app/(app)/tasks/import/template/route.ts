import { getActor } from "@/lib/auth/session";
import { todayInVietnam } from "@/lib/i18n/format";
import { taskTemplate } from "@/lib/import/task-template";
import { xlsxResponse } from "@/lib/office/workbook";

// GET /tasks/import/template → the task file's template (.xlsx), its examples dated this year.
export async function GET() {
  if (!(await getActor())) return new Response("Unauthorized", { status: 401 });
  return xlsxResponse(taskTemplate(Number(todayInVietnam().slice(0, 4))), "mau-nhiem-vu.xlsx");
}
