import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { ScoreSheetForm } from "@/components/cycles/score-sheet-form";
import { Card } from "@/components/ui/card";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getScoreSheet } from "@/lib/data/cycles";

export default async function ScoreSheetPage({ params }: { params: Promise<{ id: string; framework: string }> }) {
  const actor = await requireActor();
  const { id, framework } = await params;
  const [t, sheet] = await Promise.all([getTranslations(), orNotFound(getScoreSheet(actor, id, framework))]);
  return (
    <>
      <SubpageHeader
        back={{ href: `/cycles/${id}`, label: t("cycle.backToCycle") }}
        title={t("cycle.sheetTitle", { year: sheet.cycle.year })}
        description={t(`cycle.frameworks.${sheet.framework}`)}
      />
      <Card className="max-w-4xl">
        {sheet.editable ? (
          <ScoreSheetForm initial={{ cycleId: id, framework: sheet.framework, expectedVersion: sheet.version, groups: sheet.content.groups }} />
        ) : (
          <div className="space-y-5">
            <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("cycle.frozenNotice")}</p>
            {sheet.content.groups.map((group) => (
              <section key={group.key}>
                <h2 className="mb-2 text-base font-semibold text-slate-900">{t(`cycle.groups.${group.key}`)}</h2>
                <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
                  {group.items.map((item) => (
                    <li key={item.key} className="flex items-start justify-between gap-4 px-4 py-2 text-sm">
                      <span>{item.label}</span>
                      <span className="whitespace-nowrap font-medium">
                        {item.maxPoints.toLocaleString("vi-VN")} {t("cycle.points")}
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        )}
      </Card>
    </>
  );
}
