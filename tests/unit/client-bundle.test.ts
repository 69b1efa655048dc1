import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What a phone downloads (#19: no page over 200 KB of JavaScript, the self-review ≤ 180 KB): libraries
// that are heavy and have a lighter way are kept out of the browser. zod (about 68 KB gzip with its
// locales) validates on the server, where every action parses its input anyway, and the forms show the
// field errors it returns; the charts are drawn on the server. This follows every import that runs in the
// browser, from each "use client" module, and names the road to a library that should not be there.
// `npm run bench:weight` measures the result; this catches the one import that would undo it.

const ROOT = path.resolve(import.meta.dirname, "../..");
const KEPT_OUT = ["zod", "@hookform/resolvers", "recharts"];

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** The modules a file imports at run time: type-only imports and exports left out. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      // `import type { A }` and `import { type A, type B }` are gone once compiled; a bare import stays.
      const typeOnly = clause && (clause.isTypeOnly || (!clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      if (!typeOnly) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

const startsWithDirective = (file: string, directive: string) =>
  new RegExp(`^(\\s|//.*\\n|/\\*[\\s\\S]*?\\*/)*["']${directive}["']`).test(fs.readFileSync(file, "utf8"));

function clientModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && startsWithDirective(full, "use client")) found.push(full);
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(ROOT, dir));
  return found;
}

/** Each kept-out library reached from a client module, with the road that reaches it. */
function heavyRoads(entry: string): string[] {
  const roads: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, road: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A server action is a reference in the browser: its module (and what it imports) stays on the server.
    if (road.length > 0 && startsWithDirective(file, "use server")) return;
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".") || spec.startsWith("@/")) {
        const next = resolveLocal(file, spec);
        if (next) visit(next, [...road, path.relative(ROOT, next)]);
      } else if (KEPT_OUT.some((lib) => spec === lib || spec.startsWith(`${lib}/`))) {
        roads.push([path.relative(ROOT, entry), ...road, spec].join(" → "));
      }
    }
  };
  visit(entry, []);
  return roads;
}

describe("the JavaScript sent to the browser", () => {
  const modules = clientModules();

  it("finds the client components", () => {
    expect(modules.length).toBeGreaterThan(30);
  });

  it("brings neither zod, its form resolver nor a chart library into any page", () => {
    expect(modules.flatMap(heavyRoads)).toEqual([]);
  });
});
