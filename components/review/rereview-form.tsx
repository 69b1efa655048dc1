"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { recordRereviewAction } from "@/lib/actions/meetings";
import { LEVELS } from "@/lib/grading/types";
import type { RereviewInput } from "@/lib/schemas/meetings";

/**
 * The cell reviews again a record the committee sent back: the meeting's date, the tally per level among
 * the official members present, and what it concluded. The proposal goes back up to the committee.
 */
export function RereviewForm({ recordId, version, today }: { recordId: string; version: number; today: string }) {
  const t = useTranslations("meeting.rereview");
  const tAll = useTranslations();
  const form = useForm<RereviewInput>({
    defaultValues: {
      recordId,
      expectedVersion: version,
      heldOn: today,
      tally: { EXCELLENT: 0, GOOD: 0, COMPLETED: 0, NOT_COMPLETED: 0 },
      votersPresent: 0,
      note: "",
    },
  });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, recordRereviewAction, { success: t("saved"), refresh: true });
  const asNumber = { setValueAs: (v: string) => (v === "" ? 0 : Number(v)) };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <FormAlert message={status?.message} tone={status?.tone} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField type="date" label={t("heldOn")} {...form.register("heldOn")} error={fieldError("heldOn")} />
        <TextField type="number" min={1} label={t("votersPresent")} {...form.register("votersPresent", asNumber)} error={fieldError("votersPresent")} />
        {LEVELS.map((level) => (
          <TextField
            key={level}
            type="number"
            min={0}
            label={t("votesFor", { level: tAll(`grading.levels.${level}`) })}
            {...form.register(`tally.${level}`, asNumber)}
            error={fieldError(`tally.${level}`)}
          />
        ))}
      </div>
      <Field label={t("note")} error={fieldError("note")}>
        <Textarea {...form.register("note")} />
      </Field>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
