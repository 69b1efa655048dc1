import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { LevelBadge } from "@/components/review/level-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getPublishedResults } from "@/lib/data/results";

/** The cell's published results (công khai): its members' levels and its own, once published. */
export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, results] = await Promise.all([getTranslations(), orNotFound(getPublishedResults(actor, id))]);
  return (
    <>
      <SubpageHeader
        back={{ href: `/units/${results.cell.id}`, label: results.cell.name }}
        title={results.cycle ? t("decide.results.title", { year: results.cycle.year }) : t("decide.results.titleNone")}
        description={results.cell.name}
      />
      {results.own ? (
        <Card title={t("decide.results.ownTitle")} className="mb-6">
          {results.own.level ? (
            <div className="space-y-2 text-sm" data-testid="own-result">
              <p className="flex flex-wrap items-center gap-2">
                {t("decide.results.ownLevel")} <LevelBadge level={results.own.level} />
              </p>
              {results.own.reason ? <p>{t("decide.results.reason", { reason: results.own.reason })}</p> : null}
              <p className="flex flex-wrap gap-x-4 gap-y-1">
                <Link href={`/reviews/${results.own.recordId}`} className="text-brand-700 underline hover:text-brand-800">
                  {t("decide.results.openOwn")}
                </Link>
                {results.own.remediationPlan ? (
                  <Link href={`/reviews/${results.own.recordId}#remediation`} className="text-brand-700 underline hover:text-brand-800">
                    {t("decide.results.openPlan")}
                  </Link>
                ) : null}
              </p>
            </div>
          ) : (
            <p className="text-sm text-slate-700" data-testid="own-result">
              {t("decide.results.notYet")}
            </p>
          )}
        </Card>
      ) : null}
      {results.unit ? (
        <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          {t("decide.results.unitLevel")} <LevelBadge level={results.unit.level} />
        </p>
      ) : null}
      {results.members.length === 0 ? (
        <EmptyState>{t("decide.results.none")}</EmptyState>
      ) : (
        <Table caption={t("decide.results.caption")} head={[t("units.name"), t("decide.results.level")]}>
          {results.members.map((m) => (
            <tr key={m.recordId}>
              <Td>{m.fullName}</Td>
              <Td>
                <LevelBadge level={m.level} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {results.pending > 0 && results.members.length > 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("decide.results.pending", { count: results.pending })}</p>
      ) : null}
    </>
  );
}
