"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type BaseSyntheticEvent } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

export type FormStatus = { tone: "error" | "success"; message: string } | null;

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** What a call does with the server's answer. */
export type ActionOutcome<R> = {
  /** The message the form's alert shows once it succeeded. */
  success?: string | ((data: R) => string);
  onSuccess?: (data: R) => void;
  /** Reads the page's data again once it succeeded, while the control still says it is pending. */
  refresh?: boolean;
  /** The sentence for a refusal, where the form says more than the error's own message. */
  failure?: (result: ActionFailure) => string;
  onFailure?: (result: ActionFailure) => void;
};

/** The message namespaces an error key is looked up in, in order ("errors" unless told). */
export type ErrorMessages = readonly string[];

/**
 * The one way a screen calls a server action: pending while it runs (and while the page reloads its
 * data), the error banner with the error's id the person can quote, the field errors the server sent,
 * and on success a message. A form built on react-hook-form uses `useActionForm`, which is this plus its
 * fields; a button ("publish", "dismiss", a select that saves at once) calls `run` directly — behind a
 * ConfirmButton where the step cannot be undone.
 */
export function useAction({ messages = ["errors"] }: { messages?: ErrorMessages } = {}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<FormStatus>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  /** A message key in the first namespace that has it; an unknown key reads as "invalid". */
  const errorText = (key: string, values?: Record<string, string | number>) => {
    const namespace = messages.find((n) => t.has(`${n}.${key}`));
    return namespace ? t(`${namespace}.${key}`, values) : t("errors.invalid");
  };

  const run = <R>(call: () => Promise<ActionResult<R>>, outcome: ActionOutcome<R> = {}) =>
    new Promise<ActionResult<R>>((resolve) =>
      startTransition(async () => {
        setStatus(null);
        setFieldErrors({});
        const result = await call();
        if (result.ok) {
          outcome.onSuccess?.(result.data);
          const message = typeof outcome.success === "function" ? outcome.success(result.data) : outcome.success;
          if (message) setStatus({ tone: "success", message });
          if (outcome.refresh) router.refresh();
        } else {
          setFieldErrors(result.fieldErrors ?? {});
          outcome.onFailure?.(result);
          setStatus({
            tone: "error",
            message: outcome.failure?.(result) ?? errorText(result.formError ?? "INVALID_INPUT", { ...result.formValues, id: result.errorId ?? "" }),
          });
        }
        resolve(result);
      }),
    );

  /** The translated message of a field's error from the last call, for a Field's `error`. */
  const fieldError = (name: string) => (fieldErrors[name] ? errorText(fieldErrors[name]) : undefined);

  return { run, pending, status, setStatus, fieldErrors, fieldError, errorText };
}

/**
 * Submits a react-hook-form form through a server action and maps the result back onto it: field errors
 * beside their fields, the form error in the alert, and on success a message. What the person typed is
 * never reset by a failed save.
 */
export function useActionForm<T extends FieldValues, R>(
  form: UseFormReturn<T>,
  action: (values: T) => Promise<ActionResult<R>>,
  { messages, ...outcome }: ActionOutcome<R> & { messages?: ErrorMessages },
) {
  const { run, pending, status, setStatus, errorText } = useAction({ messages });
  const submit = form.handleSubmit(async (values) => {
    const result = await run(() => action(values), outcome);
    // The server's schema is the form's check (no zod in the browser): its field errors go beside their
    // fields, and the first takes the focus, as a check in the browser would.
    if (!result.ok)
      Object.entries(result.fieldErrors ?? {}).forEach(([name, key], i) => form.setError(name as Path<T>, { message: key }, { shouldFocus: i === 0 }));
  });
  // The last answer's errors go before the next try: react-hook-form clears a registered field's error
  // when it checks the field, but an error the server placed elsewhere (a group, a hidden version) would
  // otherwise stay and stop every later submit before it reached the server.
  const onSubmit = (event?: BaseSyntheticEvent) => {
    form.clearErrors();
    return submit(event);
  };
  /** The translated message of a field's error (the browser's check or the server's), for a Field's `error`. */
  const fieldError = (name: Path<T>) => {
    const key = form.getFieldState(name, form.formState).error?.message;
    return key ? errorText(key) : undefined;
  };
  return { status, setStatus, onSubmit, fieldError, pending: pending || form.formState.isSubmitting };
}

/** A versioned record's form: once saved, its next save must carry the new version, or it would be refused as stale. */
export function keepVersion<T extends FieldValues & { expectedVersion: number }>(form: UseFormReturn<T>) {
  return ({ version }: { version: number }) => form.setValue("expectedVersion" as Path<T>, version as PathValue<T, Path<T>>);
}
