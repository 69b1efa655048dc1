"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { markNotRatedAction, reinstateAction } from "@/lib/actions/not-rated";
import { MEMBER_NOT_RATED_REASONS } from "@/lib/schemas/not-rated";

/**
 * The secretary sets a member's record aside from the rating with its reason, or takes a record set aside
 * back into the review with why. Both ask before they act; the server checks everything again.
 */
export function NotRatedForm({ recordId, version, mode }: { recordId: string; version: number; mode: "mark" | "reinstate" }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState<(typeof MEMBER_NOT_RATED_REASONS)[number] | "">("");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  const send = () =>
    startTransition(async () => {
      setError(undefined);
      setFieldErrors({});
      const result =
        mode === "mark"
          ? await markNotRatedAction({ recordId, expectedVersion: version, reason: reason as (typeof MEMBER_NOT_RATED_REASONS)[number], note: text })
          : await reinstateAction({ recordId, expectedVersion: version, reason: text });
      if (result.ok) {
        router.refresh();
        return;
      }
      setFieldErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([field, key]) => [field, t(`errors.${key}`)])));
      setError(t(`errors.${result.formError ?? "INVALID_INPUT"}`, { ...result.formValues, id: result.errorId ?? "" }));
    });

  const textField = mode === "mark" ? "note" : "reason";
  return (
    <form className="space-y-3" onSubmit={(e) => e.preventDefault()} noValidate>
      <FormAlert message={error} />
      {mode === "mark" && (
        <fieldset aria-invalid={fieldErrors.reason ? true : undefined} aria-describedby={fieldErrors.reason ? `${id}-reason-error` : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("notRated.reason")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {MEMBER_NOT_RATED_REASONS.map((r) => (
              <label key={r} className="flex items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} className="mt-0.5" />
                <span>{t(`notRatedReasons.${r}`)}</span>
              </label>
            ))}
          </div>
          {fieldErrors.reason && (
            <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700">
              {fieldErrors.reason}
            </p>
          )}
        </fieldset>
      )}
      <div>
        <label htmlFor={`${id}-text`} className="mb-1 block text-sm font-medium text-slate-800">
          {mode === "mark" ? t("notRated.note") : t("notRated.reinstateReason")}
        </label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={fieldErrors[textField] ? true : undefined}
          aria-describedby={`${id}-hint${fieldErrors[textField] ? ` ${id}-text-error` : ""}`}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm aria-[invalid]:border-red-500"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {mode === "mark" ? t("notRated.noteHint") : t("notRated.reinstateHint")}
        </p>
        {fieldErrors[textField] && (
          <p id={`${id}-text-error`} className="mt-1 text-sm text-red-700">
            {fieldErrors[textField]}
          </p>
        )}
      </div>
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
