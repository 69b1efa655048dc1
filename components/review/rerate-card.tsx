"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Textarea, TextInput } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { orderRerateAction, proposeRerateAction } from "@/lib/actions/rerating";

/**
 * Re-rating a decided or published result (366 Điều 15): the standing committee records its decision
 * (number, date, issuer, reason) and the record goes back to be reviewed and rated again; the board only
 * proposes, with a reason. Both ask before they act; the server checks everything again.
 */
export function RerateForm({ recordId, mode, issuerDefault, today }: { recordId: string; mode: "order" | "propose"; issuerDefault?: string; today: string }) {
  const t = useTranslations("rerate");
  const [values, setValues] = useState({ decisionNo: "", decidedOn: today, issuer: issuerDefault ?? "", reason: "" });
  const { run, pending, status, fieldError } = useAction();
  const send = () =>
    run<unknown>(
      () => (mode === "order" ? orderRerateAction({ recordIds: [recordId], decision: values }) : proposeRerateAction({ recordId, reason: values.reason })),
      {
        success: mode === "order" ? t("ordered") : t("proposed"),
        refresh: true,
      },
    );
  const field = (name: keyof typeof values, type: "text" | "date" | "textarea") => {
    const control = { value: values[name], onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }) };
    // The order's decision fields come back from the server as "decision.<name>".
    return (
      <Field key={name} label={t(name)} error={fieldError(name) ?? fieldError(`decision.${name}`)}>
        {type === "textarea" ? <Textarea rows={2} {...control} /> : <TextInput type={type} {...control} />}
      </Field>
    );
  };
  return (
    <form className="space-y-3" onSubmit={(e) => e.preventDefault()} noValidate>
      <p className="text-sm text-slate-700">{mode === "order" ? t("orderHint") : t("proposeHint")}</p>
      <FormAlert message={status?.message} tone={status?.tone} />
      {mode === "order" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {field("decisionNo", "text")}
          {field("decidedOn", "date")}
          <div className="sm:col-span-2">{field("issuer", "text")}</div>
        </div>
      ) : null}
      {field("reason", "textarea")}
      <ConfirmButton
        message={mode === "order" ? t("orderConfirm", { no: values.decisionNo || "…" }) : t("proposeConfirm")}
        confirmLabel={mode === "order" ? t("order") : t("propose")}
        cancelLabel={t("cancel")}
        onConfirm={send}
        disabled={pending}
      >
        {mode === "order" ? t("order") : t("propose")}
      </ConfirmButton>
    </form>
  );
}
