"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { Select } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { Options } from "@/components/forms/options";
import { TextField } from "@/components/forms/text-field";
import { useAction, useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { createRemediationPlanAction, updateRemediationStatusAction } from "@/lib/actions/remediation";
import type { RemediationPlanInput } from "@/lib/schemas/decisions";
import { formatIsoDate } from "@/lib/i18n/format";

type Item = { id: string; shortcoming: string; measures: string; responsible: string; deadline: string; status: "OPEN" | "IN_PROGRESS" | "DONE" };

const STATUS_TONE = { OPEN: "amber", IN_PROGRESS: "blue", DONE: "green" } as const;

/** The record's remediation plan: its items and their follow-up; the committee's form to record one. */
export function RemediationPanel({
  recordId,
  items,
  needed,
  canPlan,
  canFollowUp,
}: {
  recordId: string;
  items: Item[];
  needed: boolean;
  canPlan: boolean;
  canFollowUp: boolean;
}) {
  const t = useTranslations("decide.remediation");
  return (
    <div className="space-y-4">
      {needed ? <p className="text-sm font-medium text-amber-900">{t("needed")}</p> : null}
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ol className="space-y-3" data-testid="remediation-items">
          {items.map((item, i) => (
            <li key={item.id} className="space-y-1 rounded-lg border border-slate-200 p-3 text-sm">
              <p className="font-medium text-slate-900">
                {t("item", { n: i + 1 })}: {item.shortcoming}
              </p>
              <p>
                <span className="text-slate-600">{t("measures")}:</span> {item.measures}
              </p>
              <p className="text-slate-700">
                {t("responsible")}: {item.responsible} · {t("deadline")}: {formatIsoDate(item.deadline)}
              </p>
              {canFollowUp ? (
                <StatusSelect item={item} label={t("statusFor", { item: i + 1 })} />
              ) : (
                <Badge tone={STATUS_TONE[item.status]}>{t(`statuses.${item.status}`)}</Badge>
              )}
            </li>
          ))}
        </ol>
      )}
      {canPlan ? <PlanForm recordId={recordId} /> : null}
    </div>
  );
}

/** A follow-up status saved as soon as it is chosen; refused, the select shows the status stored. */
function StatusSelect({ item, label }: { item: Item; label: string }) {
  const t = useTranslations("decide.remediation");
  const { run, pending } = useAction();
  const [status, setStatus] = useState(item.status);
  return (
    <label className="flex flex-wrap items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <Select
        widthClass="w-auto"
        value={status}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Item["status"];
          setStatus(next);
          run(() => updateRemediationStatusAction({ itemId: item.id, status: next }), { refresh: true, onFailure: () => setStatus(item.status) });
        }}
      >
        <Options values={["OPEN", "IN_PROGRESS", "DONE"] as const} label={(s) => t(`statuses.${s}`)} />
      </Select>
    </label>
  );
}

function PlanForm({ recordId }: { recordId: string }) {
  const t = useTranslations("decide.remediation");
  const empty = { shortcoming: "", measures: "", responsible: "", deadline: "" };
  const form = useForm<RemediationPlanInput>({ defaultValues: { recordId, items: [empty] } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "items" });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, createRemediationPlanAction, {
    success: t("saved"),
    onSuccess: () => form.reset({ recordId, items: [empty] }),
    refresh: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg bg-slate-50 p-3" aria-label={t("submit")}>
      <FormAlert message={status?.message} tone={status?.tone} />
      {fields.map((field, i) => (
        <fieldset key={field.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium">{t("item", { n: i + 1 })}</legend>
          <TextField label={t("shortcoming")} {...form.register(`items.${i}.shortcoming`)} error={fieldError(`items.${i}.shortcoming`)} />
          <TextField label={t("measures")} {...form.register(`items.${i}.measures`)} error={fieldError(`items.${i}.measures`)} />
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField label={t("responsible")} {...form.register(`items.${i}.responsible`)} error={fieldError(`items.${i}.responsible`)} />
            <TextField label={t("deadline")} type="date" {...form.register(`items.${i}.deadline`)} error={fieldError(`items.${i}.deadline`)} />
          </div>
          {fields.length > 1 ? (
            <Button type="button" variant="ghost" onClick={() => remove(i)}>
              {t("remove", { n: i + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => append(empty)}>
          {t("add")}
        </Button>
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
