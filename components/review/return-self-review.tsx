"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { returnSelfReviewAction } from "@/lib/actions/self-reviews";

/** The secretary sends a submitted self-review back with a reason the member will read. */
export function ReturnSelfReview({ recordId }: { recordId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      setError(undefined);
      setFieldError(undefined);
      const result = await returnSelfReviewAction({ recordId, reason });
      if (result.ok) router.refresh();
      else {
        const key = result.fieldErrors?.reason;
        if (key) setFieldError(t(`errors.${key}`));
        setError(t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" }));
      }
    });
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      noValidate
    >
      <FormAlert message={error} />
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
          {t("selfReview.returnReason")}
        </label>
        <textarea
          id={id}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm aria-[invalid]:border-red-500"
        />
        {fieldError && (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {fieldError}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("common.saving") : t("selfReview.returnSubmit")}
      </Button>
    </form>
  );
}
