"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { updateCycleDeadlinesAction } from "@/lib/actions/cycles";
import { ADOPTION_BASES } from "@/lib/review/meeting";
import { CycleDeadlinesSchema, type CycleDeadlinesInput } from "@/lib/schemas/cycles";

const FIELDS = ["selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"] as const;

export function CycleDeadlinesForm({ initial }: { initial: CycleDeadlinesInput }) {
  const t = useTranslations();
  const form = useForm<CycleDeadlinesInput>({ resolver: zodResolver(CycleDeadlinesSchema), defaultValues: initial });
  const { status, onSubmit, fieldError } = useActionForm(form, updateCycleDeadlinesAction, {
    successMessage: t("cycle.saved"),
    onSuccess: ({ version }) => form.setValue("expectedVersion", version),
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {FIELDS.map((name) => (
        <TextField key={name} type="date" label={t(`cycle.${name}`)} {...form.register(name)} error={fieldError(name)} />
      ))}
      <div>
        <label htmlFor="adoptionBase" className="block text-sm font-medium text-slate-800">
          {t("cycle.adoptionBase")}
        </label>
        <p id="adoptionBase-hint" className="text-sm text-slate-600">
          {t("cycle.adoptionBaseHint")}
        </p>
        <select
          id="adoptionBase"
          {...form.register("adoptionBase")}
          aria-describedby={fieldError("adoptionBase") ? "adoptionBase-hint adoptionBase-error" : "adoptionBase-hint"}
          aria-invalid={fieldError("adoptionBase") ? true : undefined}
          className="mt-1 min-h-10 w-full rounded-lg border border-slate-300 bg-white px-3"
        >
          {ADOPTION_BASES.map((base) => (
            <option key={base} value={base}>
              {t(`cycle.adoptionBases.${base}`)}
            </option>
          ))}
        </select>
        {fieldError("adoptionBase") ? (
          <p id="adoptionBase-error" className="mt-1 text-sm text-red-700">
            {fieldError("adoptionBase")}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
