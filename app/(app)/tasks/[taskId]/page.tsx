import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { HistoryPanel } from "@/components/review/history-panel";
import { TaskBadges } from "@/components/tasks/task-badges";
import { EditTaskForm } from "@/components/tasks/task-fields-form";
import { TaskFiles } from "@/components/tasks/task-files";
import { TaskResultForm, type ResultDraft } from "@/components/tasks/task-result-form";
import { ConfirmTaskButton, ReturnTaskForm, WithdrawTaskForm } from "@/components/tasks/task-steps";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getTask } from "@/lib/data/tasks";
import { formatDateTime, formatIsoDate, todayInVietnam } from "@/lib/i18n/format";
import { stepAllowed } from "@/lib/review/tasks";

type Props = { params: Promise<{ taskId: string }>; searchParams: Promise<{ history?: string }> };

/** A fold for a step taken now and then (edit, withdraw): closed until asked for. */
function Fold({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <details className="group rounded-xl border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-4 py-3 text-base font-semibold text-slate-900 sm:px-5">
        {title}
        <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="border-t border-slate-100 px-4 py-4 sm:px-5">{children}</div>
    </details>
  );
}

/**
 * One task: what it is, its result (the reason in front when it was sent back), its evidence files, its
 * history, and the steps the reader may take in its state — the keeper edits, reports, attaches and
 * withdraws; the confirmer confirms, sends back or corrects a confirmed result.
 */
