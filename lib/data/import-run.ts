import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Actor } from "@/lib/review/permissions";
import { checkRegisterImport, importRegister, type ImportPlan } from "@/lib/data/import";
import { MAX_CONCURRENT_READS, MAX_IMPORT_BYTES, READ_TIMEOUT_MS, READ_WORKER_HEAP_MB, READER_IDLE_MS } from "@/lib/import/limits";
import type { ReadReply, ReadRequest } from "@/lib/import/read-worker";
import type { ParsedRegister } from "@/lib/import/register";
import type { ParsedTasks } from "@/lib/import/tasks";

export { MAX_IMPORT_BYTES };

/** What an import's route streams to its page: progress, then the plan (the register's, or another import's). */
export type ImportEvent<Plan = ImportPlan> =
  | { type: "progress"; phase: "read" | "check" | "write"; done: number; total: number }
  | { type: "result"; mode: "check" | "commit"; written: boolean; plan: Plan }
  | { type: "error"; message: string };

// The worker's entry, found from the working directory at run time: `next start` and the tests both run
// in the project's folder, and a path computed here is left alone by the bundler (the worker loads the
// TypeScript sources itself, see worker.mjs).
const WORKER_ENTRY = [process.cwd(), "lib", "import", "worker.mjs"].join(path.sep);

let reading = 0;
let lastId = 0;
let reader: Worker | null = null;

let idleTimer: NodeJS.Timeout | undefined;

/**
 * The worker thread that reads files, started on the first import and kept for the next ones while
 * imports follow each other; after READER_IDLE_MS without one it ends, giving its memory back.
 */
function readerThread(): Worker {
  clearTimeout(idleTimer);
  if (reader) return reader;
  const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: READ_WORKER_HEAP_MB }, stdout: false, stderr: false });
  // It does not keep the process alive on its own.
  worker.unref();
  worker.on("exit", () => {
    if (reader === worker) reader = null;
  });
  reader = worker;
  return worker;
}

export type FileRead<Parsed> = { parsed: Parsed; hash: string; sheetsFound: boolean } | { refused: string };

/**
 * Reads and checks the file's cells in a worker thread: the unzipping, XML and row checks of a large
 * file take seconds of CPU and up to a few hundred megabytes, which on the request thread held every
 * other page of the server. The worker's heap is capped; past it, or past READ_TIMEOUT_MS, the worker is
 * stopped (and started afresh for the next file). `kind` says which file it is: the party-member register
 * (the default) or a task register (lib/data/task-import-run.ts).
 */
export function readInWorker(file: { name: string; bytes: Buffer }, kind: "tasks"): Promise<FileRead<ParsedTasks>>;
export function readInWorker(file: { name: string; bytes: Buffer }, kind?: "register"): Promise<FileRead<ParsedRegister>>;
export function readInWorker(file: { name: string; bytes: Buffer }, kind: "register" | "tasks" = "register"): Promise<FileRead<ParsedRegister | ParsedTasks>> {
  if (reading >= MAX_CONCURRENT_READS) return Promise.resolve({ refused: "máy chủ đang đọc một tệp nhập khác; xin thử lại sau ít phút." });
  reading++;
  const worker = readerThread();
  const request: ReadRequest = { id: ++lastId, kind, name: file.name, bytes: new Uint8Array(file.bytes) };
  return new Promise<FileRead<ParsedRegister | ParsedTasks>>((resolve, reject) => {
    const members: ParsedRegister["members"][] = [];
    const onMessage = (reply: ReadReply) => {
      if (reply.id !== request.id) return;
      if (reply.type === "members") members.push(reply.members);
      else if (reply.type === "read")
        settle(() => resolve({ parsed: { ...reply.parsed, members: members.flat() }, hash: reply.hash, sheetsFound: reply.sheetsFound }));
      else if (reply.type === "tasks") settle(() => resolve({ parsed: reply.parsed, hash: reply.hash, sheetsFound: reply.sheetsFound }));
      else settle(() => resolve({ refused: reply.message }));
    };
    const onError = (error: Error & { code?: string }) =>
      settle(() =>
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? resolve({ refused: "tệp cần quá nhiều bộ nhớ để đọc; xin chia sổ thành nhiều tệp nhỏ hơn." })
          : reject(error),
      );
    const onExit = (code: number) => settle(() => reject(new Error(`import worker exited with code ${code} before answering`)));
    const timer = setTimeout(() => {
      void worker.terminate();
      settle(() => resolve({ refused: `đọc quá ${READ_TIMEOUT_MS / 1000} giây nên đã dừng; xin chia sổ thành nhiều tệp nhỏ hơn.` }));
    }, READ_TIMEOUT_MS);
    let settled = false;
    function settle(outcome: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      reading--;
      idleTimer = setTimeout(() => void worker.terminate(), READER_IDLE_MS).unref();
      outcome();
    }
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
}

/** Reads, checks and (in commit mode) writes a register file, reporting progress as it goes. */
export async function runImport(
  actor: Actor,
  file: { name: string; bytes: Buffer },
  mode: "check" | "commit",
  emit: (event: ImportEvent) => void,
): Promise<void> {
  emit({ type: "progress", phase: "read", done: 0, total: 1 });
  const read = await readInWorker(file);
  if ("refused" in read) return emit({ type: "error", message: `Không đọc được tệp: ${read.refused}` });
  const { parsed, hash, sheetsFound } = read;
  if (!sheetsFound) return emit({ type: "error", message: 'Tệp không có trang "Tổ chức đảng" hay "Đảng viên" (xem tệp mẫu).' });
  emit({ type: "progress", phase: "read", done: 1, total: 1 });
  const progress = (e: { phase: "check" | "write"; done: number; total: number }) => emit({ type: "progress", ...e });
  if (mode === "check" || parsed.errors.length) {
    const plan = await checkRegisterImport(actor, parsed, progress);
    return emit({ type: "result", mode, written: false, plan });
  }
  const plan = await importRegister(actor, parsed, hash, progress);
  const written = plan.errors.length === 0 && plan.orgsNew + plan.orgsChanged + plan.membersNew + plan.membersChanged > 0;
  emit({ type: "result", mode, written, plan });
}
