"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAction } from "@/components/forms/use-action-form";
import { returnSelfReviewAction } from "@/lib/actions/self-reviews";

/** The secretary sends a submitted self-review back with a reason the member will read. */
export function ReturnSelfReview({ recordId }: { recordId: string }) {
  const t = useTranslations();
  const [reason, setReason] = useState("");
  const { run, pending, status, fieldError } = useAction();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => returnSelfReviewAction({ recordId, reason }), { refresh: true });
      }}
      noValidate
    >
      <FormAlert message={status?.message} />
      <Field label={t("selfReview.returnReason")} error={fieldError("reason")}>
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <SubmitButton variant="secondary" pending={pending} pendingLabel={t("common.saving")}>
        {t("selfReview.returnSubmit")}
      </SubmitButton>
    </form>
  );
}
