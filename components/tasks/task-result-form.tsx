"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Field, Textarea, TextInput } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAction } from "@/components/forms/use-action-form";
import { correctTaskAction, reportTaskAction } from "@/lib/actions/tasks";
import type { TaskResultInput } from "@/lib/schemas/tasks";

type Outcome = "DONE" | "NOT_DONE";

/** The result as the form holds it: both outcomes' fields, so switching back and forth loses nothing typed. */
export type ResultDraft = {
  outcome: Outcome | "";
  doneOn: string;
  product: string;
  productLink: string;
  exceeded: boolean;
  exceededGrounds: string;
  notDoneReason: string;
  forceMajeure: boolean;
};

function resultOf(draft: ResultDraft): TaskResultInput {
  if (draft.outcome === "NOT_DONE") return { outcome: "NOT_DONE", notDoneReason: draft.notDoneReason, forceMajeure: draft.forceMajeure };
  if (draft.outcome === "DONE") {
    return {
      outcome: "DONE",
      doneOn: draft.doneOn,
      product: draft.product,
      productLink: draft.productLink,
      exceeded: draft.exceeded,
      exceededGrounds: draft.exceeded ? draft.exceededGrounds : "",
    };
  }
  // No outcome chosen: the schema answers "required" on `result`.
  return undefined as unknown as TaskResultInput;
}

/**
 * Reports a task's result (its keeper), or corrects a confirmed one (its confirmer, with the reason):
 * done — when, the product, a link, whether it exceeded what was asked and on what grounds; or not done —
 * why, and whether by force majeure.
 */
export function TaskResultForm({
  taskId,
  expectedVersion,
  initial,
  today,
  mode,
}: {
  taskId: string;
  expectedVersion: number;
  initial: ResultDraft;
  today: string;
  mode: "report" | "correct";
}) {
  const t = useTranslations("tasks.task");
  const tc = useTranslations("common");
  const [draft, setDraft] = useState(initial);
  const [reason, setReason] = useState("");
  const { run, pending, status, fieldError } = useAction();
  const outcomeId = useId();
  const set = <K extends keyof ResultDraft>(name: K, value: ResultDraft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const radio = "h-4 w-4 border-slate-300 text-brand-700";
  const outcomeError = fieldError("result") ?? fieldError("result.outcome");

  return (
    <form
      className="space-y-4"
      noValidate
      data-testid={`${mode}-task`}
      onSubmit={(e) => {
        e.preventDefault();
        const result = resultOf(draft);
        run(
          () => (mode === "report" ? reportTaskAction({ taskId, expectedVersion, result }) : correctTaskAction({ taskId, expectedVersion, reason, result })),
          { refresh: true, success: t(mode === "report" ? "reported" : "corrected") },
        );
      }}
    >
      <FormAlert message={status?.message} tone={status?.tone} />
      <fieldset aria-describedby={outcomeError ? `${outcomeId}-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("outcome")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["DONE", "NOT_DONE"] as const).map((outcome) => (
            <label key={outcome} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${outcomeId}-outcome`}
                className={radio}
                checked={draft.outcome === outcome}
                onChange={() => set("outcome", outcome)}
              />
              {t(`outcomes.${outcome}`)}
            </label>
          ))}
        </div>
        {outcomeError && (
          <p id={`${outcomeId}-error`} className="mt-1 text-sm text-red-700">
            {outcomeError}
          </p>
        )}
      </fieldset>

      {draft.outcome === "DONE" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("doneOn")} error={fieldError("result.doneOn")}>
            <TextInput type="date" max={today} value={draft.doneOn} onChange={(e) => set("doneOn", e.target.value)} />
          </Field>
          <Field label={t("productLink")} hint={t("productLinkHint")} error={fieldError("result.productLink")}>
            <TextInput type="url" inputMode="url" value={draft.productLink} onChange={(e) => set("productLink", e.target.value)} />
          </Field>
          <Field label={t("product")} hint={t("productHint")} className="sm:col-span-2" error={fieldError("result.product")}>
            <Textarea autoGrow value={draft.product} onChange={(e) => set("product", e.target.value)} />
          </Field>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 rounded border-slate-300"
              checked={draft.exceeded}
              onChange={(e) => set("exceeded", e.target.checked)}
            />
            <span>{t("exceededLabel")}</span>
          </label>
          {draft.exceeded && (
            <Field label={t("exceededGrounds")} hint={t("exceededGroundsHint")} className="sm:col-span-2" error={fieldError("result.exceededGrounds")}>
              <Textarea autoGrow value={draft.exceededGrounds} onChange={(e) => set("exceededGrounds", e.target.value)} />
            </Field>
          )}
        </div>
      )}

      {draft.outcome === "NOT_DONE" && (
        <div className="space-y-4">
          <Field label={t("notDoneReason")} error={fieldError("result.notDoneReason")}>
            <Textarea autoGrow value={draft.notDoneReason} onChange={(e) => set("notDoneReason", e.target.value)} />
          </Field>
          <div>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4 rounded border-slate-300"
                checked={draft.forceMajeure}
                aria-describedby={`${outcomeId}-force-majeure`}
                onChange={(e) => set("forceMajeure", e.target.checked)}
              />
              <span>{t("forceMajeure")}</span>
            </label>
            <p id={`${outcomeId}-force-majeure`} className="mt-1 pl-6 text-xs text-slate-600">
              {t("forceMajeureHint")}
            </p>
          </div>
        </div>
      )}

      {mode === "correct" && (
        <Field label={t("correctReason")} hint={t("correctReasonHint")} error={fieldError("reason")}>
          <Textarea autoGrow value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}

      <SubmitButton pending={pending} pendingLabel={tc("saving")}>
        {t(mode === "report" ? "reportSubmit" : "correctSubmit")}
      </SubmitButton>
    </form>
  );
}
