import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { MeetingForm } from "@/components/review/meeting-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
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
      <SubpageHeader
        back={{ href: `/units/${page.cell.id}/review`, label: t("cellReview.title", { year: page.cycle.year }) }}
        title={t("meeting.title", { year: page.cycle.year })}
        description={page.cell.name}
        actions={
          page.meeting?.status === "FINALIZED" ? (
            <Badge tone="green">{t("meeting.finalized", { date: formatDate(page.meeting.finalizedAt) })}</Badge>
          ) : undefined
        }
      />
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
        finalized={page.meeting?.status === "FINALIZED"}
      />
      {history ? (
        <div className="mt-6">
          <HistoryPanel
            history={history}
            title={t("meeting.history")}
            id="minutes-history"
            pageHref={(n) => `/units/${id}/meeting?history=${n}#minutes-history`}
          />
        </div>
      ) : null}
    </>
  );
}
