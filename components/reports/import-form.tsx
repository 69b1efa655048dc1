"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { ImportPlan } from "@/lib/data/import";
import type { ImportEvent } from "@/lib/data/import-run";

type State =
  | { kind: "idle" }
  | { kind: "running"; mode: "check" | "commit"; phase: string; done: number; total: number }
  | { kind: "result"; mode: "check" | "commit"; written: boolean; plan: ImportPlan }
  | { kind: "error"; message: string };

/** Sends the file to the import route and shows its progress, the preview, and every error. */
export function ImportForm() {
  const t = useTranslations("reports.import");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  async function send(mode: "check" | "commit") {
    if (!file) return;
    setState({ kind: "running", mode, phase: "read", done: 0, total: 1 });
    const body = new FormData();
    body.set("file", file);
    body.set("mode", mode);
    const response = await fetch("/reports/import/run", { method: "POST", body });
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
        const event = JSON.parse(line) as ImportEvent;
        if (event.type === "progress") setState({ kind: "running", mode, phase: event.phase, done: event.done, total: event.total });
        else if (event.type === "result") setState({ kind: "result", mode: event.mode, written: event.written, plan: event.plan });
        else setState({ kind: "error", message: event.message });
      }
    }
  }

  const running = state.kind === "running";
  const plan = state.kind === "result" ? state.plan : null;
  const counts: Record<string, number> = plan
    ? {
        rows: plan.rows,
        orgsNew: plan.orgsNew,
        orgsChanged: plan.orgsChanged,
        membersNew: plan.membersNew,
        membersChanged: plan.membersChanged,
        unchanged: plan.unchanged,
      }
    : {};
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void send("check");
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("file")}</span>
          <input
            type="file"
            name="file"
            accept=".xlsx,.csv"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: "idle" });
            }}
            className="block w-full max-w-xs text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
          />
        </label>
        <button
          type="submit"
          disabled={!file || running}
          className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:bg-brand-700/60"
        >
          {t("preview")}
        </button>
      </form>

      <div aria-live="polite" className="space-y-3">
        {state.kind === "running" && (
          <div>
            <p className="mb-1 text-sm text-slate-700">
              {state.mode === "commit" ? t("writing") : t("checking")} {t("progress", { done: state.done, total: state.total })}
            </p>
            <div
              role="progressbar"
              aria-label={state.mode === "commit" ? t("writing") : t("checking")}
              aria-valuemin={0}
              aria-valuemax={state.total}
              aria-valuenow={state.done}
              className="h-2 overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full rounded-full bg-brand-600" style={{ width: `${state.total ? Math.round((state.done * 100) / state.total) : 0}%` }} />
            </div>
          </div>
        )}
        {state.kind === "error" && <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}
        {plan && plan.errors.length > 0 && (
          <div>
            <p className="mb-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800" data-testid="import-errors-title">
              {t("errorsTitle", { count: plan.errors.length })}
            </p>
            <PlanTable
              caption={t("errorsTitle", { count: plan.errors.length })}
              columns={[t("row"), t("column"), t("problem")]}
              className="max-h-96 overflow-auto"
              testId="import-errors"
              stickyHead
            >
              {plan.errors.map((e, i) => (
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
        )}
        {plan && plan.errors.length === 0 && (
          <div className="space-y-3">
            <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="import-summary">
              {state.kind === "result" && state.mode === "commit" ? (state.written ? t("done", counts) : t("nothingChanged")) : t("summary", counts)}
            </p>
            {state.kind === "result" && state.mode === "check" && (
              <>
                <h3 className="text-sm font-semibold">{t("previewTitle")}</h3>
                <PlanTable caption={t("previewTitle")} columns={[t("row"), t("column"), t("action")]} className="overflow-x-auto">
                  {plan.preview.map((p) => (
                    <tr key={`${p.sheet}-${p.row}`}>
                      <td className="px-3 py-2 tabular-nums">
                        {p.sheet} · {p.row}
                      </td>
                      <td className="px-3 py-2">
                        {p.key} — {p.name}
                      </td>
                      <td className="px-3 py-2">{t(`actions.${p.action}`)}</td>
                    </tr>
                  ))}
                </PlanTable>
                {plan.orgsNew + plan.orgsChanged + plan.membersNew + plan.membersChanged > 0 && (
                  <button
                    type="button"
                    onClick={() => void send("commit")}
                    className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
                  >
                    {t("commit")}
                  </button>
                )}
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** One of the import's tables (its errors, its preview): sheet and row, column, and what is said of it. */
function PlanTable({
  caption,
  columns,
  className,
  testId,
  stickyHead = false,
  children,
}: {
  caption: string;
  columns: string[];
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
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}
