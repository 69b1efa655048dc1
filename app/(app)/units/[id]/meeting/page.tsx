import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MeetingForm } from "@/components/review/meeting-form";
import { DownloadLink } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getMeetingPage } from "@/lib/data/meetings";
import { listMeetingHistory } from "@/lib/data/history";
import { HistoryPanel } from "@/components/review/history-panel";
import { formatDate } from "@/lib/i18n/format";

/** The cell's review meeting and its minutes (biên bản), for the secretary; read-only for the committees. */
export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ history?: string }> }) {
  const actor = await requireActor();
  const [{ id }, { history: historyPage }] = await Promise.all([params, searchParams]);
  const [t, page] = await Promise.all([getTranslations(), orNotFound(getMeetingPage(actor, id))]);
  if (!page) return <EmptyState>{t("home.noCycle")}</EmptyState>;
  const history = await listMeetingHistory(actor, id, page.cycle.id, { page: Number(historyPage) || 1 });
  return (
    <>
      <nav aria-label={t("units.breadcrumb")} className="mb-2 text-sm">
        <Link href={`/units/${page.cell.id}/review`} className="text-brand-700 underline hover:text-brand-800">
          {t("cellReview.title", { year: page.cycle.year })}
        </Link>
      </nav>
      <PageHeader
        title={t("meeting.title", { year: page.cycle.year })}
        description={page.cell.name}
        actions={page.meeting?.status === "FINALIZED" ? <Badge tone="green">{t("meeting.finalized", { date: formatDate(page.meeting.finalizedAt) })}</Badge> : undefined}
      />
      <section aria-labelledby="minutes-files-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="minutes-files">
        <h2 id="minutes-files-title" className="text-base font-semibold text-slate-900">
          {t("meeting.minutesFiles")}
        </h2>
        {page.meeting ? (
          <>
            <p className="mt-1 text-sm text-slate-700">
              {page.meeting.status === "FINALIZED" ? t("meeting.minutesFinalNote") : t("meeting.minutesDraftNote")}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <ButtonLink href={`/units/${page.cell.id}/meeting/print`}>{t("meeting.print")}</ButtonLink>
              <DownloadLink href={reportHref("/reports/documents/minutes", { unit: page.cell.id, format: "pdf" })} testId="minutes-pdf">
                {t("meeting.downloadPdf")}
              </DownloadLink>
              <DownloadLink href={reportHref("/reports/documents/minutes", { unit: page.cell.id, format: "docx" })} testId="minutes-docx">
                {t("meeting.downloadDocx")}
              </DownloadLink>
            </div>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-700">{t("meeting.minutesNotYet")}</p>
        )}
      </section>
      <MeetingForm
        cellId={page.cell.id}
        cycle={page.cycle}
        rules={page.rules}
        members={page.members}
        groups={page.groups}
        minutes={page.minutes}
        version={page.meeting?.version ?? 0}
        savedAt={page.meeting?.updatedAt.toISOString() ?? null}
        editable={page.canWrite}
      />
      {history ? (
        <div className="mt-6">
          <HistoryPanel history={history} title={t("meeting.history")} id="minutes-history" pageHref={(n) => `/units/${id}/meeting?history=${n}#minutes-history`} />
        </div>
      ) : null}
    </>
  );
}
