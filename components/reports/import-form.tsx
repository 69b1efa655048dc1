"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ImportErrors, ImportFileForm, ImportStatus, PlanTable, useImportRun } from "@/components/import/import-run";
import type { ImportPlan } from "@/lib/data/import";

/** Sends the file to the import route and shows its progress, the preview, and every error. */
export function ImportForm() {
  const t = useTranslations("reports.import");
  const [file, setFile] = useState<File | null>(null);
  const { state, send, reset } = useImportRun<ImportPlan>("/reports/import/run");

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
      <ImportFileForm
        label={t("file")}
        accept=".xlsx,.csv"
        disabled={!file || running}
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
                    onClick={() => file && void send(file, "commit")}
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
