"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { explainTaskCaps, taskCapMessage, taskRegisterHref, type TaskCounts, type TaskSubjectRef } from "@/lib/review/tasks";

/** The register's side of a verdict: whose tasks, the counts with their ids, the titles (lib/data/task-yearend.ts). */
export type TaskCapSource = { subject: TaskSubjectRef; year: number; counts: TaskCounts; titles: Record<string, string> };

/**
 * The tasks behind one reason of a verdict, under that reason's sentence: "3/10 nhiệm vụ hoàn thành chậm:
 * A, B, C", linking to the register filtered to them. Renders nothing for a reason that is not the tasks'
 * (the line of a kind shows under the first of its reasons only).
 */
export function TaskCapLines({ code, reasons, source }: { code: string; reasons: readonly string[]; source: TaskCapSource | null | undefined }) {
  const t = useTranslations("tasks.yearEnd.caps");
  if (!source) return null;
  const lines = explainTaskCaps(reasons, source.counts, source.titles).filter((line) => line.reasons[0] === code);
  if (lines.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm text-slate-900" data-testid="task-cap-lines">
      {lines.map((line) => {
        const { key, values } = taskCapMessage(line);
        return (
          <li key={line.kind} className="rounded border-l-2 border-amber-400 bg-amber-50 py-1 pr-2 pl-2">
            <span>{t(key as "late", values)}</span>{" "}
            <Link prefetch={false} href={taskRegisterHref(source.subject, source.year, line.filter)} className="text-brand-700 underline hover:text-brand-800">
              {t("seeTasks")}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
