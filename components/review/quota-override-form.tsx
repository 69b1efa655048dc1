"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { recordQuotaOverrideAction } from "@/lib/actions/decisions";
import type { QuotaOverrideInput } from "@/lib/schemas/decisions";

/**
 * The decision that lets a peer group exceed the 20 % cap (older rule sets) or raises its rate up to 25 %
 * (QD366_HD43): number, date, issuing body and reason, as the committee's written decision gives them.
 */
export function QuotaOverrideForm({
  peerGroupId,
  groupName,
  raisesRate,
  year,
  onRecorded,
}: {
  peerGroupId: string;
  groupName: string;
  raisesRate: boolean;
  year: number;
  /** Told the decision's number once it is recorded (the form itself closes). */
  onRecorded?: (decisionNo: string) => void;
}) {
  const t = useTranslations("decide.override");
  const [open, setOpen] = useState(false);
  const empty: QuotaOverrideInput = { peerGroupId, decisionNo: "", decidedOn: "", issuer: "", reason: "", ...(raisesRate ? { ratePercent: 25 } : {}) };
  const form = useForm<QuotaOverrideInput>({ defaultValues: empty });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, recordQuotaOverrideAction, {
    success: t("saved"),
    // Recorded: the form closes empty (nothing left to send twice) and the page reads the group's new cap.
    onSuccess: () => {
      onRecorded?.(form.getValues("decisionNo"));
      form.reset(empty);
      setOpen(false);
    },
    refresh: true,
  });
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("title", { group: groupName })}>
      <p className="text-sm font-medium text-slate-900">{t("title", { group: groupName })}</p>
      <p className="text-xs text-slate-600">{raisesRate ? t("hintRate") : t("hintLift")}</p>
      {/* Success closes the form; the desk's bar says what was recorded. */}
      <FormAlert message={status?.tone === "error" ? status.message : undefined} tone="error" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("decisionNo")} {...form.register("decisionNo")} error={fieldError("decisionNo")} />
        <TextField label={t("decidedOn")} type="date" min={`${year}-01-01`} {...form.register("decidedOn")} error={fieldError("decidedOn")} />
        <TextField label={t("issuer")} {...form.register("issuer")} error={fieldError("issuer")} className="sm:col-span-2" />
        {raisesRate ? (
          <TextField
            label={t("ratePercent")}
            type="number"
            min={21}
            max={25}
            step={1}
            {...form.register("ratePercent", { valueAsNumber: true })}
            error={fieldError("ratePercent")}
          />
        ) : null}
      </div>
      <Field label={t("reason")} error={fieldError("reason")}>
        <Textarea rows={2} {...form.register("reason")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
