import { NotFoundError } from "@/lib/review/permissions";
import { getActor } from "@/lib/auth/session";
import { EXPORT_TABLES, exportTable, type ExportTable } from "@/lib/exports/report-sheets";
import { parseReportQuery } from "@/lib/schemas/reports";

// GET /reports/export/<table>?unit=…&year=… → the table as .xlsx, under the same scope check as its page.
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const { table } = await params;
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) return new Response("Not found", { status: 404 });
  try {
    return await exportTable(actor, table as ExportTable, parseReportQuery(new URL(request.url).searchParams));
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
