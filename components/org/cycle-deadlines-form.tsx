"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, Select } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { Options } from "@/components/forms/options";
import { TextField } from "@/components/forms/text-field";
import { keepVersion, useActionForm } from "@/components/forms/use-action-form";
import { updateCycleDeadlinesAction } from "@/lib/actions/cycles";
import { ADOPTION_BASES } from "@/lib/review/meeting";
import type { CycleDeadlinesInput } from "@/lib/schemas/cycles";

const FIELDS = ["selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"] as const;

export function CycleDeadlinesForm({ initial }: { initial: CycleDeadlinesInput }) {
  const t = useTranslations();
  const form = useForm<CycleDeadlinesInput>({ defaultValues: initial });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, updateCycleDeadlinesAction, {
    success: t("cycle.saved"),
    onSuccess: keepVersion(form),
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {FIELDS.map((name) => (
        <TextField key={name} type="date" label={t(`cycle.${name}`)} {...form.register(name)} error={fieldError(name)} />
      ))}
      <Field label={t("cycle.adoptionBase")} description={t("cycle.adoptionBaseHint")} error={fieldError("adoptionBase")} id="adoptionBase">
        <Select {...form.register("adoptionBase")}>
          <Options values={ADOPTION_BASES} label={(base) => t(`cycle.adoptionBases.${base}`)} />
        </Select>
      </Field>
      <SubmitButton pending={pending} pendingLabel={t("common.saving")}>
        {t("common.save")}
      </SubmitButton>
    </form>
  );
}
