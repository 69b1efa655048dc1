import { getTranslations } from "next-intl/server";
import { DetailsCard } from "@/components/layout/details-card";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { StartSelfReviews } from "@/components/cycles/start-self-reviews";
import { TaskRegisterSwitch } from "@/components/cycles/task-register-switch";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getCycleOverview } from "@/lib/data/cycles";
import { formatDate } from "@/lib/i18n/format";
import { deadlinesEditable } from "@/lib/review/cycle-deadlines";

export default async function CyclePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, cycle] = await Promise.all([getTranslations(), orNotFound(getCycleOverview(actor, id))]);
  return (
    <>
      <SubpageHeader
        back={{ href: "/cycles", label: t("cycle.listTitle") }}
        title={t("cycle.overviewTitle", { year: cycle.year })}
        description={cycle.upperOrgName}
        actions={<Badge tone="blue">{t(`cycleStatus.${cycle.status}`)}</Badge>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailsCard
          title={t("cycle.details")}
          items={[
            { label: t("cycle.ruleSet"), value: t(`grading.ruleSets.${cycle.ruleSet}`) },
            { label: t("cycle.ratingDate"), value: formatDate(cycle.ratingDate) },
            { label: t("cycle.quotaBase"), value: t(`grading.quotaBases.${cycle.quotaBase}`) },
          ]}
        />
        <DetailsCard
          title={t("cycle.deadlines")}
          actions={deadlinesEditable(cycle.status) && <ButtonLink href={`/cycles/${cycle.id}/deadlines`}>{t("cycle.editDeadlines")}</ButtonLink>}
          items={(["selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"] as const).map((key) => ({
            label: t(`cycle.${key}`),
            value: formatDate(cycle[key]),
          }))}
        />
        <Card title={t("cycle.scoreSheets")} className="lg:col-span-2">
          {cycle.sheets.length === 0 ? (
            <p className="text-sm text-slate-600">{t("cycle.noSheets")}</p>
          ) : (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">{t("cycle.scoreSheetsIntro")}</p>
              <p className="text-sm font-medium text-slate-800">{cycle.sheetsEditable ? t("cycle.sheetsEditable") : t("cycle.sheetsFrozen")}</p>
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
                {cycle.sheets.map((sheet) => (
                  <li key={sheet.framework} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <span className="text-sm">
                      <span className="font-medium text-slate-900">{t(`cycle.frameworks.${sheet.framework}`)}</span>
                      <span className="text-slate-600"> · {t("cycle.items", { count: sheet.itemCount })}</span>
                    </span>
                    <ButtonLink href={`/cycles/${cycle.id}/score-sheets/${sheet.framework}`}>
                      {cycle.sheetsEditable ? t("cycle.editSheet") : t("cycle.viewSheet")}
                    </ButtonLink>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
        {cycle.ruleSet === "QD366_HD43" && (
          <Card title={t("tasks.yearEnd.cycleSwitch.title")} className="lg:col-span-2">
            <TaskRegisterSwitch cycleId={cycle.id} version={cycle.version} year={cycle.year} status={cycle.status} enabled={cycle.taskRegister} />
          </Card>
        )}
        {cycle.status === "PREPARING" && (
          <Card title={t("cycle.startTitle")} className="lg:col-span-2">
            <StartSelfReviews cycleId={cycle.id} version={cycle.version} year={cycle.year} />
          </Card>
        )}
      </div>
    </>
  );
}
