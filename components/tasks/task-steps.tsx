"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { confirmTaskAction, returnTaskAction, withdrawTaskAction } from "@/lib/actions/tasks";

/** The confirmer confirms a reported result: from now on it counts in the year's figures. */
export function ConfirmTaskButton({ taskId, expectedVersion }: { taskId: string; expectedVersion: number }) {
  const t = useTranslations("tasks.task");
  const { run, pending, status } = useAction();
  return (
    <div className="space-y-2">
      <FormAlert message={status?.message} tone={status?.tone} />
      <p className="text-sm text-slate-700">{t("confirmHelp")}</p>
      <Button
        type="button"
        disabled={pending}
        onClick={() => run(() => confirmTaskAction({ taskId, expectedVersion }), { refresh: true, success: t("confirmed") })}
      >
        {pending ? t("confirming") : t("confirm")}
      </Button>
    </div>
  );
}

/** The confirmer sends a result back with the reason its keeper will read. */
export function ReturnTaskForm({ taskId, expectedVersion }: { taskId: string; expectedVersion: number }) {
  const t = useTranslations("tasks.task");
  const tc = useTranslations("common");
  const [reason, setReason] = useState("");
  const { run, pending, status, fieldError } = useAction();
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run(() => returnTaskAction({ taskId, expectedVersion, reason }), { refresh: true, success: t("returned") });
      }}
    >
      <FormAlert message={status?.message} tone={status?.tone} />
      <Field label={t("returnReason")} hint={t("returnReasonHint")} error={fieldError("reason")}>
        <Textarea autoGrow value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <SubmitButton variant="secondary" pending={pending} pendingLabel={tc("saving")}>
        {t("returnSubmit")}
      </SubmitButton>
    </form>
  );
}

/** A task declared by mistake, withdrawn with a reason — asked once more, as it leaves the register for good. */
export function WithdrawTaskForm({ taskId, expectedVersion, back }: { taskId: string; expectedVersion: number; back: string }) {
  const t = useTranslations("tasks.task");
  const tc = useTranslations("common");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const { run, pending, status, fieldError } = useAction();
  return (
    <div className="space-y-3">
      <FormAlert message={status?.message} tone={status?.tone} />
      <Field label={t("withdrawReason")} hint={t("withdrawHint")} error={fieldError("reason")}>
        <Textarea autoGrow value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ConfirmButton
        message={t("withdrawConfirm")}
        confirmLabel={t("withdrawSubmit")}
        cancelLabel={t("cancel")}
        disabled={pending}
        onConfirm={() => run(() => withdrawTaskAction({ taskId, expectedVersion, reason }), { onSuccess: () => router.push(back) })}
      >
        {pending ? tc("saving") : t("withdrawSubmit")}
      </ConfirmButton>
    </div>
  );
}
