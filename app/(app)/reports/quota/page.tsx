import { getTranslations } from "next-intl/server";
import { DownloadLink, ReportFrame } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { getQuotaCompliance } from "@/lib/data/quota-compliance";
import { formatDate } from "@/lib/i18n/format";
import { loadReport, type ReportSearchParams } from "../load-report";

type Props = { searchParams: ReportSearchParams };

/** Groups per page: a province has thousands; those that break the rule come first, the rest follow. */
const GROUPS_PER_PAGE = 100;

export default async function QuotaPage({ searchParams }: Props) {
  const [{ query, report: q, frame }, t, tr] = await Promise.all([
    loadReport(searchParams, getQuotaCompliance),
    getTranslations("reports.quota"),
    getTranslations("reports"),
  ]);
  const num = "whitespace-nowrap px-3 py-2 text-right tabular-nums";
  const withOverrides = q.groups.filter((g) => g.overrides.length > 0);
  const pageCount = Math.max(1, Math.ceil(q.groups.length / GROUPS_PER_PAGE));
  const page = Math.min(query.page ?? 1, pageCount);
  const shown = q.groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
  return (
    <ReportFrame
      tab="quota"
      {...frame}
      actions={
        q.year ? (
          <DownloadLink href={reportHref("/reports/export/quota", { unit: q.unit.id, year: q.year })} testId="export-quota">
            {tr("exportXlsx")}
          </DownloadLink>
        ) : null
      }
    >
      <PageHeader title={q.year ? t("title", { year: q.year }) : q.unit.name} description={t("intro")} />
      {!q.year ? (
        <EmptyState>{tr("noYear")}</EmptyState>
      ) : q.groups.length === 0 ? (
        <EmptyState>{t("noGroups")}</EmptyState>
      ) : (
        <div className="space-y-4">
          <p className="text-sm font-medium text-slate-800" data-testid="quota-summary">
            {t("summary", { groups: q.groups.length, overCap: q.overCap, overridden: q.overridden })}
          </p>
          <Card title={t("caption")} headingId="quota-groups">
            <Table
              caption={t("caption")}
              head={[t("group"), t("decidingOrg"), t("subjects"), t("excellent"), t("good"), t("rate"), t("cap"), t("excess"), t("status")]}
              align={["left", "left", "right", "right", "right", "right", "right", "right", "left"]}
              testId="quota-table"
            >
              {shown.map((g) => (
                <tr key={g.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {g.name}
                    <span className="block text-xs font-normal text-slate-500">
                      {g.code} · {t(`kinds.${g.kind}`)}
                    </span>
                  </th>
                  <td className="px-3 py-2">{g.decidingOrg}</td>
                  <td className={num}>{g.subjects}</td>
                  <td className={num}>{g.check.excellent}</td>
                  <td className={num}>{g.check.good}</td>
                  <td className={num}>{g.ratePercent} %</td>
                  <td className={num}>{g.check.maxExcellent}</td>
                  <td className={num}>{g.check.excess}</td>
                  <td className="px-3 py-2">
                    <Badge tone={!g.check.ok ? "red" : g.check.excess > 0 ? "amber" : "green"}>
                      {!g.check.ok ? t("over") : g.check.excess > 0 ? t("overAllowed") : t("ok")}
                    </Badge>
                    <span className="mt-1 block text-xs text-slate-600">
                      {t("arithmetic", { excellent: g.check.excellent, pool: g.check.pool, cap: g.check.maxExcellent, rate: g.ratePercent })}
                    </span>
                  </td>
                </tr>
              ))}
            </Table>
            <Pagination page={page} pageCount={pageCount} href={(p) => reportHref("/reports/quota", { unit: q.unit.id, year: q.year, page: p })} />
          </Card>
          <Card title={t("overridesTitle")} headingId="quota-overrides">
            {withOverrides.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noOverrides")}</p>
            ) : (
              <Table
                caption={t("overridesTitle")}
                head={[t("group"), t("decisionNo"), t("decidedOn"), t("issuer"), t("reasonCol"), t("ratePercent")]}
                align={["left", "left", "left", "left", "left", "right"]}
                testId="quota-overrides"
              >
                {withOverrides.flatMap((g) =>
                  g.overrides.map((o) => (
                    <tr key={`${g.id}-${o.decisionNo}`}>
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {g.name}
                      </th>
                      <td className="px-3 py-2">{o.decisionNo}</td>
                      <td className="px-3 py-2">{formatDate(new Date(`${o.decidedOn}T00:00:00Z`))}</td>
                      <td className="px-3 py-2">{o.issuer}</td>
                      <td className="px-3 py-2">{o.reason}</td>
                      <td className={num}>{o.ratePercent === null ? "—" : `${o.ratePercent} %`}</td>
                    </tr>
                  )),
                )}
              </Table>
            )}
          </Card>
        </div>
      )}
    </ReportFrame>
  );
}
