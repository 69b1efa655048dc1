"use client";

import { useTranslations } from "next-intl";
import type { SubjectVerdict } from "@/lib/grading";
import { LevelBadge } from "./level-badge";
import { TaskCapLines, type TaskCapSource } from "./task-cap-lines";

/**
 * What the rating rules allow, in sentences: the highest level and every rule that caps it. The verdict
 * comes from lib/grading, computed in the browser as facts are typed. Under a cycle that counts the tasks
 * from the register (`taskCaps`), a task reason is followed by the tasks behind it.
 */
export function VerdictPanel({
  verdict,
  scoreTenths,
  taskCaps = null,
}: {
  verdict: SubjectVerdict;
  scoreTenths: number | null;
  taskCaps?: TaskCapSource | null;
}) {
  const t = useTranslations();
  return (
    <section aria-live="polite" aria-labelledby="verdict-title" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id="verdict-title" className="text-base font-semibold text-slate-900">
        {t("facts.verdictTitle")}
      </h2>
      <p className="text-sm text-slate-700">
        {scoreTenths === null ? t("facts.scoreIncomplete") : t("facts.scoreTotal", { score: (scoreTenths / 10).toLocaleString("vi-VN") })}
      </p>
      {verdict.reasons.includes("SCORE_MISSING") ? null : verdict.rated && verdict.maxLevel ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>{verdict.forced ? t("facts.forced") : t("facts.maxLevel")}</span>
          <LevelBadge level={verdict.maxLevel} />
        </p>
      ) : (
        <p className="text-sm font-medium">{t("facts.notRated")}</p>
      )}
      {verdict.reasons.length === 0 ? (
        <p className="text-sm text-emerald-800">{t("facts.noCap")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="verdict-reasons">
          {verdict.reasons.map((code) => (
            <li key={code}>
              {t(`grading.reasons.${code}`)}
              <TaskCapLines code={code} reasons={verdict.reasons} source={taskCaps} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
