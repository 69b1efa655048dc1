import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { HistoryPanel } from "@/components/review/history-panel";
import { OpinionsCard } from "@/components/review/opinions-card";
import { NotRatedForm, RemediationPanel, RerateForm, RereviewForm, ReturnSelfReview } from "@/components/review/record-forms";
import { SelfReviewForm } from "@/components/review/self-review-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { listRecordHistory } from "@/lib/data/history";
import { listOpinions } from "@/lib/data/opinions";
import { getRemediation } from "@/lib/data/remediation";
import { getSelfReviewPage } from "@/lib/data/self-reviews";
import { formatDate, todayInVietnam, toIsoDate } from "@/lib/i18n/format";
import { YearTaskListCard } from "@/components/review/year-task-list";
import { getYearTaskList } from "@/lib/data/task-yearend";

export default async function SelfReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ onBehalf?: string; history?: string }>;
}) {
  const actor = await requireActor();
  const [{ id }, { onBehalf, history: historyPage }] = await Promise.all([params, searchParams]);
  const [t, page, opinions, history, remediation] = await Promise.all([
    getTranslations(),
    orNotFound(getSelfReviewPage(actor, id)),
    orNotFound(listOpinions(actor, id)),
    orNotFound(listRecordHistory(actor, id, { page: Number(historyPage) || 1 })),
    orNotFound(getRemediation(actor, id)),
  ]);
  // Under a cycle that counts the tasks from the register, the year's tasks stand beside the self-review.
  const tasks = await getYearTaskList(actor, { memberId: page.record.memberId }, { recordId: id, year: page.cycle.year });
  // The secretary reads a member's form; typing in a paper one is a deliberate choice (?onBehalf=1).
  const editable = page.writer === "self" || (page.writer === "onBehalf" && onBehalf === "1");
  return (
    <>
      <SubpageHeader
        back={{ href: `/members/${page.record.memberId}`, label: page.member.fullName }}
        title={t("selfReview.title", { year: page.cycle.year })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{page.member.fullName}</span>
            <Badge tone="brand">{t("selfReview.formName", { form: page.template.form })}</Badge>
            <Badge>{t(`recordStates.${page.record.state}`)}</Badge>
          </span>
        }
        actions={
          <span className="flex flex-wrap gap-2">
            {page.writer === "onBehalf" && !editable && (
              <ButtonLink href={`/reviews/${id}?onBehalf=1`} variant="primary">
                {t("selfReview.enterOnBehalf")}
              </ButtonLink>
            )}
            <ButtonLink href={`/reviews/${id}/print`}>{t("selfReview.print")}</ButtonLink>
          </span>
        }
      />
      <div className="mb-4 space-y-2">
        {page.returnReason && (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("selfReview.returned", { reason: page.returnReason })}
          </p>
        )}
        {page.submittedAt && <p className="text-sm text-slate-700">{t("selfReview.submittedOn", { date: formatDate(page.submittedAt) })}</p>}
        {page.enteredOnBehalfBy && <p className="text-sm text-slate-700">{t("selfReview.onBehalf", { name: page.enteredOnBehalfBy })}</p>}
        {!editable && <p className="text-sm text-slate-700">{t("selfReview.readOnly")}</p>}
      </div>
      {page.canRereview && (
        <Card title={t("meeting.rereview.title")} className="mb-4">
          <RereviewForm recordId={id} version={page.record.version} today={todayInVietnam()} />
        </Card>
      )}
      {page.record.state === "NOT_RATED" && page.record.notRatedReason && (
        <p role="note" className="mb-4 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-900" data-testid="not-rated-reason">
          {t("notRated.current", { reason: t(`notRatedReasons.${page.record.notRatedReason}`) })}
          {page.record.awaitsConfirmation ? ` ${t("notRated.awaitsConfirmation")}` : null}
        </p>
      )}
      {page.canOrderRerate && (
        <Card title={t("rerate.orderTitle")} className="mb-4">
          <RerateForm recordId={id} mode="order" today={todayInVietnam()} />
        </Card>
      )}
      {page.canProposeRerate && (
        <Card title={t("rerate.proposeTitle")} className="mb-4">
          <RerateForm recordId={id} mode="propose" today={todayInVietnam()} />
        </Card>
      )}
      {page.canReinstate && (
        <Card title={t("notRated.reinstateTitle")} headingId="reinstate-title" className="mb-4">
          <NotRatedForm recordId={id} version={page.record.version} mode="reinstate" />
        </Card>
      )}
      {page.canReturn && (
        <Card title={t("selfReview.returnTitle")} className="mb-4">
          <ReturnSelfReview recordId={id} />
        </Card>
      )}
      <SelfReviewForm
        recordId={id}
        template={page.template}
        sheet={page.sheet}
        content={page.content}
        version={page.version}
        savedAt={page.savedAt?.toISOString() ?? null}
        standing={page.standing}
        ruleSet={page.cycle.ruleSet}
        ratingDate={toIsoDate(page.cycle.ratingDate)}
        editable={editable}
        onBehalfOf={page.writer === "onBehalf" && editable ? page.member.fullName : null}
      />
      <div className="mt-6 space-y-6">
        {tasks && <YearTaskListCard list={tasks} />}
        {page.canMarkNotRated && (
          <Card title={t("notRated.title")} headingId="not-rated-title">
            <p className="mb-3 text-sm text-slate-700">{t("notRated.intro")}</p>
            <NotRatedForm recordId={id} version={page.record.version} mode="mark" />
          </Card>
        )}
        <OpinionsCard view={opinions} />
        {remediation.items.length > 0 || remediation.canPlan ? (
          <div id="remediation">
            <Card title={t("decide.remediation.title")} headingId="remediation-title">
              <RemediationPanel
                recordId={id}
                items={remediation.items}
                needed={remediation.needed}
                canPlan={remediation.canPlan}
                canFollowUp={remediation.canFollowUp}
              />
            </Card>
          </div>
        ) : null}
        <HistoryPanel history={history} pageHref={(n) => `/reviews/${id}?${onBehalf === "1" ? "onBehalf=1&" : ""}history=${n}#history`} />
      </div>
    </>
  );
}
