import { subtreeRoots } from "@/lib/review/permissions";
import { runTaskImport } from "@/lib/data/task-import";
import { streamImport } from "@/app/(app)/reports/import/import-stream";

// POST /tasks/import/run (multipart: file, mode=check|commit) → newline-delimited JSON: progress events
// while the task file is read, checked and written, then the result. The officers who keep registers
// below them (a cell's secretary, a grassroots committee) import; each row is checked against them.
export function POST(request: Request) {
  return streamImport(request, { allowed: (actor) => subtreeRoots(actor, "task:keep").length > 0, run: runTaskImport });
}
