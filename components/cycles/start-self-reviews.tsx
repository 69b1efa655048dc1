"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { startSelfReviewsAction } from "@/lib/actions/cycles";

export function StartSelfReviews({ cycleId, version, year }: { cycleId: string; version: number; year: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await startSelfReviewsAction({ cycleId, expectedVersion: version });
      if (result.ok) router.refresh();
      else setError(t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" }));
    });
  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <p className="text-sm text-slate-700">{t("cycle.startText")}</p>
      <ConfirmButton
        message={t("cycle.startConfirm", { year })}
        confirmLabel={t("cycle.confirm")}
        cancelLabel={t("cycle.cancel")}
        onConfirm={start}
        disabled={pending}
      >
        {pending ? t("common.saving") : t("cycle.startSubmit")}
      </ConfirmButton>
    </div>
  );
}
