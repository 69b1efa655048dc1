"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordAction } from "@/lib/actions/account";
import type { ChangePasswordInput } from "@/lib/schemas/account";

/** Changes the person's own password; their other sessions end with it. */
/** The three fields, each labelled by the message of its own name. */
const PASSWORD_FIELDS = [
  { name: "currentPassword", autoComplete: "current-password", hint: null },
  { name: "newPassword", autoComplete: "new-password", hint: "newPasswordHint" },
  { name: "confirmPassword", autoComplete: "new-password", hint: null },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations("security.account");
  const form = useForm<ChangePasswordInput>({
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, changePasswordAction, { success: t("passwordChanged"), onSuccess: () => form.reset() });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {PASSWORD_FIELDS.map(({ name, autoComplete, hint }) => (
        <TextField
          key={name}
          type="password"
          autoComplete={autoComplete}
          label={t(name)}
          hint={hint ? t(hint) : undefined}
          {...register(name)}
          error={fieldError(name)}
        />
      ))}
      <SubmitButton pending={pending} pendingLabel={t("changingPassword")}>
        {t("changePassword")}
      </SubmitButton>
    </form>
  );
}
