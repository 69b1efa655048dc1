import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { OpenCycleForm } from "@/components/cycles/open-cycle-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { listManagedCycles } from "@/lib/data/cycles";
import { formatDate } from "@/lib/i18n/format";

export default async function CyclesPage() {
  const actor = await requireActor();
  const [t, committees] = await Promise.all([getTranslations(), orNotFound(listManagedCycles(actor))]);
  return (
    <>
      <PageHeader title={t("cycle.listTitle")} description={t("cycle.listIntro")} />
      <div className="space-y-6">
        {committees.map((committee) => (
          <Card key={committee.id} title={committee.name}>
            <div className="space-y-6">
              {committee.cycles.length === 0 ? (
                <EmptyState>{t("cycle.noCycles")}</EmptyState>
              ) : (
                <Table caption={committee.name} head={[t("cycle.year"), t("cycle.ruleSet"), t("cycle.status"), t("cycle.ratingDate")]}>
                  {committee.cycles.map((cycle) => (
                    <tr key={cycle.id}>
                      <Td>
                        <Link href={`/cycles/${cycle.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                          {t("home.cycle", { year: cycle.year })}
                        </Link>
                      </Td>
                      <Td>
                        <abbr title={t(`grading.ruleSets.${cycle.ruleSet}`)} className="no-underline">
                          {t(`cycle.ruleSetsShort.${cycle.ruleSet}`)}
                        </abbr>
                      </Td>
                      <Td>
                        <Badge tone={cycle.status === "CLOSED" ? "neutral" : "blue"}>{t(`cycleStatus.${cycle.status}`)}</Badge>
                      </Td>
                      <Td>{formatDate(cycle.ratingDate)}</Td>
                    </tr>
                  ))}
                </Table>
              )}
              <section aria-labelledby={`open-${committee.id}`} className="border-t border-slate-100 pt-4">
                <h3 id={`open-${committee.id}`} className="mb-2 text-sm font-semibold text-slate-900">
                  {t("cycle.openTitle")}
                </h3>
                {committee.openable.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("cycle.nothingToOpen")}</p>
                ) : (
                  <>
                    <p className="mb-3 text-sm text-slate-600">{t("cycle.openHint")}</p>
                    <OpenCycleForm upperOrgId={committee.id} years={committee.openable} />
                  </>
                )}
              </section>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
