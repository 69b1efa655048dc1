// Which message namespaces each page's client components use, read from the sources: the import graph
// from a page (or layout) down, the files under a "use client" boundary, and the namespaces their
// translators name. Used by client-messages.test.ts to check that every page's provider carries them.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: its messages are not ours
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
function source(file: string): string {
  if (!sources.has(file)) sources.set(file, fs.readFileSync(file, "utf8"));
  return sources.get(file)!;
}

function imports(file: string): string[] {
  // Type-only imports bring no code into the browser.
  return [...source(file).matchAll(IMPORT)]
    .filter((m) => !/^(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => resolve(file, m[1] ?? m[2]))
    .filter((f): f is string => f !== null);
}

const directive = (file: string, name: string) => new RegExp(`^\\s*(?:\\/\\/[^\\n]*\\n\\s*)*["']${name}["']`).test(source(file));
const isClient = (file: string) => directive(file, "use client");
/** A server action module: the browser gets a reference to call, none of its code or imports. */
const isServerActions = (file: string) => directive(file, "use server");

/** The client files a server file (page, layout, error page) brings into the browser, transitively. */
export function clientFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const client = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (inClient && isServerActions(file)) return;
    const here = inClient || isClient(file);
    if (here) client.add(file);
    for (const next of imports(file)) walk(next, here);
  };
  walk(entry, false);
  return client;
}

export type Usage = { namespaces: Set<string>; unknown: string[] };

/**
 * The top-level namespaces a client file may read. Every string literal that starts with a known
 * namespace and a dot counts ("tasks.files" in a `messages` list, `grading.levels.${level}` as a key),
 * and so does the namespace of each useTranslations("ns…"). A call of a translator of the whole
 * catalogue (`const t = useTranslations()`, the nearest such declaration above the call) whose key
 * does not start with a literal namespace cannot be read from the source: it is reported as unknown.
 */
export function namespacesOf(file: string, known: ReadonlySet<string>): Usage {
  const text = source(file);
  const namespaces = new Set<string>();
  const unknown: string[] = [];
  for (const m of text.matchAll(/useTranslations\(\s*["'`](\w+)/g)) namespaces.add(m[1]);
  for (const m of text.matchAll(/["'`](\w+)\./g)) if (known.has(m[1])) namespaces.add(m[1]);
  const declarations = [...text.matchAll(/(\w+)\s*=\s*useTranslations\(\s*(["'`]?)/g)].map((m) => ({ name: m[1], at: m.index, whole: m[2] === "" }));
  for (const name of new Set(declarations.filter((d) => d.whole).map((d) => d.name))) {
    for (const call of text.matchAll(new RegExp(`(?<![\\w.])${name}(?:\\.(?:rich|markup|raw|has))?\\(`, "g"))) {
      const scope = declarations.filter((d) => d.name === name && d.at < call.index).at(-1);
      if (!scope?.whole) continue; // the nearest declaration above is a namespaced translator
      const key = firstArgument(text, call.index + call[0].length);
      // Every key the argument can be starts with a literal namespace (a literal, a template, or a choice of them).
      const literals = [...key.matchAll(/["'`]([^"'`]*)["'`]/g)].map((m) => m[1]);
      const named = literals.some((l) => known.has(l.split(".")[0]) && l.includes("."));
      if (!named) unknown.push(`${path.relative(ROOT, file)}: ${name}(${key})`);
    }
  }
  return { namespaces, unknown };
}

/** The first argument of a call, from just after its "(": up to a comma or ")" at the call's own depth. */
function firstArgument(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && depth-- === 0) return text.slice(from, i).trim();
    else if (c === "," && depth === 0) return text.slice(from, i).trim();
  }
  return text.slice(from).trim();
}

/** Every page, layout and special file under app/, for the checks. */
export function appEntries(dir = path.join(ROOT, "app")): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...appEntries(full));
    else if (/^(page|layout|error|loading|not-found|template|default)\.tsx$/.test(entry.name)) out.push(full);
  }
  return out;
}
