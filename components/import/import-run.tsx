"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { ImportEvent } from "@/lib/data/import-run";

// The pieces every import page shares (the party-member register's, the task register's): the file sent
// to an import route that streams newline-delimited JSON (app/(app)/reports/import/import-stream.ts), its
// progress, the refusals by row and column, and the tables of the preview. Labels are the import's own
// (reports.import).

export type ImportState<Plan> =
  | { kind: "idle" }
  | { kind: "running"; mode: "check" | "commit"; phase: string; done: number; total: number }
  | { kind: "result"; mode: "check" | "commit"; written: boolean; plan: Plan }
  | { kind: "error"; message: string };

/** Sends a file to an import route (check or commit) and follows its events. */
export function useImportRun<Plan>(url: string) {
  const [state, setState] = useState<ImportState<Plan>>({ kind: "idle" });
  async function send(file: File, mode: "check" | "commit") {
    setState({ kind: "running", mode, phase: "read", done: 0, total: 1 });
    const body = new FormData();
    body.set("file", file);
    body.set("mode", mode);
    const response = await fetch(url, { method: "POST", body });
    if (!response.body || !response.headers.get("content-type")?.includes("ndjson")) {
      const event = (await response.json().catch(() => ({ message: response.statusText }))) as { message: string };
      setState({ kind: "error", message: event.message });
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as ImportEvent<Plan>;
        if (event.type === "progress") setState({ kind: "running", mode, phase: event.phase, done: event.done, total: event.total });
        else if (event.type === "result") setState({ kind: "result", mode: event.mode, written: event.written, plan: event.plan });
        else setState({ kind: "error", message: event.message });
      }
    }
  }
  return { state, send, reset: () => setState({ kind: "idle" }) };
}

/** The file input and the preview button. */
export function ImportFileForm({
  label,
  accept,
  disabled,
  onFile,
  onCheck,
}: {
  label: string;
  accept: string;
  disabled: boolean;
  onFile: (file: File | null) => void;
  onCheck: () => void;
}) {
  const t = useTranslations("reports.import");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onCheck();
      }}
    >
      <label className="text-sm">
        <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
        <input
          type="file"
          name="file"
          accept={accept}
          required
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          className="block w-full max-w-xs text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
        />
      </label>
      <button
        type="submit"
        disabled={disabled}
        className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:bg-brand-700/60"
      >
        {t("preview")}
      </button>
    </form>
  );
}

/** How far the reading, checking or writing has got; or why the file was refused whole. */
export function ImportStatus({ state }: { state: ImportState<unknown> }) {
  const t = useTranslations("reports.import");
  if (state.kind === "running") {
    const label = state.mode === "commit" ? t("writing") : t("checking");
    return (
      <div>
        <p className="mb-1 text-sm text-slate-700">
          {label} {t("progress", { done: state.done, total: state.total })}
        </p>
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={state.total}
          aria-valuenow={state.done}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${state.total ? Math.round((state.done * 100) / state.total) : 0}%` }} />
        </div>
      </div>
    );
  }
  if (state.kind === "error") return <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>;
  return null;
}

/** Every refused cell: the sheet and row, the column, and what is wrong with it. Nothing was written. */
export function ImportErrors({ errors }: { errors: { sheet: string; row: number; column: string; message: string }[] }) {
  const t = useTranslations("reports.import");
  return (
    <div>
      <p className="mb-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800" data-testid="import-errors-title">
        {t("errorsTitle", { count: errors.length })}
      </p>
      <PlanTable
        caption={t("errorsTitle", { count: errors.length })}
        columns={[t("row"), t("column"), t("problem")]}
        className="max-h-96 overflow-auto"
        testId="import-errors"
        stickyHead
      >
        {errors.map((e, i) => (
          <tr key={i}>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">
              {e.sheet} · {e.row}
            </td>
            <td className="px-3 py-2">{e.column}</td>
            <td className="px-3 py-2">{e.message}</td>
          </tr>
        ))}
      </PlanTable>
    </div>
  );
}

/** One of the import's tables (its errors, its preview): sheet and row, column, and what is said of it. */
export function PlanTable({
  caption,
  columns,
  className,
  testId,
  stickyHead = false,
  children,
}: {
  caption: string;
  /** A column's header, or its header and the class of its cells' header (a column hidden on phones: "hidden sm:table-cell"). */
  columns: (string | { label: string; className: string })[];
  className: string;
  testId?: string;
  stickyHead?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`rounded-lg border border-slate-200 ${className}`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={`${stickyHead ? "sticky top-0 " : ""}bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600`}>
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col" className="px-3 py-2">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={`px-3 py-2 ${column.className}`}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}
