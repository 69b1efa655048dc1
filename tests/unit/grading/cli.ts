import { spawn } from "node:child_process";
import path from "node:path";

// Runs the grading command as a black box. `node --import tsx` is what `tsx FILE` does minus one
// wrapper process, so most runs use it to keep the suite fast; `runViaNpm` proves the README command.

export const PROJECT_ROOT = process.cwd();
const SCRIPT = path.join(PROJECT_ROOT, "scripts/grading.ts");

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], stdin?: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

export function runGrading(file: string, stdin?: string): Promise<CommandResult> {
  return run(process.execPath, ["--import", "tsx", SCRIPT, file], stdin);
}

export function runViaNpm(file: string, stdin?: string): Promise<CommandResult> {
  return run("npm", ["run", "--silent", "grading", "--", file], stdin);
}

/** Runs tasks at most `limit` at a time (the test machines have two cores). */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
