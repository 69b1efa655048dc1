"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordAction } from "@/lib/actions/account";
import { ChangePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/account";

/** Changes the person's own password; their other sessions end with it. */
export function ChangePasswordForm() {
  const t = useTranslations("security.account");
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(ChangePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, changePasswordAction, { success: t("passwordChanged"), onSuccess: () => form.reset() });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      <TextField
        type="password"
        autoComplete="current-password"
        label={t("currentPassword")}
        {...register("currentPassword")}
        error={fieldError("currentPassword")}
      />
      <TextField
        type="password"
        autoComplete="new-password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        {...register("newPassword")}
        error={fieldError("newPassword")}
      />
      <TextField
        type="password"
        autoComplete="new-password"
        label={t("confirmPassword")}
        {...register("confirmPassword")}
        error={fieldError("confirmPassword")}
      />
      <SubmitButton pending={pending} pendingLabel={t("changingPassword")}>
        {t("changePassword")}
      </SubmitButton>
    </form>
  );
}
