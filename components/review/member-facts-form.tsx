"use client";

import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { keepVersion, useActionForm } from "@/components/forms/use-action-form";
import { updateMemberRatingFactsAction } from "@/lib/actions/records";
import { evaluateSubject } from "@/lib/grading/evaluate";
import type { IsoDate } from "@/lib/grading/types";
import { scoreTotals, toTenths, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { memberSubject, RULES_CATEGORY, scoredItems, type MemberStanding } from "@/lib/review/facts";
import type { MemberRatingFactsInput } from "@/lib/schemas/record-facts";
import { RegisterTaskFacts } from "./register-task-facts";
import type { TaskCapSource } from "./task-cap-lines";
import { VerdictPanel } from "./verdict-panel";

const points = (tenths: number) => (tenths / 10).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
const asNumberOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

type Props = {
  initial: MemberRatingFactsInput;
  sheet: ScoreSheetContent;
  standing: MemberStanding;
  ratingDate: IsoDate;
  peerGroup: string;
  readOnly: boolean;
  /** The cycle counts the tasks from the register: the four numbers are shown as counted, not asked. */
  register?: (TaskCapSource & { canRead: boolean }) | null;
};

/**
 * The facts the 100-point rules read for one member's record: a score per item of the cycle's sheet,
 * the year's tasks, the shortcomings named last year, and for leaders the units they lead. Beside it,
 * what lib/grading says of them, recomputed in the browser at every keystroke.
 */
export function MemberFactsForm({ initial, sheet, standing, ratingDate, peerGroup, readOnly, register = null }: Props) {
  const t = useTranslations();
  const form = useForm<MemberRatingFactsInput>({ defaultValues: initial });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, updateMemberRatingFactsAction, {
    success: t("facts.saved"),
    onSuccess: keepVersion(form),
  });
  const values = useWatch({ control: form.control }) as MemberRatingFactsInput;
  const leader = RULES_CATEGORY[standing.category] === "LEADER";

  const totals = scoreTotals(sheet, scoredItems(values.scoreItems ?? {}));
  const verdict = evaluateSubject(
    memberSubject(standing, { ...initial, ...values, scoreItems: values.scoreItems ?? {} } as MemberRatingFactsInput, sheet, {
      peerGroup,
      proposed: "NOT_COMPLETED",
    }),
    { ruleSet: "QD366_HD43", ratingDate },
  );
  const countField = (
    name: `tasks.${"assigned" | "completed" | "onTime" | "exceeded"}` | `shortcomings.${"named" | "remedied"}` | `ledUnits.${"count" | "notCompleted"}`,
  ) => (
    <TextField
      key={name}
      type="number"
      inputMode="numeric"
      min={0}
      step={1}
      label={t(`facts.fields.${name}`)}
      disabled={readOnly}
      error={fieldError(name)}
      {...form.register(name, { valueAsNumber: true })}
    />
  );
  const checkbox = (
    name: "degradationConcluded" | "prohibitedActsConcluded" | "lowConfidenceOver50" | "corruptionInScope" | "fiveTargetsMissed" | "forceMajeure",
  ) => (
    <label key={name} className="flex items-start gap-2 text-sm text-slate-800">
      <input type="checkbox" className="mt-1 size-4" disabled={readOnly} {...form.register(name)} />
      <span>{t(`facts.${name}`)}</span>
    </label>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
      <form onSubmit={onSubmit} className="space-y-6" noValidate>
        <FormAlert message={status?.message} tone={status?.tone} />
        {sheet.groups.map((group) => {
          const sum = group.key === "GENERAL" ? totals.generalTenths : totals.resultsTenths;
          const max = group.items.reduce((n, item) => n + (toTenths(item.maxPoints) ?? 0), 0);
          return (
            <fieldset key={group.key} className="rounded-lg border border-slate-200 p-4">
              <legend className="px-1 text-base font-semibold text-slate-900">{t(`cycle.groups.${group.key}`)}</legend>
              <p className="mb-3 text-sm text-slate-700">{t("cycle.groupTotal", { sum: points(sum), max: points(max) })}</p>
              <div className="space-y-3">
                {group.items.map((item) => (
                  <TextField
                    key={item.key}
                    type="number"
                    inputMode="decimal"
                    step="0.1"
                    min={0}
                    max={item.maxPoints}
                    label={`${item.label} (${t("facts.maxPoints", { max: item.maxPoints.toLocaleString("vi-VN") })})`}
                    disabled={readOnly}
                    error={fieldError(`scoreItems.${item.key}`)}
                    {...form.register(`scoreItems.${item.key}`, { setValueAs: asNumberOrNull })}
                  />
                ))}
              </div>
            </fieldset>
          );
        })}
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-base font-semibold text-slate-900">{leader ? t("facts.tasksLeader") : t("facts.tasks")}</legend>
          {register ? (
            <RegisterTaskFacts
              register={register}
              labels={{
                assigned: t("facts.fields.tasks.assigned"),
                completed: t("facts.fields.tasks.completed"),
                onTime: t("facts.fields.tasks.onTime"),
                exceeded: t("facts.fields.tasks.exceeded"),
              }}
            />
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              {(["tasks.assigned", "tasks.completed", "tasks.onTime", "tasks.exceeded"] as const).map(countField)}
            </div>
          )}
        </fieldset>
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-base font-semibold text-slate-900">{t("facts.shortcomings")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">{(["shortcomings.named", "shortcomings.remedied"] as const).map(countField)}</div>
        </fieldset>
        <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-base font-semibold text-slate-900">{t("facts.conclusions")}</legend>
          {(["degradationConcluded", "prohibitedActsConcluded"] as const).map(checkbox)}
        </fieldset>
        {leader && (
          <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-base font-semibold text-slate-900">{t("facts.leader")}</legend>
            <div className="grid gap-3 sm:grid-cols-2">{(["ledUnits.count", "ledUnits.notCompleted"] as const).map(countField)}</div>
            {(["lowConfidenceOver50", "corruptionInScope", "fiveTargetsMissed", "forceMajeure"] as const).map(checkbox)}
          </fieldset>
        )}
        {!readOnly && (
          <SubmitButton pending={pending} pendingLabel={t("common.saving")}>
            {t("common.save")}
          </SubmitButton>
        )}
      </form>
      <div className="lg:sticky lg:top-4">
        <VerdictPanel verdict={verdict} scoreTenths={totals.complete ? totals.generalTenths + totals.resultsTenths : null} taskCaps={register} />
      </div>
    </div>
  );
}
