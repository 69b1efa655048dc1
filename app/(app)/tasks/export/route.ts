import { NotFoundError } from "@/lib/review/permissions";
import { getActor } from "@/lib/auth/session";
import { exportTasks } from "@/lib/exports/task-sheets";
import { TaskExportQuerySchema } from "@/lib/schemas/task-sheets";

// GET /tasks/export?member=…|organization=…|unit=…&year=… → the register (or the unit's whole year) as
// .xlsx, under the register page's scope check: outside it, or a query that names nothing, is a 404.
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const query = TaskExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response("Not found", { status: 404 });
  try {
    return await exportTasks(actor, query.data);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
