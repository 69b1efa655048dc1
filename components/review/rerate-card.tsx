"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { orderRerateAction, proposeRerateAction } from "@/lib/actions/rerating";

/**
 * Re-rating a decided or published result (366 Điều 15): the standing committee records its decision
 * (number, date, issuer, reason) and the record goes back to be reviewed and rated again; the board only
 * proposes, with a reason. Both ask before they act; the server checks everything again.
 */
export function RerateForm({ recordId, mode, issuerDefault, today }: { recordId: string; mode: "order" | "propose"; issuerDefault?: string; today: string }) {
  const t = useTranslations("rerate");
  const tAll = useTranslations();
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState({ decisionNo: "", decidedOn: today, issuer: issuerDefault ?? "", reason: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      setStatus(null);
      setErrors({});
      const result =
        mode === "order"
          ? await orderRerateAction({ recordIds: [recordId], decision: values })
          : await proposeRerateAction({ recordId, reason: values.reason });
      if (result.ok) {
        setStatus({ tone: "success", message: mode === "order" ? t("ordered") : t("proposed") });
        router.refresh();
        return;
      }
      setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([field, key]) => [field.replace(/^decision\./, ""), tAll.has(`errors.${key}`) ? tAll(`errors.${key}`) : tAll("errors.invalid")])));
      setStatus({ tone: "error", message: tAll(`errors.${result.formError ?? "INVALID_INPUT"}`, { ...result.formValues, id: result.errorId ?? "" }) });
    });
  const field = (name: keyof typeof values, type: "text" | "date" | "textarea") => (
    <div key={name}>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-slate-800">
        {t(name)}
      </label>
      {type === "textarea" ? (
        <textarea
          id={`${id}-${name}`}
          rows={2}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm"
        />
      ) : (
        <input
          id={`${id}-${name}`}
          type={type}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
          className="mt-1 block min-h-10 w-full rounded-lg border border-slate-300 px-3"
        />
      )}
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
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
