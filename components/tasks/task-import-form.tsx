"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ImportErrors, ImportFileForm, ImportStatus, PlanTable, useImportRun } from "@/components/import/import-run";
import type { TaskImportPlan } from "@/lib/data/task-import";
import { formatIsoDate } from "@/lib/i18n/format";

/** The preview's columns shown from the small breakpoint up; on a phone their values sit under the title. */
const WIDE = "hidden sm:table-cell";

/** Sends a task file to its import route: the preview (rows to add, rows refused by row and column), then the import. */
export function TaskImportForm() {
  const t = useTranslations("tasks.import");
  const [file, setFile] = useState<File | null>(null);
  const { state, send, reset } = useImportRun<TaskImportPlan>("/tasks/import/run");
  const plan = state.kind === "result" ? state.plan : null;
  const committed = state.kind === "result" && state.mode === "commit";

  return (
    <div className="space-y-4">
      <ImportFileForm
        label={t("file")}
        accept=".xlsx"
        disabled={!file || state.kind === "running"}
        onFile={(f) => {
          setFile(f);
          reset();
        }}
        onCheck={() => file && void send(file, "check")}
      />

      <div aria-live="polite" className="space-y-3">
        <ImportStatus state={state} />
        {plan && plan.errors.length > 0 && <ImportErrors errors={plan.errors} />}
        {plan && plan.errors.length === 0 && (
          <div className="space-y-3">
            <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="import-summary">
              {committed
                ? state.written
                  ? t("done", { created: plan.created, subjects: plan.subjects })
                  : t("nothingChanged")
                : t("summary", { rows: plan.rows, created: plan.created, subjects: plan.subjects, unchanged: plan.unchanged })}
            </p>
            {plan.preview.length > 0 && (
              <>
                <h3 className="text-sm font-semibold">{committed ? t("importedTitle") : t("previewTitle")}</h3>
                <PlanTable
                  caption={committed ? t("importedTitle") : t("previewTitle")}
                  columns={[t("subject"), t("task"), { label: t("due"), className: WIDE }, { label: t("action"), className: WIDE }]}
                  className="overflow-x-auto"
                  testId="import-preview"
                >
                  {plan.preview.map((p) => (
                    <tr key={p.row}>
                      <td className="px-3 py-2">
                        <span className="block font-medium">{p.name}</span>
                        <span className="block text-xs text-slate-600 tabular-nums">
                          {p.subject} ·{" "}
                          <span className="whitespace-nowrap">
                            {t("row")} {p.row}
                          </span>
                        </span>
                      </td>
                      <td className="px-3 py-2 sm:min-w-48">
                        {p.title}
                        {/* On a phone the due date and the action go under the title. */}
                        <span className="mt-1 block text-xs text-slate-600 sm:hidden">
                          {t("due")} {formatIsoDate(p.dueOn)} · {t(`actions.${p.action}`)}
                        </span>
                      </td>
                      <td className={`whitespace-nowrap px-3 py-2 tabular-nums ${WIDE}`}>{formatIsoDate(p.dueOn)}</td>
                      <td className={`px-3 py-2 ${WIDE}`}>{t(`actions.${p.action}`)}</td>
                    </tr>
                  ))}
                </PlanTable>
                {plan.rows > plan.preview.length && <p className="text-xs text-slate-600">{t("more", { shown: plan.preview.length })}</p>}
              </>
            )}
            {!committed && plan.created > 0 && (
              <button
                type="button"
                onClick={() => file && void send(file, "commit")}
                className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
              >
                {t("commit", { count: plan.created })}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
