"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { updateMemberProfileAction } from "@/lib/actions/members";
import { MEMBER_CATEGORIES, MemberProfileSchema, type MemberProfileInput } from "@/lib/schemas/members";

/** Edits a member's facts; a member editing themself (full = false) only states their residence place. */
export function MemberProfileForm({ initial, full }: { initial: MemberProfileInput; full: boolean }) {
  const t = useTranslations();
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const form = useForm<MemberProfileInput>({ resolver: zodResolver(MemberProfileSchema), defaultValues: initial });
  const { register, handleSubmit, formState, setError, setValue } = form;
  const fieldError = (name: keyof MemberProfileInput) => {
    const message = formState.errors[name]?.message;
    return message ? t(`errors.${message}`) : undefined;
  };

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await updateMemberProfileAction(values);
    if (result.ok) {
      // The next save must carry the new version, or it would be refused as stale.
      setValue("expectedUpdatedAt", result.data.updatedAt);
      setStatus({ tone: "success", message: t("member.saved") });
      return;
    }
    // What the person typed stays in the form; the errors are shown beside it.
    for (const [name, key] of Object.entries(result.fieldErrors ?? {})) setError(name as keyof MemberProfileInput, { message: key });
    setStatus({ tone: "error", message: t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" }) });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {full && <TextField label={t("member.post")} {...register("post")} error={fieldError("post")} />}
      <TextField label={t("member.residenceCell")} {...register("residenceCell")} error={fieldError("residenceCell")} />
      {full && (
        <>
          <div>
            <label htmlFor="member-category" className="mb-1 block text-sm font-medium text-slate-800">
              {t("member.category")}
            </label>
            <select id="member-category" {...register("category")} className="block min-h-10 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
              {MEMBER_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`memberCategory.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register("isCivilServant")} className="h-4 w-4 rounded border-slate-300" />
            {t("member.civilServant")}
          </label>
        </>
      )}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
