"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CELL_ERRORS } from "@/components/review/cell-errors";
import { dismissReminderAction } from "@/lib/actions/reminders";

type Reminder = { id: string; recordId: string; sentOn: string; sentBy: string; year: number; due: string };

/** A reminder to submit the self-review, on the member's home page until they submit or put it away. */
export function ReminderNotice({ reminder }: { reminder: Reminder }) {
  const t = useTranslations("cell.reminders");
  const { run, pending, status } = useAction({ messages: CELL_ERRORS });
  return (
    <section
      aria-labelledby={`reminder-${reminder.id}`}
      className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="reminder"
    >
      <h2 id={`reminder-${reminder.id}`} className="text-base font-semibold">
        {t("noticeTitle", { year: reminder.year })}
      </h2>
      <p className="mt-1">{t("notice", { sentBy: reminder.sentBy, sentOn: reminder.sentOn, due: reminder.due })}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Link
          href={`/reviews/${reminder.recordId}`}
          className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t("open")}
        </Link>
        <Button
          type="button"
          variant="secondary"
          onClick={() => run(() => dismissReminderAction({ reminderId: reminder.id }), { refresh: true })}
          disabled={pending}
        >
          {t("dismiss")}
        </Button>
      </div>
      <FormAlert message={status?.message} />
    </section>
  );
}
