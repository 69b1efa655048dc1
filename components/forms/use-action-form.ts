"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

export type FormStatus = { tone: "error" | "success"; message: string } | null;

/**
 * Submits a react-hook-form form through a server action and maps the result back onto it:
 * field errors beside their fields, the form error in the alert, and on success a message.
 * What the person typed is never reset by a failed save.
 */
export function useActionForm<T extends FieldValues, R>(
  form: UseFormReturn<T>,
  action: (values: T) => Promise<ActionResult<R>>,
  options: { successMessage: string; onSuccess?: (data: R) => void },
) {
  const t = useTranslations("errors");
  const [status, setStatus] = useState<FormStatus>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await action(values);
    if (result.ok) {
      options.onSuccess?.(result.data);
      setStatus({ tone: "success", message: options.successMessage });
      return;
    }
    for (const [name, key] of Object.entries(result.fieldErrors ?? {})) form.setError(name as Path<T>, { message: key });
    setStatus({ tone: "error", message: t(result.formError ?? "INVALID_INPUT", { ...result.formValues, id: result.errorId ?? "" }) });
  });
  /** The translated message of a field's error, for TextField's `error`. */
  const fieldError = (name: Path<T>) => {
    const key = form.getFieldState(name, form.formState).error?.message;
    if (!key) return undefined;
    return t.has(key) ? t(key) : t("invalid");
  };
  return { status, onSubmit, fieldError };
}
