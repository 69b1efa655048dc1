"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";

/** A unit as GET /units/<id>/children returns it: labels already in the reader's language. */
export type TreeRow = { id: string; name: string; kind: string; subUnits: number; badges: { tone: Tone; text: string }[] };

/** The tree's few words, translated by the server page (the island carries no message catalogue). */
export type TreeBranchLabels = { toggle: string; loading: string; failed: string; retry: string };

/**
 * A unit of the tree whose units below are read when it is opened: a button (aria-expanded, the list
 * it controls) fetches them once from /units/<id>/children, and they stay while the page is open. A unit
 * fetched so that has units below it opens the same way, so every level of a province is reachable.
 */
export function UnitTreeBranch({ unitId, name, label, labels }: { unitId: string; name: string; label: ReactNode; labels: TreeBranchLabels }) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<TreeRow[] | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");

  async function load() {
    setState("loading");
    try {
      const res = await fetch(`/units/${encodeURIComponent(unitId)}/children`, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setRows((await res.json()) as TreeRow[]);
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  function toggle() {
    const next = !open;
    setOpen(next);
    if (next && rows === null && state !== "loading") void load();
  }

  return (
    <>
      <div className="tree-row">
        <button type="button" className="tree-toggle" aria-expanded={open} aria-controls={listId} aria-label={`${labels.toggle} ${name}`} onClick={toggle}>
          <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
            ▸
          </span>
        </button>
        {label}
      </div>
      <div id={listId} hidden={!open}>
        {open && state === "loading" && (
          <p role="status" className="ml-10 py-1 text-sm text-slate-500">
            {labels.loading}
          </p>
        )}
        {open && state === "failed" && (
          <p role="alert" className="ml-10 py-1 text-sm text-red-700">
            {labels.failed}{" "}
            <button type="button" className="font-medium underline" onClick={() => void load()}>
              {labels.retry}
            </button>
          </p>
        )}
        {rows && (
          <ul className="ml-4 border-l border-slate-200 pl-2">
            {rows.map((row) => (
              <li key={row.id} className="py-0.5">
                {row.subUnits > 0 ? (
                  <UnitTreeBranch unitId={row.id} name={row.name} label={<RowLabel row={row} />} labels={labels} />
                ) : (
                  <div className="tree-row">
                    <span className="tree-spacer" aria-hidden />
                    <RowLabel row={row} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function RowLabel({ row }: { row: TreeRow }) {
  return (
    <span className="tree-label">
      <Link href={`/units/${row.id}`} className="tree-link">
        {row.name}
      </Link>
      <span className="tree-kind">{row.kind}</span>
      <span className="flex flex-wrap gap-1">
        {row.badges.map((b) => (
          <Badge key={b.text} tone={b.tone}>
            {b.text}
          </Badge>
        ))}
      </span>
    </span>
  );
}
