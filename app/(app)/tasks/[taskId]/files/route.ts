import { addTaskFile } from "@/lib/data/task-files";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/actions/run";
import { checkOrigin } from "@/lib/security/http";
import { TASK_FILE_MAX_BYTES } from "@/lib/review/tasks";

// POST /tasks/<taskId>/files (multipart: file) → the ActionResult of addTaskFile, as JSON.
//
// A route handler rather than a server action: a server action's body is capped at 1 MB (Next's
// serverActions.bodySizeLimit and proxy.ts's ACTION_BODY_LIMIT), and raising that cap would let every
// action of the application take 10 MB bodies. Here only this one route reads a large body, and it
// refuses one over the file limit from its Content-Length before reading it. It goes the server
// actions' way otherwise: proxy.ts already refuses a cross-origin or origin-less POST (checkOrigin),
// and it is asked again here so the route does not rest on the proxy's matcher; runAction authenticates
// the session (getActor) and turns refusals into the same message keys a form shows.
// next.config.js lets the proxy pass bodies a little over 10 MB (proxyClientMaxBodySize), or it would cut them.

/** The file's cap and room for the multipart envelope (boundaries, headers, the file's name). */
const BODY_LIMIT = TASK_FILE_MAX_BYTES + 64 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  if (checkOrigin(request)) return Response.json({ ok: false, formError: "NOT_FOUND" }, { status: 403 });
  if (!(await getActor())) return Response.json({ ok: false, formError: "UNAUTHENTICATED" }, { status: 401 });
  const { taskId } = await params;
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) return Response.json({ ok: false, formError: "INVALID_INPUT", fieldErrors: { file: "required" } }, { status: 411 });
  if (length > BODY_LIMIT) return Response.json({ ok: false, formError: "INVALID_INPUT", fieldErrors: { file: "fileSize" } }, { status: 413 });
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return Response.json({ ok: false, formError: "INVALID_INPUT", fieldErrors: { file: "required" } }, { status: 400 });
  }
  if (!(file instanceof File)) return Response.json({ ok: false, formError: "INVALID_INPUT", fieldErrors: { file: "required" } }, { status: 400 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await runAction((actor) => addTaskFile(actor, { taskId, fileName: file.name, bytes }));
  return Response.json(result, { status: result.ok ? 200 : 400, headers: { "Cache-Control": "no-store" } });
}
