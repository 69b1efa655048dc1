import { subtreeRoots } from "@/lib/review/permissions";
import { runImport } from "@/lib/data/import-run";
import { streamImport } from "../import-stream";

// POST /reports/import/run (multipart: file, mode=check|commit) → newline-delimited JSON: progress events
// while the register file is read, checked and written, then the result (see import-stream.ts).
export function POST(request: Request) {
  return streamImport(request, { allowed: (actor) => subtreeRoots(actor, "org:manage").length > 0, run: runImport });
}
