"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { updateCycleDeadlinesAction } from "@/lib/actions/cycles";
import { CycleDeadlinesSchema, type CycleDeadlinesInput } from "@/lib/schemas/cycles";

const FIELDS = ["selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"] as const;

export function CycleDeadlinesForm({ initial }: { initial: CycleDeadlinesInput }) {
  const t = useTranslations();
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const { register, handleSubmit, formState, setError, setValue } = useForm<CycleDeadlinesInput>({
    resolver: zodResolver(CycleDeadlinesSchema),
    defaultValues: initial,
  });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await updateCycleDeadlinesAction(values);
    if (result.ok) {
      setValue("expectedUpdatedAt", result.data.updatedAt);
      setStatus({ tone: "success", message: t("cycle.saved") });
      return;
    }
    for (const [name, key] of Object.entries(result.fieldErrors ?? {})) setError(name as keyof CycleDeadlinesInput, { message: key });
    setStatus({ tone: "error", message: t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" }) });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {FIELDS.map((name) => {
        const message = formState.errors[name]?.message;
        return <TextField key={name} type="date" label={t(`cycle.${name}`)} {...register(name)} error={message ? t(`errors.${message}`) : undefined} />;
      })}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
