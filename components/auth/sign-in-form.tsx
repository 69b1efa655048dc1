"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";

export function SignInForm() {
  const t = useTranslations("signIn");
  const tErrors = useTranslations("errors");
  const tSecurity = useTranslations("security.signIn");
  const [state, action, pending] = useActionState<SignInState | null, FormData>(signInAction, null);
  const fieldError = (name: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[name] : undefined;
    if (!key) return undefined;
    return tErrors.has(key) ? tErrors(key) : tErrors("invalid");
  };
  // The wait the throttle asks for, in seconds under two minutes and in minutes above.
  const throttled = (seconds: number) =>
    seconds < 120 ? tSecurity("throttledSeconds", { seconds }) : tSecurity("throttledMinutes", { minutes: Math.ceil(seconds / 60) });
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert
        message={
          state && !state.ok && state.formError ? (state.formError === "THROTTLED" ? throttled(state.retryAfterSeconds ?? 60) : t("badCredentials")) : undefined
        }
      />
      <TextField
        name="username"
        label={t("username")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state?.username}
        error={fieldError("username")}
        required
      />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" error={fieldError("password")} required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
