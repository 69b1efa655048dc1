"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { startSelfReviewsAction } from "@/lib/actions/cycles";

export function StartSelfReviews({ cycleId, version, year }: { cycleId: string; version: number; year: number }) {
  const t = useTranslations();
  const { run, pending, status } = useAction();
  return (
    <div className="space-y-3">
      <FormAlert message={status?.message} />
      <p className="text-sm text-slate-700">{t("cycle.startText")}</p>
      <ConfirmButton
        message={t("cycle.startConfirm", { year })}
        confirmLabel={t("cycle.confirm")}
        cancelLabel={t("cycle.cancel")}
        onConfirm={() => run(() => startSelfReviewsAction({ cycleId, expectedVersion: version }), { refresh: true })}
        disabled={pending}
      >
        {pending ? t("common.saving") : t("cycle.startSubmit")}
      </ConfirmButton>
    </div>
  );
}
