import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_BASE_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { loadMessages } from "@/lib/i18n/messages";
import { appEntries, clientFiles, namespacesOf, ROOT } from "./client-namespaces";

// The pages carry only the messages their client components read (app/layout.tsx gives the base
// namespaces; a segment's layout adds its own through <ClientMessages namespaces={[...]}>). A namespace
// missing there would show the key instead of the text, in the browser only: this reads the sources and
// fails first.

const known = new Set(Object.keys(loadMessages("vi")));
const APP = path.join(ROOT, "app");

/** The namespaces a layout's <ClientMessages> adds, or null when it has none. */
function provided(layout: string): string[] | null {
  if (!fs.existsSync(layout)) return null;
  const m = fs.readFileSync(layout, "utf8").match(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/);
  return m ? [...m[1].matchAll(/"(\w+)"/g)].map((n) => n[1]) : null;
}

/**
 * What the client components of a file are given: the innermost <ClientMessages> of the layouts around
 * it (for a layout, those above it: its own wraps only its children), else the root layout's base.
 */
function providerOf(file: string): { from: string; namespaces: Set<string> } {
  let dir = path.dirname(file);
  if (path.basename(file) === "layout.tsx") dir = path.dirname(dir);
  for (; dir.startsWith(APP); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    const names = provided(layout);
    if (names) return { from: path.relative(ROOT, layout), namespaces: new Set([...CLIENT_BASE_NAMESPACES, ...names]) };
  }
  return { from: "app/layout.tsx", namespaces: new Set(CLIENT_BASE_NAMESPACES) };
}

/** A translator whose keys are other files' literals: useAction looks an error up in the namespaces its callers list. */
const DYNAMIC_BY_DESIGN = ["components/forms/use-action-form.ts"];

describe("the messages each page gives its client components", () => {
  const entries = appEntries();

  it("finds the pages and their client components", () => {
    expect(entries.length).toBeGreaterThan(30);
    const review = clientFiles(path.join(APP, "(app)/reviews/[id]/page.tsx"));
    expect([...review].map((f) => path.relative(ROOT, f))).toContain("components/review/self-review-form.tsx");
  });

  it.each(entries.map((e) => [path.relative(ROOT, e), e]))("%s: every namespace its client components read is provided", (_, entry) => {
    const needed = new Map<string, string>();
    for (const file of clientFiles(entry)) for (const ns of namespacesOf(file, known).namespaces) needed.set(ns, path.relative(ROOT, file));
    const { from, namespaces } = providerOf(entry);
    const missing = [...needed].filter(([ns]) => !namespaces.has(ns)).map(([ns, file]) => `${ns} (read by ${file})`);
    expect(missing, `add them to <ClientMessages namespaces> in ${from} (or a layout of its own)`).toEqual([]);
  });

  it("every key a client component translates names its namespace in the source", () => {
    const unknown = new Set<string>();
    for (const entry of entries)
      for (const file of clientFiles(entry))
        if (!DYNAMIC_BY_DESIGN.includes(path.relative(ROOT, file))) for (const u of namespacesOf(file, known).unknown) unknown.add(u);
    expect([...unknown], 'write the key with its namespace (t(`ns.${x}`)), or use useTranslations("ns")').toEqual([]);
  });

  it("the check sees a namespace missing from a page's provider", () => {
    // The desk reads "decide": the root layout alone does not give it.
    const desk = path.join(APP, "(app)/units/[id]/decisions/page.tsx");
    const read = new Set([...clientFiles(desk)].flatMap((f) => [...namespacesOf(f, known).namespaces]));
    expect(read.has("decide")).toBe(true);
    expect(new Set<string>(CLIENT_BASE_NAMESPACES).has("decide")).toBe(false);
    expect(providerOf(desk).namespaces.has("decide")).toBe(true);
  });
});
