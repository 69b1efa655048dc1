"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { markNotRatedAction, reinstateAction } from "@/lib/actions/not-rated";
import { MEMBER_NOT_RATED_REASONS } from "@/lib/schemas/values";

/**
 * The secretary sets a member's record aside from the rating with its reason, or takes a record set aside
 * back into the review with why. Both ask before they act; the server checks everything again.
 */
export function NotRatedForm({ recordId, version, mode }: { recordId: string; version: number; mode: "mark" | "reinstate" }) {
  const t = useTranslations();
  const id = useId();
  const [reason, setReason] = useState<(typeof MEMBER_NOT_RATED_REASONS)[number] | "">("");
  const [text, setText] = useState("");
  const { run, pending, status, fieldError } = useAction();

  const send = () =>
    run(
      () =>
        mode === "mark"
          ? markNotRatedAction({ recordId, expectedVersion: version, reason: reason as (typeof MEMBER_NOT_RATED_REASONS)[number], note: text })
          : reinstateAction({ recordId, expectedVersion: version, reason: text }),
      { refresh: true },
    );

  const textField = mode === "mark" ? "note" : "reason";
  return (
    <form className="space-y-3" onSubmit={(e) => e.preventDefault()} noValidate>
      <FormAlert message={status?.message} />
      {mode === "mark" && (
        <fieldset aria-invalid={fieldError("reason") ? true : undefined} aria-describedby={fieldError("reason") ? `${id}-reason-error` : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("notRated.reason")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {MEMBER_NOT_RATED_REASONS.map((r) => (
              <label
                key={r}
                className="flex items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} className="mt-0.5" />
                <span>{t(`notRatedReasons.${r}`)}</span>
              </label>
            ))}
          </div>
          {fieldError("reason") && (
            <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700">
              {fieldError("reason")}
            </p>
          )}
        </fieldset>
      )}
      <Field
        label={mode === "mark" ? t("notRated.note") : t("notRated.reinstateReason")}
        hint={mode === "mark" ? t("notRated.noteHint") : t("notRated.reinstateHint")}
        error={fieldError(textField)}
      >
        <Textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <ConfirmButton
        message={mode === "mark" ? t("notRated.confirm", { reason: reason ? t(`notRatedReasons.${reason}`) : "—" }) : t("notRated.reinstateConfirm")}
        confirmLabel={mode === "mark" ? t("notRated.submit") : t("notRated.reinstateSubmit")}
        cancelLabel={t("notRated.cancel")}
        onConfirm={send}
        disabled={pending}
      >
        {pending ? t("common.saving") : mode === "mark" ? t("notRated.submit") : t("notRated.reinstateSubmit")}
      </ConfirmButton>
    </form>
  );
}
