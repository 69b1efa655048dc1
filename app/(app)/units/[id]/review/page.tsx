import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { lastReminders, NOT_SUBMITTED } from "@/lib/data/reminders";
import { listCellRecords } from "@/lib/data/self-reviews";
import { getUnitRating } from "@/lib/data/unit-ratings";
import { getRegisterFacts, getYearTaskList } from "@/lib/data/task-yearend";
import { YearTaskListCard } from "@/components/review/year-task-list";
import { LevelBadge } from "@/components/review/level-badge";
import { RemindButton } from "@/components/review/remind-button";
import { UnitSelfRatingForm } from "@/components/review/unit-self-rating-form";
import { Card } from "@/components/ui/card";
import { DownloadLink } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { formatDate } from "@/lib/i18n/format";

const STATE_TONE = {
  DRAFT: "neutral",
  SUBMITTED: "blue",
  RETURNED: "amber",
  REVIEWED: "green",
  DECIDED: "green",
  PUBLISHED: "green",
  ABSENT: "amber",
  NOT_RATED: "neutral",
  UNDER_REREVIEW: "amber",
} as const;

/** The cell's review under way: every member's self-review and where it stands, for the secretary. */
export default async function CellReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, { cell, cycle, records }, unit] = await Promise.all([
    getTranslations(),
    orNotFound(listCellRecords(actor, id)),
    orNotFound(getUnitRating(actor, id)),
  ]);
  // Under a cycle that counts the tasks from the register: the cell's own year of tasks (Mẫu 01) and its counts.
  const unitCycle = unit && cycle ? { id: unit.cycleId, year: cycle.year } : null;
  const [unitTasks, unitRegister] = unitCycle
    ? await Promise.all([getYearTaskList(actor, { organizationId: cell.id }, unitCycle), getRegisterFacts(actor, { organizationId: cell.id }, unitCycle)])
    : [null, null];
  // Who has not submitted, and whether this officer may remind them (the secretary, a committee above).
  const late = records.filter((r) => NOT_SUBMITTED.includes(r.state) && r.member!.id !== actor.memberId);
  const reminders = await lastReminders(
    actor,
    cell.id,
    late.map((r) => r.id),
  );
  const canRemind = reminders.canRemind && cycle?.status === "SELF_REVIEW";
  return (
    <>
      <SubpageHeader
        back={{ href: `/units/${cell.id}`, label: cell.name }}
        title={cycle ? t("cellReview.title", { year: cycle.year }) : t("cellReview.titleNone")}
        description={cell.name}
        actions={
          cycle && (
            <span className="flex flex-wrap gap-2">
              <ButtonLink href={`/units/${cell.id}/meeting`} variant="primary">
                {t("meeting.open")}
              </ButtonLink>
              <ButtonLink href={`/units/${cell.id}/results`}>{t("decide.results.open")}</ButtonLink>
            </span>
          )
        }
      />
      {!cycle || records.length === 0 ? (
        <EmptyState>{t("home.noCycle")}</EmptyState>
      ) : (
        <>
          {canRemind && late.length > 0 && (
            <div
              className="mb-3 flex flex-wrap items-start justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm"
              data-testid="remind-all"
            >
              <p className="text-amber-950">{t("cell.reminders.lateCount", { count: late.length, due: formatDate(cycle.selfReviewDue) })}</p>
              <RemindButton cellId={cell.id} variant="primary" />
            </div>
          )}
          <Table
            caption={t("cellReview.caption")}
            head={[t("units.name"), t("cellReview.state"), t("cellReview.selfLevel"), t("cell.cellList.opinions"), t("cellReview.updated")]}
          >
            {records.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                    {r.member!.fullName}
                  </Link>
                  {!r.member!.officialOn && (
                    <span className="ml-2">
                      <Badge tone="amber">{t("units.probationary")}</Badge>
                    </span>
                  )}
                  {r.opinions.missing.length > 0 && (
                    // On a phone the opinions column is scrolled off to the side: what is missing shows here too.
                    <span className="mt-1 flex flex-wrap gap-1 sm:hidden" aria-hidden="true">
                      {r.opinions.missing.map((s) => (
                        <Badge key={s} tone="amber">
                          {t("cell.cellList.opinionsMissing", { list: t(`cell.opinions.sourcesShort.${s}`) })}
                        </Badge>
                      ))}
                    </span>
                  )}
                </Td>
                <Td>
                  <Badge tone={STATE_TONE[r.state]}>{r.notRatedReason ? t(`notRatedReasons.${r.notRatedReason}`) : t(`recordStates.${r.state}`)}</Badge>
                  {r.selfReview?.enteredOnBehalfById && <span className="ml-2 text-xs text-slate-600">{t("cellReview.paper")}</span>}
                  {canRemind && late.includes(r) && (
                    <span className="mt-1 flex flex-col items-start gap-1">
                      {reminders.last.has(r.id) && (
                        <span className="text-xs text-slate-600">{t("cell.reminders.last", { date: formatDate(reminders.last.get(r.id)!) })}</span>
                      )}
                      <RemindButton
                        cellId={cell.id}
                        recordId={r.id}
                        name={r.member!.fullName}
                        remindedToday={reminders.last.get(r.id)?.getTime() === reminders.today.getTime()}
                      />
                    </span>
                  )}
                </Td>
                <Td>{r.selfLevel ? <LevelBadge level={r.selfLevel} /> : "—"}</Td>
                <Td>
                  {r.opinions.missing.length > 0 ? (
                    <span className="flex flex-wrap gap-1">
                      {r.opinions.missing.map((s) => (
                        <Badge key={s} tone="amber">
                          {t("cell.cellList.opinionsMissing", { list: t(`cell.opinions.sourcesShort.${s}`) })}
                        </Badge>
                      ))}
                    </span>
                  ) : r.opinions.required > 0 ? (
                    <Badge tone="green">{t("cell.cellList.opinionsComplete")}</Badge>
                  ) : (
                    <span className="text-slate-600">{t("cell.cellList.opinionsNone")}</span>
                  )}
                </Td>
                <Td className="tabular-nums">{r.selfReview ? formatDate(r.selfReview.submittedAt ?? r.selfReview.updatedAt) : t("selfReview.notStarted")}</Td>
              </tr>
            ))}
          </Table>
        </>
      )}
      {unit && unit.kind === "SUBORDINATE" && (unit.transitions.includes("proposeUnit") || unit.selfLevel) ? (
        // The cell's own proposal, voted at its meeting after its collective review (366 Điều 12, Bước 2).
        <Card
          title={t("decideOrgs.selfRating.titleCell")}
          className="mt-6"
          actions={
            unit.cycle.ruleSet === "QD366_HD43" ? (
              <span className="flex flex-wrap gap-2">
                <DownloadLink href={reportHref("/reports/documents/collective-review", { unit: cell.id, format: "pdf" })} testId="collective-report-pdf">
                  {t("collectiveReport.pdf")}
                </DownloadLink>
                <DownloadLink href={reportHref("/reports/documents/collective-review", { unit: cell.id, format: "docx" })} testId="collective-report-docx">
                  {t("collectiveReport.docx")}
                </DownloadLink>
              </span>
            ) : undefined
          }
        >
          {unit.transitions.includes("proposeUnit") ? (
            <UnitSelfRatingForm
              recordId={unit.recordId}
              version={unit.version}
              facts={unit.facts}
              level={unit.selfLevel}
              kind="SUBORDINATE"
              verdict={{ facts: unit.facts, subordinateLevels: unit.subordinateLevels, establishedOn: unit.establishedOn, peerGroup: unit.peerGroupId ?? "" }}
              cycle={unit.cycle}
              answersForTargets={unit.answersForTargets}
              orderGaps={unit.orderGaps}
              sheet={unit.sheet}
              scoreItems={unit.scoreItems}
              report={unit.report}
              register={unitRegister}
            />
          ) : (
            <p className="text-sm">
              {t("decide.results.cellProposal", { level: t(`grading.levels.${unit.selfLevel!}`), state: t(`decideOrgs.states.SUBORDINATE.${unit.state}`) })}
            </p>
          )}
        </Card>
      ) : null}
      {unitTasks && unit && unit.kind === "SUBORDINATE" && <YearTaskListCard list={unitTasks} className="mt-6" />}
    </>
  );
}
