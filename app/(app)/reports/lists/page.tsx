import { getTranslations } from "next-intl/server";
import { MemberLink } from "@/components/reports/member-link";
import { DownloadLink, ReportFrame } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { getRecognition, LIST_PAGE_SIZE, STREAK_YEARS, type ListedMember, type ListedOrganization, type ListKind } from "@/lib/data/recognition";
import { formatDate } from "@/lib/i18n/format";
import { loadReport, type ReportSearchParams } from "../load-report";

type Props = { searchParams: ReportSearchParams };

export default async function ListsPage({ searchParams }: Props) {
  const [{ query, report: r, frame }, t, tr] = await Promise.all([
    loadReport(searchParams, getRecognition),
    getTranslations("reports.lists"),
    getTranslations("reports"),
  ]);
  const year = r.year;
  const params = { unit: r.unit.id, year };
  const pageOf = (kind: ListKind) => (query.list === kind ? r.page : 1);
  const pager = (kind: ListKind, total: number) => (
    <Pagination
      page={pageOf(kind)}
      pageCount={Math.max(1, Math.ceil(total / LIST_PAGE_SIZE))}
      href={(page) => reportHref("/reports/lists", { ...params, list: kind, page })}
    />
  );
  const exportLink = (kind: ListKind) => (
    <DownloadLink href={reportHref(`/reports/export/list-${kind}`, params)} testId={`export-${kind}`}>
      {tr("exportXlsx")}
    </DownloadLink>
  );

  return (
    <ReportFrame tab="lists" {...frame}>
      <PageHeader title={year ? t("title", { year }) : r.unit.name} />
      <div className="space-y-4">
        {year && (
          <>
            <Card title={t("excellent", { year })} headingId="list-excellent" actions={exportLink("excellent")}>
              <p className="mb-2 text-sm text-slate-600">{t("count", { count: r.counts.excellentMembers })}</p>
              <MemberTable rows={r.excellentMembers} caption={t("excellent", { year })} testId="list-excellent" />
              {pager("excellent", r.counts.excellentMembers)}
              <div className="mb-2 mt-4 flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">{t("excellentOrganizations", { year })}</h3>
                {exportLink("excellentOrganizations")}
              </div>
              <OrganizationTable rows={r.excellentOrganizations} caption={t("excellentOrganizations", { year })} />
              {pager("excellentOrganizations", r.counts.excellentOrganizations)}
            </Card>
            <Card title={t("streak", { from: year - STREAK_YEARS + 1, to: year })} headingId="list-streak" actions={exportLink("streak")}>
              <p className="mb-2 text-sm text-slate-600">{t("count", { count: r.counts.streakMembers })}</p>
              <MemberTable rows={r.streakMembers} caption={t("streak", { from: year - STREAK_YEARS + 1, to: year })} testId="list-streak" />
              {pager("streak", r.counts.streakMembers)}
              <div className="mb-2 mt-4 flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">{t("streakOrganizations", { from: year - STREAK_YEARS + 1, to: year })}</h3>
                {exportLink("streakOrganizations")}
              </div>
              <OrganizationTable rows={r.streakOrganizations} caption={t("streakOrganizations", { from: year - STREAK_YEARS + 1, to: year })} />
              {pager("streakOrganizations", r.counts.streakOrganizations)}
            </Card>
            <Card title={t("notCompleted", { from: year - 1, to: year })} headingId="list-not-completed" actions={exportLink("notCompleted")}>
              <p className="mb-2 text-sm text-slate-600">{t("count", { count: r.counts.notCompleted })}</p>
              <MemberTable rows={r.notCompleted} caption={t("notCompleted", { from: year - 1, to: year })} testId="list-not-completed" />
              {pager("notCompleted", r.counts.notCompleted)}
            </Card>
          </>
        )}
        <Card title={t("remediation")} headingId="list-remediation" actions={exportLink("remediation")}>
          <p className="mb-2 text-sm text-slate-600">{t("count", { count: r.counts.remediation })}</p>
          {r.remediation.length === 0 ? (
            <EmptyState>{t("none")}</EmptyState>
          ) : (
            <Table
              caption={t("remediation")}
              head={[t("deadline"), t("member"), t("cell"), t("shortcoming"), t("responsible"), t("status")]}
              testId="list-remediation"
            >
              {r.remediation.map((item) => (
                <tr key={item.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {formatDate(new Date(`${item.deadline}T00:00:00Z`))}
                    {item.overdue && (
                      <span className="ml-2">
                        <Badge tone="red">{t("overdue")}</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <MemberLink memberId={item.memberId} fullName={item.fullName} />
                  </td>
                  <td className="px-3 py-2">
                    {item.cell}
                    <span className="block text-xs text-slate-500">{item.grassroots}</span>
                  </td>
                  <td className="px-3 py-2">{item.shortcoming}</td>
                  <td className="px-3 py-2">{item.responsible}</td>
                  <td className="px-3 py-2">{t(`statuses.${item.status}`)}</td>
                </tr>
              ))}
            </Table>
          )}
          {pager("remediation", r.counts.remediation)}
        </Card>
      </div>
    </ReportFrame>
  );
}

async function MemberTable({ rows, caption, testId }: { rows: ListedMember[]; caption: string; testId: string }) {
  const t = await getTranslations("reports.lists");
  if (rows.length === 0) return <EmptyState>{t("none")}</EmptyState>;
  return (
    <Table caption={caption} head={[t("member"), t("cardNumber"), t("cell"), t("grassroots")]} testId={testId}>
      {rows.map((m) => (
        <tr key={m.memberId}>
          <td className="px-3 py-2">
            <MemberLink memberId={m.memberId} fullName={m.fullName} />
          </td>
          <td className="px-3 py-2 tabular-nums">{m.cardNumber}</td>
          <td className="px-3 py-2">{m.cell}</td>
          <td className="px-3 py-2">{m.grassroots}</td>
        </tr>
      ))}
    </Table>
  );
}

async function OrganizationTable({ rows, caption }: { rows: ListedOrganization[]; caption: string }) {
  const t = await getTranslations("reports.lists");
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <Table caption={caption} head={[t("organization"), t("code"), t("parent")]}>
      {rows.map((o) => (
        <tr key={o.organizationId}>
          <td className="px-3 py-2 font-medium">{o.name}</td>
          <td className="px-3 py-2">{o.code}</td>
          <td className="px-3 py-2">{o.parent ?? "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
