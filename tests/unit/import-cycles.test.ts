import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// No module of lib/ imports, through any chain, a module that imports it back. A use case is a constant
// built when its module loads (`export const x = command({...})`): in a cycle one of the two modules is
// read before the other has finished, and a production build fails on a value not yet initialized (it
// did, between the decisions and the re-rating). Type-only imports are erased and do not count.

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  return null;
}

/** The modules a file needs when it loads: its imports and re-exports that are not type-only. */
function loadTimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
    if (m[1]) continue;
    const target = resolve(file, m[2]);
    if (target) found.push(target);
  }
  return found;
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, loadTimeImports(f)]));
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(ROOT, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe("the modules of lib/", () => {
  it("import one another without a cycle", () => {
    expect(cycles(sources(path.join(ROOT, "lib")))).toEqual([]);
  });

  it("would see a cycle (the check itself reads imports)", () => {
    expect(loadTimeImports(path.join(ROOT, "lib/data/decisions.ts")).map((f) => path.relative(ROOT, f))).toContain("lib/data/record-locks.ts");
  });
});
