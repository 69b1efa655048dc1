"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { updateCycleDeadlinesAction } from "@/lib/actions/cycles";
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
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
