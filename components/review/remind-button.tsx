"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { remindMembersAction } from "@/lib/actions/reminders";
import { CELL_ERRORS } from "./cell-errors";

/**
 * Reminds one member (recordId) or every member of the cell who has not submitted. What happened is said
 * in words: reminded in the app, e-mailed or not, already reminded today. Once a member is reminded
 * today the button goes (one reminder a day), but the component stays where it was, so what it said
 * survives the page's refresh.
 */
export function RemindButton({
  cellId,
  recordId,
  name,
  variant = "secondary",
  remindedToday = false,
}: {
  cellId: string;
  recordId?: string;
  name?: string;
  variant?: "primary" | "secondary";
  remindedToday?: boolean;
}) {
  const t = useTranslations("cell.reminders");
  const { run, pending, status, setStatus } = useAction({ messages: CELL_ERRORS });

  const remind = () =>
    run(() => remindMembersAction({ cellId, recordId }), {
      refresh: true,
      onSuccess: ({ reminded, alreadyToday, mail }) => {
        const parts = [reminded > 0 ? t("done", { count: reminded }) : t("nothing")];
        if (alreadyToday > 0) parts.push(t("alreadyToday", { count: alreadyToday }));
        if (reminded > 0 && mail !== "none") parts.push(t(`mail.${mail}`));
        // Reminded in the app but the e-mail failed: said as a problem.
        setStatus({ tone: mail === "failed" ? "error" : "success", message: parts.join(" ") });
      },
    });

  return (
    <span className="inline-flex flex-col items-start gap-1">
      {!remindedToday && (
        <Button
          type="button"
          variant={variant}
          onClick={remind}
          disabled={pending}
          aria-label={recordId && name ? t("oneLabel", { name }) : undefined}
          className={recordId ? "min-h-8 px-3 py-1 text-xs" : ""}
        >
          {recordId ? t("one") : t("all")}
        </Button>
      )}
      <FormAlert message={status?.message} tone={status?.tone} />
    </span>
  );
}
