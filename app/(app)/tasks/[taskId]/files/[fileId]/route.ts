import { getActor } from "@/lib/auth/session";
import { readTaskFile } from "@/lib/data/task-files";
import { fileResponse } from "@/lib/office/workbook";
import { NotFoundError } from "@/lib/review/permissions";

// GET /tasks/<taskId>/files/<fileId> → the evidence file, always as a download (Content-Disposition:
// attachment, with the Vietnamese name as RFC 5987's filename*), never rendered in the application's
// origin (nosniff, a sandboxing CSP, the type stored at upload rather than the browser's word), never
// kept by a cache. Outside the reader's scope it is the same 404 as a file that does not exist.
export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string; fileId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const { taskId, fileId } = await params;
  try {
    const file = await readTaskFile(actor, taskId, fileId);
    const response = fileResponse(new Uint8Array(file.content), file.fileName, file.contentType);
    response.headers.set("Content-Length", String(file.content.byteLength));
    response.headers.set("X-Content-Type-Options", "nosniff");
    // proxy.ts puts the same (with default-src 'none') over the pages' policy, which it would otherwise set.
    response.headers.set("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'");
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
