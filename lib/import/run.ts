import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { checkRegisterImport, importRegister, type ImportPlan } from "@/lib/data/import";
import { readRegisterFile, UnreadableFileError } from "./read-file";
import { parseRegister } from "./register";

export type ImportEvent =
  | { type: "progress"; phase: "read" | "check" | "write"; done: number; total: number }
  | { type: "result"; mode: "check" | "commit"; written: boolean; plan: ImportPlan }
  | { type: "error"; message: string };

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Reads, checks and (in commit mode) writes a register file, reporting progress as it goes. */
export async function runImport(actor: Actor, file: { name: string; bytes: Buffer }, mode: "check" | "commit", emit: (event: ImportEvent) => void): Promise<void> {
  emit({ type: "progress", phase: "read", done: 0, total: 1 });
  let sheets;
  try {
    sheets = await readRegisterFile(file.bytes, file.name);
  } catch (error) {
    if (error instanceof UnreadableFileError) return emit({ type: "error", message: `Không đọc được tệp: ${error.message}` });
    throw error;
  }
  const parsed = parseRegister(sheets);
  if (!sheets.organizations && !sheets.members) return emit({ type: "error", message: "Tệp không có trang \"Tổ chức đảng\" hay \"Đảng viên\" (xem tệp mẫu)." });
  emit({ type: "progress", phase: "read", done: 1, total: 1 });
  const progress = (e: { phase: "check" | "write"; done: number; total: number }) => emit({ type: "progress", ...e });
  if (mode === "check" || parsed.errors.length) {
    const plan = await checkRegisterImport(actor, parsed, progress);
    return emit({ type: "result", mode, written: false, plan });
  }
  const hash = createHash("sha256").update(file.bytes).digest("hex").slice(0, 32);
  const plan = await importRegister(actor, parsed, hash, progress);
  const written = plan.errors.length === 0 && plan.orgsNew + plan.orgsChanged + plan.membersNew + plan.membersChanged > 0;
  emit({ type: "result", mode, written, plan });
}
