"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, Select } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { Options } from "@/components/forms/options";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { openCycleAction } from "@/lib/actions/cycles";
import { ruleSetForYear } from "@/lib/grading/rule-sets";

/** Opens the review of a year; the rule set follows from the year and is said before confirming. */
export function OpenCycleForm({ upperOrgId, years }: { upperOrgId: string; years: number[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { run, pending, status, errorText } = useAction();
  const [year, setYear] = useState(years[0]);
  const ruleSet = t(`grading.ruleSets.${ruleSetForYear(year)}`);

  const open = () =>
    run(() => openCycleAction({ upperOrgId, year }), {
      onSuccess: ({ id }) => router.push(`/cycles/${id}`),
      // The year is the only field: its error is the form's.
      failure: (result) => errorText(Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? "INVALID_INPUT", { id: result.errorId ?? "" }),
    });

  return (
    <div className="space-y-3">
      <FormAlert message={status?.message} />
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("cycle.openYear")}>
          <Select widthClass="w-auto" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            <Options values={years} label={(y) => y} />
          </Select>
        </Field>
        <ConfirmButton
          message={t("cycle.openConfirm", { year, ruleSet })}
          confirmLabel={t("cycle.confirm")}
          cancelLabel={t("cycle.cancel")}
          onConfirm={open}
          disabled={pending}
        >
          {pending ? t("common.saving") : t("cycle.openSubmit", { year })}
        </ConfirmButton>
      </div>
      <p className="text-sm text-slate-600">{t("cycle.ruleSetOfYear", { ruleSet })}</p>
    </div>
  );
}
