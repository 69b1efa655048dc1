import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Select, TextInput } from "@/components/forms/field";
import { Options } from "@/components/forms/options";
import { DocumentLinks } from "@/components/reports/document-links";
import { MemberLink } from "@/components/reports/member-link";
import { DownloadLink, ReportFrame } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getProgressBoard, type ProgressRow } from "@/lib/data/progress";
import { formatDate } from "@/lib/i18n/format";
import { donePercent, filterRows, sortRows, stateColumns } from "@/lib/reports/progress-view";
import { REPORT_SECTORS, type ProgressSort } from "@/lib/schemas/reports";
import { loadReport, type ReportSearchParams } from "./load-report";

type Props = { searchParams: ReportSearchParams };

const iso = (s: string) => formatDate(new Date(`${s}T00:00:00Z`));

export default async function ProgressPage({ searchParams }: Props) {
  const [{ query, report: board, frame }, t, tc] = await Promise.all([
    loadReport(searchParams, getProgressBoard),
    getTranslations("reports"),
    getTranslations(),
  ]);
  // Without a sort asked for, the units stay in the tree's own order.
  const sort = query.sort ?? null;
  const dir = query.dir ?? (sort === "name" ? "asc" : "desc");
  const filtered = filterRows(board.rows, { q: query.q, lateOnly: query.late === "1", sector: query.sector });
  const rows = sort ? sortRows(filtered, sort, dir) : filtered;
  const base = { unit: board.unit.id, year: board.year, q: query.q, late: query.late, sector: query.sector };
  const sortLink = (column: ProgressSort) =>
    reportHref("/reports", {
      ...base,
      sort: column,
      dir: sort === column && dir === (column === "name" ? "asc" : "desc") ? (column === "name" ? "desc" : "asc") : undefined,
    });
  const ariaSort = (column: ProgressSort) => (sort === column ? (dir === "asc" ? "ascending" : "descending") : undefined);
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const sortHeader = (column: ProgressSort, label: string, className = "") => (
    <th scope="col" aria-sort={ariaSort(column)} className={`${th} ${className}`}>
      <Link href={sortLink(column)} className="inline-flex items-center gap-1 hover:text-brand-800" aria-label={t("progress.sortBy", { column: label })}>
        {label}
        <span aria-hidden>{sort === column ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );

  return (
    <ReportFrame
      tab="progress"
      {...frame}
      actions={
        board.year ? (
          <>
            <DownloadLink href={reportHref("/reports/export/progress", { unit: board.unit.id, year: board.year })} testId="export-progress">
              {t("exportXlsx")}
            </DownloadLink>
            <DownloadLink href={reportHref("/reports/export/members", { unit: board.unit.id, year: board.year })} testId="export-members">
              {t("exportMembers")}
            </DownloadLink>
          </>
        ) : null
      }
    >
      <PageHeader
        title={board.year ? t("progress.title", { year: board.year }) : board.unit.name}
        description={board.year ? t("progress.intro", { unit: board.unit.name, today: iso(board.today) }) : undefined}
      />
      {!board.year || !board.total ? (
        <EmptyState>{t("noYear")}</EmptyState>
      ) : (
        <>
          {board.deadlines.map((d) => (
            <p key={d.selfReviewDue} className="-mt-4 mb-4 text-sm text-slate-600">
              {t("progress.deadlines", {
                selfReviewDue: iso(d.selfReviewDue),
                meetingsDue: iso(d.meetingsDue),
                grassrootsDue: iso(d.grassrootsDue),
                upperDecisionDue: iso(d.upperDecisionDue),
              })}
            </p>
          ))}
          <TotalCards row={board.total} />

          {board.members === null ? (
            <Card title={t("progress.caption", { unit: board.unit.name })} className="mt-4">
              <form method="get" action="/reports" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label={t("progress.filter")}>
                <input type="hidden" name="unit" value={board.unit.id} />
                <input type="hidden" name="year" value={board.year} />
                <label className="text-sm">
                  <span className="mb-1 block text-xs font-medium text-slate-600">{t("progress.filterName")}</span>
                  <TextInput name="q" defaultValue={query.q} widthClass="w-56" />
                </label>
                <label className="text-sm">
                  <span className="mb-1 block text-xs font-medium text-slate-600">{t("progress.sector")}</span>
                  <Select name="sector" defaultValue={query.sector ?? ""} widthClass="w-auto">
                    <Options values={REPORT_SECTORS} label={(s) => tc(`sectors.${s}`)} all={t("progress.allSectors")} />
                  </Select>
                </label>
                <label className="flex items-center gap-2 py-2 text-sm">
                  <input type="checkbox" name="late" value="1" defaultChecked={query.late === "1"} className="h-4 w-4" />
                  {t("progress.lateOnly")}
                </label>
                <button type="submit" className={buttonClass("primary")}>
                  {t("progress.apply")}
                </button>
                {(query.q || query.late || query.sector) && (
                  <Link href={reportHref("/reports", { unit: board.unit.id, year: board.year })} className={buttonClass("ghost")}>
                    {t("progress.clear")}
                  </Link>
                )}
              </form>
              {rows.length === 0 ? (
                <EmptyState>{t("progress.noRows")}</EmptyState>
              ) : (
                <div
                  role="region"
                  aria-label={t("progress.caption", { unit: board.unit.name })}
                  tabIndex={0}
                  className="overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2"
                >
                  <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="progress-table">
                    <caption className="sr-only">{t("progress.caption", { unit: board.unit.name })}</caption>
                    <thead className="bg-slate-50">
                      <tr>
                        {sortHeader("name", t("progress.unit"))}
                        {sortHeader("members", t("progress.members"), "text-right")}
                        {(["notSubmitted", "submitted", "reviewed", "absent", "notRated", "decided"] as const).map((column) => (
                          <th key={column} scope="col" className={`${th} text-right`}>
                            {t(`progress.${column}`)}
                          </th>
                        ))}
                        {sortHeader("done", t("progress.done"))}
                        <th scope="col" className={`${th} text-right`}>
                          {t("progress.meetings")}
                        </th>
                        {sortHeader("late", t("progress.late"))}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 bg-white">
                      {rows.map((row) => (
                        <UnitRow key={row.id} row={row} year={board.year!} kindLabel={tc(`orgKinds.${row.kind}`)} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
          ) : (
            <>
              <Card title={t("docs.title")} className="mt-4">
                <ul className="divide-y divide-slate-100">
                  <DocumentLinks label={t("docs.minutes")} path="/reports/documents/minutes" params={{ unit: board.unit.id }} testId="doc-minutes" />
                </ul>
              </Card>
              <Card title={t("progress.membersTitle", { unit: board.unit.name })} className="mt-4">
                {board.members.length === 0 ? (
                  <EmptyState>{t("progress.noMembers")}</EmptyState>
                ) : (
                  <Table
                    caption={t("progress.membersTitle", { unit: board.unit.name })}
                    head={[
                      t("progress.member"),
                      t("progress.cardNumber"),
                      t("progress.state"),
                      t("progress.selfLevel"),
                      t("progress.proposedLevel"),
                      t("progress.decidedLevel"),
                      t("docs.selfReview"),
                    ]}
                    testId="progress-members"
                  >
                    {board.members.map((m) => (
                      <tr key={m.id}>
                        <td className="px-3 py-2">
                          <MemberLink memberId={m.memberId} fullName={m.fullName} />
                        </td>
                        <td className="px-3 py-2 tabular-nums">{m.cardNumber}</td>
                        <td className="px-3 py-2">
                          <span className="mr-2">{tc(`recordStates.${m.state}`)}</span>
                          {m.late && <Badge tone="red">{t("progress.lateYes")}</Badge>}
                        </td>
                        <td className="px-3 py-2">{m.selfLevel ? tc(`grading.levelsShort.${m.selfLevel}`) : "—"}</td>
                        <td className="px-3 py-2">{m.proposedLevel ? tc(`grading.levelsShort.${m.proposedLevel}`) : "—"}</td>
                        <td className="px-3 py-2">{m.decidedLevel ? tc(`grading.levelsShort.${m.decidedLevel}`) : "—"}</td>
                        <td className="px-3 py-2">
                          {m.state !== "DRAFT" && m.state !== "NOT_RATED" && (
                            <a
                              href={reportHref("/reports/documents/self-review", { record: m.id, format: "pdf" })}
                              className="text-xs font-medium text-brand-800 underline"
                              download
                              aria-label={`PDF: ${t("docs.selfReviewOf", { name: m.fullName })}`}
                            >
                              PDF
                            </a>
                          )}
                        </td>
                      </tr>
                    ))}
                  </Table>
                )}
              </Card>
            </>
          )}
        </>
      )}
    </ReportFrame>
  );
}

async function TotalCards({ row }: { row: ProgressRow }) {
  const t = await getTranslations("reports.progress");
  const tiles = [
    { label: t("members"), value: row.members },
    { label: t("notSubmitted"), value: stateColumns(row.byState).notSubmitted },
    { label: t("submitted"), value: stateColumns(row.byState).submitted },
    { label: t("reviewed"), value: row.reviewed },
    { label: t("decided"), value: row.decided },
    { label: t("late"), value: row.lateTotal, tone: row.lateTotal > 0 ? "text-red-700" : "" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="progress-totals">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-medium text-slate-600">{tile.label}</dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums text-slate-900 ${tile.tone ?? ""}`}>{tile.value.toLocaleString("vi-VN")}</dd>
        </div>
      ))}
    </dl>
  );
}

async function UnitRow({ row, year, kindLabel }: { row: ProgressRow; year: number; kindLabel: string }) {
  const t = await getTranslations("reports.progress");
  const percent = donePercent(row);
  const columns = stateColumns(row.byState);
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <tr>
      <td className="min-w-48 px-3 py-2">
        <Link href={reportHref("/reports", { unit: row.id, year })} className="font-medium text-brand-800 hover:underline">
          {row.name}
        </Link>
        <span className="block text-xs text-slate-500">
          {row.code} · {kindLabel}
        </span>
      </td>
      <td className={num}>{row.members}</td>
      <td className={num}>{columns.notSubmitted}</td>
      <td className={num}>{columns.submitted}</td>
      <td className={num}>{columns.reviewed}</td>
      <td className={num}>{columns.absent}</td>
      <td className={num}>{columns.notRated}</td>
      <td className={num}>{row.decided}</td>
      <td className="px-3 py-2">
        <div className="flex min-w-28 items-center gap-2">
          <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
          </div>
          <span className="w-10 text-right text-xs tabular-nums text-slate-700">{percent}%</span>
        </div>
      </td>
      <td className={num}>{row.meetingsFinalized}</td>
      <td className="px-3 py-2">
        {row.lateTotal > 0 ? (
          <span title={t("lateDetail", { ...row.late })}>
            <Badge tone="red">{row.lateTotal}</Badge>
            <span className="sr-only">{t("lateDetail", { ...row.late })}</span>
          </span>
        ) : (
          <span className="text-slate-500">0</span>
        )}
      </td>
    </tr>
  );
}
