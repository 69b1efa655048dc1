"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { remindMembersAction } from "@/lib/actions/reminders";
import { useErrorText } from "./opinion-form";

/**
 * Reminds one member (recordId) or every member of the cell who has not submitted. What happened is said
 * in words: reminded in the app, e-mailed or not, already reminded today.
 */
export function RemindButton({ cellId, recordId, name, variant = "secondary" }: { cellId: string; recordId?: string; name?: string; variant?: "primary" | "secondary" }) {
  const t = useTranslations("cell.reminders");
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string } | null>(null);

  const remind = () =>
    startTransition(async () => {
      setStatus(null);
      const result = await remindMembersAction({ cellId, recordId });
      if (!result.ok) {
        setStatus({ tone: "error", message: errorText(result.formError ?? "INVALID_INPUT", { id: result.errorId ?? "" })! });
        return;
      }
      const { reminded, alreadyToday, mail } = result.data;
      const parts = [reminded > 0 ? t("done", { count: reminded }) : t("nothing")];
      if (alreadyToday > 0) parts.push(t("alreadyToday", { count: alreadyToday }));
      if (reminded > 0 && mail !== "none") parts.push(t(`mail.${mail}`));
      setStatus({ tone: mail === "failed" ? "error" : "success", message: parts.join(" ") });
      router.refresh();
    });

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button type="button" variant={variant} onClick={remind} disabled={pending} aria-label={recordId && name ? t("oneLabel", { name }) : undefined} className={recordId ? "min-h-8 px-3 py-1 text-xs" : ""}>
        {recordId ? t("one") : t("all")}
      </Button>
      <FormAlert message={status?.message} tone={status?.tone} />
    </span>
  );
}
