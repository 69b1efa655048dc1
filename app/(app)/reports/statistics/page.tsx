import { getLocale, getTranslations } from "next-intl/server";
import { BarSeriesChart } from "@/components/reports/charts";
import { DocumentLinks } from "@/components/reports/document-links";
import { LevelTable } from "@/components/reports/level-table";
import { DownloadLink, ReportFrame } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { getStatistics, LEVEL_KEYS, type LevelCounts } from "@/lib/data/statistics";
import { formatCount, formatShare, shareOf } from "@/lib/reports/share";
import { loadReport, type ReportSearchParams } from "../load-report";

type Props = { searchParams: ReportSearchParams };

/** Peer groups per page of their table: a province has hundreds (all of them are in the .xlsx export). */
const GROUPS_PER_PAGE = 100;

const REASONS = [
  ["EXEMPT", "notRatedExempt"],
  ["SUSPENDED", "notRatedSuspended"],
  ["NEW_MEMBER", "notRatedNewMember"],
  ["NEW_ORGANIZATION", "notRatedNewOrganization"],
  ["OTHER", "notRatedOther"],
] as const;

export default async function StatisticsPage({ searchParams }: Props) {
  const [{ query, report: s, frame }, t, tc, locale] = await Promise.all([
    loadReport(searchParams, getStatistics),
    getTranslations("reports"),
    getTranslations(),
    getLocale(),
  ]);
  const ts = (key: string, values?: Record<string, string | number>) => t(`statistics.${key}`, values);
  const share = (n: number, whole: number) => formatShare(shareOf(n, whole), locale);
  const fmt = (n: number) => formatCount(n, locale);
  const m = s.members;
  const last = s.membersLastYear;
  const params = { unit: s.unit.id, year: s.year };
  const groupPages = Math.max(1, Math.ceil(s.byPeerGroup.length / GROUPS_PER_PAGE));
  const groupsPage = Math.min(query.page ?? 1, groupPages);
  const th = "px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600";
  const num = "whitespace-nowrap px-3 py-2 text-right tabular-nums";

  return (
    <ReportFrame
      tab="statistics"
      {...frame}
      actions={
        s.year ? (
          <>
            <DownloadLink href={reportHref("/reports/export/statistics", params)} testId="export-statistics">
              {t("exportXlsx")}
            </DownloadLink>
            <DownloadLink href={reportHref("/reports/documents/statistics", { ...params, format: "pdf" })}>{t("exportPdf")}</DownloadLink>
            <DownloadLink href={reportHref("/reports/documents/statistics", { ...params, format: "docx" })}>{t("exportDocx")}</DownloadLink>
          </>
        ) : null
      }
    >
      <PageHeader title={s.year ? ts("title", { year: s.year }) : s.unit.name} />
      {!s.year || !m ? (
        <EmptyState>{t("noYear")}</EmptyState>
      ) : (
        <div className="space-y-4">
          <p className="rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 text-sm leading-relaxed text-slate-900" data-testid="statistics-summary">
            {m.rated > 0
              ? ts("summary", {
                  year: s.year,
                  unit: s.unit.name,
                  total: fmt(m.total),
                  rated: fmt(m.rated),
                  notRated: fmt(m.notRated),
                  excellent: fmt(m.EXCELLENT),
                  excellentShare: share(m.EXCELLENT, m.rated),
                  good: fmt(m.GOOD),
                  goodShare: share(m.GOOD, m.rated),
                  completed: fmt(m.COMPLETED),
                  completedShare: share(m.COMPLETED, m.rated),
                  notCompleted: fmt(m.NOT_COMPLETED),
                  notCompletedShare: share(m.NOT_COMPLETED, m.rated),
                })
              : ts("notDecided", { year: s.year })}
          </p>

          <Card title={t("docs.title")} headingId="stats-documents">
            <ul className="divide-y divide-slate-100">
              <DocumentLinks label={t("docs.statistics", { year: s.year })} path="/reports/documents/statistics" params={params} testId="doc-statistics" />
              {(s.unit.kind === "DANG_BO_CO_SO" || s.unit.kind === "CHI_BO_CO_SO") && (
                <DocumentLinks
                  label={t("docs.memberLevels", { year: s.year })}
                  path="/reports/documents/member-levels"
                  params={params}
                  testId="doc-member-levels"
                />
              )}
              {s.unit.kind === "UPPER_COMMITTEE" && (
                <DocumentLinks
                  label={t("docs.organizationLevels", { year: s.year })}
                  path="/reports/documents/organization-levels"
                  params={params}
                  testId="doc-organization-levels"
                />
              )}
            </ul>
          </Card>

          <Card title={ts("levels")} headingId="stats-levels">
            <div className="grid gap-4 lg:grid-cols-2">
              <BarSeriesChart
                title={ts("levelsChart", { year: s.year, lastYear: s.year - 1 })}
                categories={LEVEL_KEYS.map((l) => tc(`grading.levelsShort.${l}`))}
                series={[
                  { name: String(s.year), values: LEVEL_KEYS.map((l) => m[l]) },
                  ...(last ? [{ name: String(s.year - 1), values: LEVEL_KEYS.map((l) => last[l]) }] : []),
                ]}
              />
              <Table
                caption={ts("chartTable")}
                head={[ts("level"), ts("thisYear", { year: s.year }), ts("share"), ts("lastYear", { year: s.year - 1 }), ts("share")]}
                align={["left", "right", "right", "right", "right"]}
                testId="stats-levels"
              >
                {LEVEL_KEYS.map((l) => (
                  <tr key={l}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {tc(`grading.levels.${l}`)}
                    </th>
                    <td className={num}>{fmt(m[l])}</td>
                    <td className={num}>{share(m[l], m.rated)}</td>
                    <td className={num}>{last ? fmt(last[l]) : "—"}</td>
                    <td className={num}>{last ? share(last[l], last.rated) : "—"}</td>
                  </tr>
                ))}
              </Table>
            </div>
          </Card>

          {s.trend.length > 1 && (
            <Card title={ts("trend", { from: s.trend[0].year, to: s.trend[s.trend.length - 1].year })} headingId="stats-trend">
              <div className="grid gap-4 lg:grid-cols-2">
                <BarSeriesChart
                  title={ts("trendChart")}
                  categories={s.trend.map((y) => String(y.year))}
                  series={[
                    { name: tc("grading.levelsShort.EXCELLENT"), values: s.trend.map((y) => shareOf(y.EXCELLENT, y.rated) ?? 0) },
                    { name: tc("grading.levelsShort.NOT_COMPLETED"), values: s.trend.map((y) => shareOf(y.NOT_COMPLETED, y.rated) ?? 0) },
                  ]}
                />
                <Table
                  caption={ts("trendChart")}
                  head={[
                    ts("year"),
                    ts("rated"),
                    ...LEVEL_KEYS.map((l) => (
                      <abbr key={l} title={tc(`grading.levels.${l}`)} className="no-underline">
                        {tc(`grading.levelsShort.${l}`)}
                      </abbr>
                    )),
                  ]}
                  align={["left", ...Array<"right">(1 + LEVEL_KEYS.length).fill("right")]}
                  testId="stats-trend"
                >
                  {s.trend.map((y) => (
                    <tr key={y.year}>
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {y.year}
                      </th>
                      <td className={num}>{fmt(y.rated)}</td>
                      {LEVEL_KEYS.map((l) => (
                        <td key={l} className={num}>
                          {fmt(y[l])}
                          <span className="block text-xs text-slate-500">{share(y[l], y.rated)}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </Table>
              </div>
            </Card>
          )}

          <div className="grid gap-4 lg:grid-cols-2">
            <Card title={ts("overview")} headingId="stats-overview">
              <Table
                caption={ts("overview")}
                head={[ts("what"), ts("thisYear", { year: s.year }), ts("lastYear", { year: s.year - 1 }), ts("change")]}
                align={["left", "right", "right", "right"]}
                testId="stats-overview"
              >
                {(
                  [
                    ["total", m.total, last?.total],
                    ["toRate", m.toRate, last?.toRate],
                    ["reviewed", m.reviewed, last?.reviewed],
                    ["rated", m.rated, last?.rated],
                    ["notRated", m.notRated, last?.notRated],
                    ["absent", m.absent, last?.absent],
                  ] as const
                ).map(([key, now, before]) => (
                  <tr key={key}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {ts(key)}
                    </th>
                    <td className={num}>{fmt(now)}</td>
                    <td className={num}>{before === undefined ? "—" : fmt(before)}</td>
                    <td className={num}>{before === undefined ? "—" : `${now - before > 0 ? "+" : ""}${fmt(now - before)}`}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {ts("disciplined")}
                  </th>
                  <td className={num}>{fmt(s.disciplined.members)}</td>
                  <td className={num}>—</td>
                  <td className={num}>—</td>
                </tr>
              </Table>
            </Card>
            <Card title={ts("notRatedReasons")} headingId="stats-reasons">
              <Table caption={ts("notRatedReasons")} head={[ts("reason"), ts("count")]} align={["left", "right"]} testId="stats-reasons">
                {REASONS.filter(([r]) => r !== "NEW_ORGANIZATION").map(([reason, column]) => (
                  <tr key={reason}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {ts(`reasons.${reason}`)}
                    </th>
                    <td className={num}>{fmt(m[column])}</td>
                  </tr>
                ))}
              </Table>
              <h3 className="mb-2 mt-4 text-sm font-semibold">{ts("disciplinedTitle")}</h3>
              {s.disciplined.byForm.length === 0 ? (
                <p className="text-sm text-slate-600">{ts("noDiscipline")}</p>
              ) : (
                <ul className="text-sm">
                  {s.disciplined.byForm.map((d) => (
                    <li key={d.form} className="flex justify-between border-b border-slate-100 py-1">
                      <span>{tc(`disciplineForms.${d.form}`)}</span>
                      <span className="tabular-nums">{fmt(d.count)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>

          <Card title={ts("organizations")} headingId="stats-organizations">
            <LevelTable
              caption={ts("organizations")}
              firstColumn={ts("what")}
              testId="stats-organizations"
              rows={[
                ...(s.grassroots ? [{ ...s.grassroots, display: ts("grassroots") }] : []),
                ...(s.subordinate ? [{ ...s.subordinate, display: ts("subordinate") }] : []),
              ]}
            />
          </Card>

          {s.byUnit.length > 0 && (
            <Card title={ts("byUnit")} headingId="stats-by-unit">
              <LevelTable caption={ts("byUnit")} firstColumn={ts("unit")} rows={s.byUnit} testId="stats-by-unit" />
            </Card>
          )}
          <Card title={ts("bySector")} headingId="stats-by-sector">
            <LevelTable
              caption={ts("bySector")}
              firstColumn={ts("sector")}
              rows={s.bySector.map((r) => ({ ...r, display: tc(`sectors.${r.key}`) }))}
              testId="stats-by-sector"
            />
          </Card>
          <Card title={ts("byPeerGroup")} headingId="stats-by-group">
            <LevelTable
              caption={ts("byPeerGroup")}
              firstColumn={ts("peerGroup")}
              rows={s.byPeerGroup.slice((groupsPage - 1) * GROUPS_PER_PAGE, groupsPage * GROUPS_PER_PAGE)}
              testId="stats-by-group"
            />
            <Pagination
              page={groupsPage}
              pageCount={groupPages}
              href={(p) => `${reportHref("/reports/statistics", { unit: s.unit.id, year: s.year, page: p })}#stats-by-group`}
            />
          </Card>
          {s.organizationsBySector.length > 0 && (
            <Card title={ts("organizationsBySector")} headingId="stats-org-sector">
              <LevelTable
                caption={ts("organizationsBySector")}
                firstColumn={ts("sector")}
                rows={s.organizationsBySector.map((r: LevelCounts) => ({ ...r, display: tc(`sectors.${r.key}`) }))}
              />
            </Card>
          )}

          {s.scoreBuckets.length > 0 && (
            <Card title={ts("scores")} headingId="stats-scores">
              <p className="mb-3 text-sm text-slate-600">{ts("scored", { count: fmt(s.scored) })}</p>
              <div className="grid gap-4 lg:grid-cols-2">
                <BarSeriesChart
                  title={ts("scoresChart", { year: s.year })}
                  categories={s.scoreBuckets.map((b) => `${b.from}–${b.to === 100 ? 100 : b.to - 0.1}`)}
                  series={[{ name: String(s.year), values: s.scoreBuckets.map((b) => b.count) }]}
                />
                <div className="space-y-3">
                  <Table caption={ts("scoreBands")} head={[ts("band"), ts("count"), ts("share")]} align={["left", "right", "right"]} testId="stats-bands">
                    {s.scoreBands.map((b) => (
                      <tr key={b.band}>
                        <th scope="row" className="px-3 py-2 text-left font-medium">
                          {ts(`bands.${b.band}`)}
                        </th>
                        <td className={num}>{fmt(b.count)}</td>
                        <td className={num}>{share(b.count, s.scored)}</td>
                      </tr>
                    ))}
                  </Table>
                  <details className="text-sm">
                    <summary className="cursor-pointer text-brand-800">{ts("chartTable")}</summary>
                    <table className="mt-2 min-w-full text-sm">
                      <caption className="sr-only">{ts("scoresChart", { year: s.year })}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className={`${th} text-left`}>
                            {ts("scoreRange")}
                          </th>
                          <th scope="col" className={`${th} text-right`}>
                            {ts("count")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.scoreBuckets.map((b) => (
                          <tr key={b.from}>
                            <td className="px-3 py-1">
                              {b.from}–{b.to === 100 ? 100 : `${b.to - 1},9`}
                            </td>
                            <td className={num}>{fmt(b.count)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </div>
              </div>
            </Card>
          )}
        </div>
      )}
    </ReportFrame>
  );
}
