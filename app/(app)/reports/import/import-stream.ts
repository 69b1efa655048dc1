import type { Actor } from "@/lib/review/permissions";
import { NotFoundError } from "@/lib/review/permissions";
import { getActor } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES, type ImportEvent } from "@/lib/data/import-run";

type Run<Plan> = (actor: Actor, file: { name: string; bytes: Buffer }, mode: "check" | "commit", emit: (event: ImportEvent<Plan>) => void) => Promise<void>;

/**
 * The body of an import's route (the party-member register's, /reports/import/run; the task register's,
 * /tasks/import/run): POST multipart (file, mode=check|commit) → newline-delimited JSON, progress events
 * while the file is read, checked and written, then the result. A route handler rather than a server
 * action, because a 10,000-row file takes seconds and the page shows how far it has got. The file is read
 * in a worker thread (lib/data/import-run.ts), within the limits of lib/import/limits.ts.
 */
export async function streamImport<Plan>(request: Request, { allowed, run }: { allowed: (actor: Actor) => boolean; run: Run<Plan> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!allowed(actor)) return new Response("Not found", { status: 404 });
  // The body is read into memory by formData(): a length over the cap is refused before that.
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) return Response.json({ type: "error", message: "Thiếu độ dài của tệp gửi lên." }, { status: 411 });
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return Response.json({ type: "error", message: "Tệp lớn quá 20 MB." }, { status: 413 });
  const form = await request.formData();
  const file = form.get("file");
  const mode = form.get("mode") === "commit" ? "commit" : "check";
  if (!(file instanceof File) || file.size === 0) return Response.json({ type: "error", message: "Chưa chọn tệp." }, { status: 400 });
  if (file.size > MAX_IMPORT_BYTES) return Response.json({ type: "error", message: "Tệp lớn quá 20 MB." }, { status: 400 });
  const bytes = Buffer.from(await file.arrayBuffer());
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let last = 0;
      const emit = (event: ImportEvent<Plan>) => {
        // Progress at most every 100 ms; results always.
        if (event.type === "progress" && event.done !== event.total && Date.now() - last < 100) return;
        last = Date.now();
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        await run(actor, { name: file.name, bytes }, mode, emit);
      } catch (error) {
        if (error instanceof NotFoundError) emit({ type: "error", message: "Không có quyền nhập dữ liệu." });
        else {
          const id = crypto.randomUUID().slice(0, 8);
          console.error(`[import ${id}]`, error);
          emit({ type: "error", message: `Lỗi hệ thống khi nhập (mã ${id}).` });
        }
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
