"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { taskRegisterHref, type TaskCounts, type TaskRegisterFilter, type TaskSubjectRef } from "@/lib/review/tasks";

/** What a facts form shows of the register when the record's cycle counts the tasks from it (lib/data/task-yearend.ts, RegisterFacts). */
export type RegisterTaskFacts = { year: number; subject: TaskSubjectRef; counts: TaskCounts; canRead: boolean };

const NUMBERS: { key: "assigned" | "completed" | "onTime" | "exceeded"; filter: TaskRegisterFilter }[] = [
  { key: "assigned", filter: "assigned" },
  { key: "completed", filter: "completed" },
  { key: "onTime", filter: "onTime" },
  { key: "exceeded", filter: "exceeded" },
];

/**
 * The four task numbers (N, C, T, X) read-only, as the register counted them: each links to the register
 * filtered to the tasks behind it (taskRegisterHref), with the late and the not completed beside them and
 * one sentence saying where the numbers come from. `labels` are the form's own labels of the four numbers.
 */
export function RegisterTaskFacts({ register, labels }: { register: RegisterTaskFacts; labels: Record<(typeof NUMBERS)[number]["key"], string> }) {
  const t = useTranslations("tasks.yearEnd.facts");
  const { counts, year, subject } = register;
  const link = (count: number, filter: TaskRegisterFilter, label: string) =>
    register.canRead ? (
      <Link
        prefetch={false}
        href={taskRegisterHref(subject, year, filter)}
        className="font-semibold text-brand-700 tabular-nums underline hover:text-brand-800"
        aria-label={`${label}: ${count}`}
        data-testid={`register-${filter}`}
      >
        {count}
      </Link>
    ) : (
      <span className="font-semibold tabular-nums" data-testid={`register-${filter}`}>
        {count}
      </span>
    );
  return (
    <div className="space-y-3" data-testid="register-task-facts">
      <p className="text-sm text-slate-800">
        {t("counted", {
          assigned: counts.assigned,
          year,
          completed: counts.completed,
          onTime: counts.onTime,
          exceeded: counts.exceeded,
          unconfirmed: counts.tasks.unconfirmed.length,
        })}
      </p>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
        {NUMBERS.map(({ key, filter }) => (
          <div key={key} className="flex items-baseline justify-between gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <dt className="text-sm text-slate-700">{labels[key]}</dt>
            <dd>{link(counts[key], filter, labels[key])}</dd>
          </div>
        ))}
        {counts.tasks.late.length > 0 && (
          <div className="flex items-baseline justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
            <dt className="text-sm text-amber-950">{t("late")}</dt>
            <dd>{link(counts.tasks.late.length, "late", t("late"))}</dd>
          </div>
        )}
        {counts.tasks.notCompleted.length > 0 && (
          <div className="flex items-baseline justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
            <dt className="text-sm text-amber-950">{t("notCompleted")}</dt>
            <dd>{link(counts.tasks.notCompleted.length, "notCompleted", t("notCompleted"))}</dd>
          </div>
        )}
      </dl>
      <p className="text-xs text-slate-600">{t("readOnlyNote")}</p>
      {register.canRead && (
        <Link prefetch={false} href={taskRegisterHref(subject, year)} className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
          {t("openRegister", { year })}
        </Link>
      )}
    </div>
  );
}
