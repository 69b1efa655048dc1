"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useForm, useWatch, type Control } from "react-hook-form";
import { Field, Textarea, TextInput } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { keepVersion, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { updateScoreSheetAction } from "@/lib/actions/cycles";
import { GROUP_MAX_TENTHS, SCORE_GROUPS, toTenths } from "@/lib/grading/score-sheet";
import type { ScoreSheetInput } from "@/lib/schemas/cycles";

const formatPoints = (tenths: number) => (tenths / 10).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/** The upper committee's sheet of one framework: items and their maximum points, the sums shown live. */
export function ScoreSheetForm({ initial }: { initial: ScoreSheetInput }) {
  const t = useTranslations();
  const form = useForm<ScoreSheetInput>({ defaultValues: initial });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, updateScoreSheetAction, {
    success: t("cycle.sheetSaved"),
    onSuccess: keepVersion(form),
  });

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {fieldError("groups") && <FormAlert message={fieldError("groups")} />}
      {SCORE_GROUPS.map((key, g) => (
        <GroupFields key={key} index={g} control={form.control} register={form.register} fieldError={fieldError} />
      ))}
      <SubmitButton pending={pending} pendingLabel={t("common.saving")}>
        {t("common.save")}
      </SubmitButton>
    </form>
  );
}

type FieldError = ReturnType<typeof useActionForm<ScoreSheetInput, unknown>>["fieldError"];

function GroupFields({
  index,
  control,
  register,
  fieldError,
}: {
  index: number;
  control: Control<ScoreSheetInput>;
  register: ReturnType<typeof useForm<ScoreSheetInput>>["register"];
  fieldError: FieldError;
}) {
  const t = useTranslations("cycle");
  const groupKey = SCORE_GROUPS[index];
  const { fields, append, remove } = useFieldArray({ control, name: `groups.${index}.items` });
  const items = useWatch({ control, name: `groups.${index}.items` }) ?? [];
  const sum = items.reduce((total, item) => total + (toTenths(Number(item?.maxPoints)) ?? 0), 0);
  const max = GROUP_MAX_TENTHS[groupKey];
  // The browser's check files an array's own error under `.root`; the server's under the array itself.
  const groupError = fieldError(`groups.${index}.items.root` as `groups.${number}.items`) ?? fieldError(`groups.${index}.items`);
  const totalId = `group-${groupKey}-total`;

  return (
    <fieldset className="rounded-lg border border-slate-200 p-4" aria-describedby={totalId}>
      <legend className="px-1 text-base font-semibold text-slate-900">{t(`groups.${groupKey}`)}</legend>
      <p id={totalId} aria-live="polite" className={`mb-3 text-sm font-medium ${sum === max ? "text-emerald-700" : "text-amber-800"}`}>
        {t("groupTotal", { sum: formatPoints(sum), max: formatPoints(max) })}
      </p>
      {groupError && <p className="mb-3 text-sm text-red-700">{groupError}</p>}
      <ol className="space-y-3">
        {fields.map((field, i) => {
          return (
            <li key={field.id} className="grid gap-2 sm:grid-cols-[1fr_8rem_auto] sm:items-start">
              <Field label={t("itemLabel", { n: i + 1 })} hideLabel error={fieldError(`groups.${index}.items.${i}.label`)} id={`${field.id}-label`}>
                <Textarea rows={2} {...register(`groups.${index}.items.${i}.label`)} />
              </Field>
              <Field label={t("itemPoints", { n: i + 1 })} hideLabel error={fieldError(`groups.${index}.items.${i}.maxPoints`)} id={`${field.id}-points`}>
                <div className="flex items-center gap-2">
                  <TextInput
                    type="number"
                    inputMode="decimal"
                    step="0.1"
                    min="0.1"
                    widthClass="w-24"
                    className="text-right"
                    {...register(`groups.${index}.items.${i}.maxPoints`)}
                  />
                  <span className="text-sm text-slate-600">{t("points")}</span>
                </div>
              </Field>
              <Button type="button" variant="ghost" onClick={() => remove(i)} aria-label={t("removeItem", { n: i + 1 })}>
                ✕
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="mt-3"
        onClick={() => append({ key: `${groupKey === "GENERAL" ? "c" : "k"}-${crypto.randomUUID().slice(0, 8)}`, label: "", maxPoints: 0 })}
      >
        {t("addItem")}
      </Button>
    </fieldset>
  );
}
