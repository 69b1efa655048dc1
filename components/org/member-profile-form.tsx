"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, Select } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { Options } from "@/components/forms/options";
import { TextField } from "@/components/forms/text-field";
import { keepVersion, useActionForm } from "@/components/forms/use-action-form";
import { updateMemberProfileAction } from "@/lib/actions/members";
import type { MemberProfileInput } from "@/lib/schemas/members";
import { MEMBER_CATEGORIES } from "@/lib/schemas/values";

/**
 * Edits a member's facts; a member editing themself (full = false) only states their residence place,
 * and an officer on their own record (ratingFacts = false) leaves the category and civil-service status
 * to another officer (they stay as loaded and are sent unchanged).
 */
export function MemberProfileForm({ initial, full, ratingFacts = full }: { initial: MemberProfileInput; full: boolean; ratingFacts?: boolean }) {
  const t = useTranslations();
  const form = useForm<MemberProfileInput>({ defaultValues: initial });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, updateMemberProfileAction, {
    success: t("member.saved"),
    onSuccess: keepVersion(form),
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {full && <TextField label={t("member.post")} {...register("post")} error={fieldError("post")} />}
      <TextField label={t("member.residenceCell")} {...register("residenceCell")} error={fieldError("residenceCell")} />
      <TextField label={t("member.email")} hint={t("member.emailHint")} type="email" autoComplete="email" {...register("email")} error={fieldError("email")} />
      {full && !ratingFacts && (
        <p className="text-sm text-slate-600" data-testid="own-rating-facts">
          {t("security.member.ownRatingFacts")}
        </p>
      )}
      {full && ratingFacts && (
        <>
          <Field label={t("member.category")} id="member-category">
            <Select {...register("category")}>
              <Options values={MEMBER_CATEGORIES} label={(c) => t(`memberCategory.${c}`)} />
            </Select>
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register("isCivilServant")} className="h-4 w-4 rounded border-slate-300" />
            {t("member.civilServant")}
          </label>
        </>
      )}
      <SubmitButton pending={pending} pendingLabel={t("common.saving")}>
        {t("common.save")}
      </SubmitButton>
    </form>
  );
}
