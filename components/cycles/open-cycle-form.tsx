"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { openCycleAction } from "@/lib/actions/cycles";
import { ruleSetForYear } from "@/lib/grading/rule-sets";

/** Opens the review of a year; the rule set follows from the year and is said before confirming. */
export function OpenCycleForm({ upperOrgId, years }: { upperOrgId: string; years: number[] }) {
  const t = useTranslations();
  const router = useRouter();
  const selectId = useId();
  const [year, setYear] = useState(years[0]);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const ruleSet = t(`grading.ruleSets.${ruleSetForYear(year)}`);

  const open = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await openCycleAction({ upperOrgId, year });
      if (result.ok) router.push(`/cycles/${result.data.id}`);
      else {
        const key = Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? "INVALID_INPUT";
        setError(t(`errors.${key}`, { id: result.errorId ?? "" }));
      }
    });

  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={selectId} className="mb-1 block text-sm font-medium text-slate-800">
            {t("cycle.openYear")}
          </label>
          <select
            id={selectId}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            className="block min-h-10 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
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