export default async function TaskPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const [{ taskId }, { history: historyPage }] = await Promise.all([params, searchParams]);
  const [t, tc, page] = await Promise.all([
    getTranslations("tasks.task"),
    getTranslations("common"),
    orNotFound(getTask(actor, taskId, { historyPage: Number(historyPage) || 1 })),
  ]);
  const { task, files, subject, history, canKeep, canConfirm } = page;
  const today = todayInVietnam();
  const own = subject.kind === "MEMBER" && subject.id === actor.memberId;
  const registerHref = (own ? "/tasks" : subject.kind === "MEMBER" ? `/members/${subject.id}/tasks` : `/units/${subject.id}/tasks`) + `?year=${task.year}`;
  const can = (step: Parameters<typeof stepAllowed>[1]) => stepAllowed(task.status, step);
  const mayWithdraw = can("withdraw") && (canConfirm || (canKeep && task.dueOn >= today));
  const draft: ResultDraft = {
    outcome: task.outcome ?? "",
    doneOn: task.doneOn ?? "",
    product: task.product ?? "",
    productLink: task.productLink ?? "",
    exceeded: task.exceeded,
    exceededGrounds: task.exceededGrounds ?? "",
    notDoneReason: task.notDoneReason ?? "",
    forceMajeure: task.forceMajeure,
  };

  const result: { label: string; value: ReactNode }[] =
    task.outcome === "DONE"
      ? [
          { label: t("outcome"), value: t("outcomes.DONE") },
          { label: t("doneOn"), value: task.doneOn ? formatIsoDate(task.doneOn) : "—" },
          { label: t("product"), value: <span className="whitespace-pre-line break-words">{task.product}</span> },
          {
            label: t("productLink"),
            value: task.productLink ? (
              <a href={task.productLink} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-800 underline">
                {task.productLink}
              </a>
            ) : (
              "—"
            ),
          },
          { label: t("exceeded"), value: task.exceeded ? `${tc("yes")}: ${task.exceededGrounds ?? ""}` : tc("no") },
        ]
      : task.outcome === "NOT_DONE"
        ? [
            { label: t("outcome"), value: t("outcomes.NOT_DONE") },
            { label: t("notDoneReason"), value: <span className="whitespace-pre-line break-words">{task.notDoneReason}</span> },
            {
              label: t("forceMajeure"),
              value: (
                <>
                  {task.forceMajeure ? tc("yes") : tc("no")}
                  {task.forceMajeure && <span className="block text-xs text-slate-600">{t("forceMajeureHint")}</span>}
                </>
              ),
            },
          ]
        : [];

  return (
    <>
      <SubpageHeader
        back={{ href: registerHref, label: `← ${t("backToRegister", { name: subject.name, year: task.year })}` }}
        title={task.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{subject.name}</span>
            <TaskBadges task={task} today={today} />
          </span>
        }
      />

      {task.status === "RETURNED" && task.returnReason && (
        <section className="mb-4 rounded-xl border-2 border-amber-400 bg-amber-50 px-4 py-3" aria-labelledby="return-reason" data-testid="return-reason">
          <h2 id="return-reason" className="text-base font-semibold text-amber-900">
            {t("returnedTitle")}
          </h2>
          <p className="mt-1 whitespace-pre-line break-words text-sm text-amber-950">{task.returnReason}</p>
          {canKeep && <p className="mt-2 text-sm text-amber-900">{t("returnedHelp")}</p>}
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("whatTitle")} headingId="task-what">
            <DescriptionList
              items={[
                { label: t("source"), value: task.source },
                { label: t("assignedOn"), value: formatIsoDate(task.assignedOn) },
                { label: t("dueOn"), value: formatIsoDate(task.dueOn) },
                { label: t("expectedProduct"), value: <span className="whitespace-pre-line break-words">{task.expectedProduct}</span> },
                { label: t("qualityMeasure"), value: <span className="whitespace-pre-line break-words">{task.qualityMeasure}</span> },
              ]}
            />
          </Card>
          <Card title={t("resultTitle")} headingId="task-result">
            {result.length === 0 ? <p className="text-sm text-slate-600">{t("noResult")}</p> : <DescriptionList items={result} />}
            <p className="mt-3 text-xs text-slate-600" data-testid="task-status-line">
              {task.status === "CONFIRMED" && task.confirmedAt
                ? t("confirmedLine", { at: formatDateTime(task.confirmedAt), by: task.confirmedBy ?? "—" })
                : task.status === "REPORTED" && task.reportedAt
                  ? t("reportedLine", { at: formatDateTime(task.reportedAt) })
                  : task.status === "OPEN"
                    ? t("openLine")
                    : null}
            </p>
          </Card>
        </div>
        <Card title={t("filesTitle", { count: files.length })} headingId="task-files" className="lg:self-start">
          <TaskFiles taskId={task.id} files={files} canAttach={canKeep && can("attach")} />
        </Card>
      </div>

      <div className="mt-4 space-y-4">
        {canConfirm && can("confirm") && (
          <Card title={t("confirmTitle")} headingId="task-confirm">
            <div className="grid gap-6 md:grid-cols-2">
              <ConfirmTaskButton taskId={task.id} expectedVersion={task.version} />
              <ReturnTaskForm taskId={task.id} expectedVersion={task.version} />
            </div>
          </Card>
        )}
        {canKeep &&
          can("report") &&
          // An officer who keeps and confirms the register reads a result waiting to be confirmed: reporting it again is the rare step.
          (canConfirm && task.status === "REPORTED" ? (
            <Fold title={t("reportAgainTitle")}>
              <TaskResultForm taskId={task.id} expectedVersion={task.version} initial={draft} today={today} mode="report" />
            </Fold>
          ) : (
            <Card title={t(task.status === "OPEN" ? "reportTitle" : "reportAgainTitle")} headingId="task-report">
              <TaskResultForm taskId={task.id} expectedVersion={task.version} initial={draft} today={today} mode="report" />
            </Card>
          ))}
        {canConfirm && can("correct") && (
          <Fold title={t("correctTitle")} testId="task-correct">
            <TaskResultForm taskId={task.id} expectedVersion={task.version} initial={draft} today={today} mode="correct" />
          </Fold>
        )}
        {canKeep && can("edit") && (
          <Fold title={t("editTitle")}>
            <EditTaskForm
              initial={{
                taskId: task.id,
                expectedVersion: task.version,
                task: {
                  title: task.title,
                  source: task.source,
                  assignedOn: task.assignedOn,
                  dueOn: task.dueOn,
                  expectedProduct: task.expectedProduct,
                  qualityMeasure: task.qualityMeasure,
                },
              }}
            />
          </Fold>
        )}
        {mayWithdraw && (
          <Fold title={t("withdrawTitle")}>
            <WithdrawTaskForm taskId={task.id} expectedVersion={task.version} back={registerHref} />
          </Fold>
        )}
        <HistoryPanel history={history} title={t("historyTitle")} pageHref={(n) => `/tasks/${task.id}?history=${n}#history`} />
      </div>
    </>
  );
}
