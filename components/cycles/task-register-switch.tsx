"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { setCycleTaskRegisterAction } from "@/lib/actions/tasks";

/** Cycle statuses in which the choice may still change (lib/data/cycles.ts, setCycleTaskRegister). */
const SWITCHABLE = ["PREPARING", "SELF_REVIEW"];

/**
 * "Dùng sổ theo dõi nhiệm vụ để tính số liệu nhiệm vụ": the upper committee turns the register on or off
 * for a cycle, after a confirmation saying what happens to the records' numbers; once the committees
 * decide (DECIDING and later) the switch is disabled, and says why.
 */
export function TaskRegisterSwitch({
  cycleId,
  version,
  year,
  status,
  enabled,
}: {
  cycleId: string;
  version: number;
  year: number;
  status: string;
  enabled: boolean;
}) {
  const t = useTranslations("tasks.yearEnd.cycleSwitch");
  const tAll = useTranslations();
  const { run, pending, status: result } = useAction({ messages: ["errors"] });
  const locked = !SWITCHABLE.includes(status);
  const stateId = useId();
  const lockedId = useId();
  return (
    <div className="space-y-3" data-testid="task-register-switch">
      <FormAlert message={result?.message} tone={result?.tone} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-3 text-sm font-medium text-slate-900">
          <span
            aria-hidden="true"
            className={`relative inline-flex h-6 w-11 shrink-0 rounded-full transition-colors ${enabled ? "bg-brand-700" : "bg-slate-300"}`}
          >
            <span className={`absolute top-0.5 size-5 rounded-full bg-white shadow transition-transform ${enabled ? "translate-x-5" : "translate-x-0.5"}`} />
          </span>
          <span>{t("label")}</span>
        </p>
        <ConfirmButton
          message={enabled ? t("confirmOff", { year }) : t("confirmOn", { year })}
          confirmLabel={enabled ? t("turnOff") : t("turnOn")}
          cancelLabel={tAll("cycle.cancel")}
          disabled={locked || pending}
          describedBy={locked ? `${stateId} ${lockedId}` : stateId}
          onConfirm={() =>
            run(() => setCycleTaskRegisterAction({ cycleId, expectedVersion: version, enabled: !enabled }), {
              refresh: true,
              success: (data) => (enabled ? t("savedOff") : t("savedOn", { records: data.records })),
            })
          }
        >
          {pending ? tAll("common.saving") : enabled ? t("turnOff") : t("turnOn")}
        </ConfirmButton>
      </div>
      <p id={stateId} className="text-sm text-slate-700" data-testid="task-register-state">
        {enabled ? t("on") : t("off")}
      </p>
      {locked && (
        <p id={lockedId} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t("locked")}
        </p>
      )}
    </div>
  );
}
