import { getActor } from "@/lib/auth/session";
import { xlsxResponse } from "@/lib/office/workbook";
import { registerTemplate } from "@/lib/import/template";

// GET /reports/import/template → the register template (.xlsx).
export async function GET() {
  if (!(await getActor())) return new Response("Unauthorized", { status: 401 });
  return xlsxResponse(registerTemplate(), "mau-so-dang-vien.xlsx");
}
