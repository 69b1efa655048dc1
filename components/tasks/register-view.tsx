import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import type { TaskRegister } from "@/lib/data/tasks";
import { formatIsoDate, todayInVietnam } from "@/lib/i18n/format";
import { taskAppendixFileHref, taskAppendixHref, type TaskCounts } from "@/lib/review/tasks";
import { QuartersPanel } from "./quarters-panel";
import { DeclareTaskForm } from "./task-fields-form";
import { TaskBadges } from "./task-badges";

/** Which of the counts' tasks the list shows (`?show=`): a number's tasks, or all of them. */
export const TASK_FILTERS = ["assigned", "completed", "onTime", "late", "exceeded", "notCompleted", "unconfirmed"] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

export function parseTaskFilter(value: string | string[] | undefined): TaskFilter | null {
  return typeof value === "string" && (TASK_FILTERS as readonly string[]).includes(value) ? (value as TaskFilter) : null;
}

/** `?year=` as a year the register may show, or the fallback. */
export function parseYear(value: string | string[] | undefined, fallback: number): number {
  const year = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return year >= 2000 && year <= 2100 ? year : fallback;
}

const FIGURES: { key: keyof Omit<TaskCounts, "tasks">; filter: TaskFilter; letter: string }[] = [
  { key: "assigned", filter: "assigned", letter: "N" },
  { key: "completed", filter: "completed", letter: "C" },
  { key: "onTime", filter: "onTime", letter: "T" },
  { key: "exceeded", filter: "exceeded", letter: "X" },
];

/**
 * A subject's register of one year (a member's, or a unit's program and plan): the year's figures of
 * §7.4 — each a link that shows the tasks behind it —, whether the year-end review counts them from here,
 * the tasks with where each stands, its quarters, the appendix to print, and the declaration form for
 * whoever keeps the register.
 */
export async function RegisterView({
  register,
  href,
  show,
}: {
  register: TaskRegister;
  /** The register's page without its query: the year and the filter are added. */
  href: string;
  show: TaskFilter | null;
}) {
  const t = await getTranslations("tasks.register");
  const ts = await getTranslations("tasks.task");
  const { year, counts } = register;
  const today = todayInVietnam();
  const link = (query: { year?: number; show?: TaskFilter | null }, hash = "") => {
    const params = new URLSearchParams({ year: String(query.year ?? year) });
    if (query.show) params.set("show", query.show);
    return `${href}?${params.toString()}${hash}`;
  };
  const shown = show ? new Set(counts.tasks[show]) : null;
  const tasks = shown ? register.tasks.filter((task) => shown.has(task.id)) : register.tasks;
  const subject =
    register.subject.kind === "MEMBER"
      ? { kind: "MEMBER" as const, memberId: register.subject.id }
      : { kind: "ORGANIZATION" as const, organizationId: register.subject.id };

  return (
    <div className="space-y-4">
      <nav aria-label={t("yearNav")} className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={link({ year: year - 1 })} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" rel="prev">
          ← {year - 1}
        </Link>
        <span className="px-2 font-semibold tabular-nums text-slate-900" aria-current="page">
          {t("year", { year })}
        </span>
        <Link href={link({ year: year + 1 })} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" rel="next">
          {year + 1} →
        </Link>
        <span className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1">
          <Link href={taskAppendixHref(register.subject, year)} prefetch={false} className="text-brand-800 underline hover:text-brand-900">
            {t("appendix")}
          </Link>
          <a href={taskAppendixFileHref(register.subject, year, "pdf")} className="text-brand-800 underline hover:text-brand-900">
            PDF
          </a>
          <a href={taskAppendixFileHref(register.subject, year, "docx")} className="text-brand-800 underline hover:text-brand-900">
            Word
          </a>
          <a
            href={`/tasks/export?${register.subject.kind === "MEMBER" ? "member" : "organization"}=${encodeURIComponent(register.subject.id)}&year=${year}`}
            className="text-brand-800 underline hover:text-brand-900"
          >
            {t("exportXlsx")}
          </a>
          {register.canKeep && register.subject.kind === "ORGANIZATION" && (
            <Link href="/tasks/import" className="text-brand-800 underline hover:text-brand-900">
              {t("importLink")}
            </Link>
          )}
        </span>
      </nav>

      <Card title={t("figuresTitle", { year })} headingId="task-figures">
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="task-counts">
          {FIGURES.map(({ key, filter, letter }) => (
            <li key={key}>
              <Link
                href={link({ show: filter }, "#task-list")}
                aria-current={show === filter ? "true" : undefined}
                className="block rounded-lg border border-slate-200 px-3 py-2 hover:border-brand-300 hover:bg-brand-50 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-50"
                data-testid={`count-${key}`}
              >
                <span className="block text-2xl font-semibold tabular-nums text-slate-900">{counts[key]}</span>
                <span className="block text-xs text-slate-700">
                  <abbr title={t(`figures.${key}`)} className="no-underline">
                    {letter}
                  </abbr>{" "}
                  · {t(`figures.${key}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {(["late", "notCompleted", "unconfirmed"] as const)
            .filter((filter) => counts.tasks[filter].length > 0)
            .map((filter) => (
              <Link key={filter} href={link({ show: filter }, "#task-list")} className="text-brand-800 underline hover:text-brand-900">
                {t(`more.${filter}`, { count: counts.tasks[filter].length })}
              </Link>
            ))}
        </p>
        <p className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="register-use">
          {register.record?.usesRegister ? t("usedByCycle", { year }) : register.record ? t("notUsedByCycle", { year }) : t("noRecord", { year })}{" "}
          {t("onlyConfirmed")}
        </p>
      </Card>

      <Card
        title={show ? t("listFiltered", { filter: t(`filters.${show}`) }) : t("listTitle", { year })}
        headingId="task-list"
        actions={
          show && (
            <Link href={link({ show: null }, "#task-list")} className="text-sm text-brand-800 underline hover:text-brand-900">
              {t("showAll")}
            </Link>
          )
        }
      >
        {tasks.length === 0 ? (
          <EmptyState>{show ? t("emptyFiltered") : register.canKeep ? t("emptyKeeper", { year }) : t("empty", { year })}</EmptyState>
        ) : (
          <>
            <div className="hidden sm:block">
              <Table
                caption={t("listTitle", { year })}
                head={[ts("title"), ts("dueOn"), ts("statusLabel"), t("filesColumn")]}
                align={["left", "left", "left", "right"]}
              >
                {tasks.map((task) => (
                  <tr key={task.id} data-testid="task-row">
                    <Td>
                      <Link href={`/tasks/${task.id}`} className="font-medium text-brand-800 hover:underline">
                        {task.title}
                      </Link>
                      <span className="block text-xs text-slate-600">{task.source}</span>
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">{formatIsoDate(task.dueOn)}</Td>
                    <Td>
                      <TaskBadges task={task} today={today} />
                    </Td>
                    <Td className="text-right tabular-nums">{task.files}</Td>
                  </tr>
                ))}
              </Table>
            </div>
            <ul className="space-y-3 sm:hidden" aria-label={t("listTitle", { year })}>
              {tasks.map((task) => (
                <li key={task.id} className="rounded-lg border border-slate-200 p-3" data-testid="task-card">
                  <Link href={`/tasks/${task.id}`} className="font-medium text-brand-800 hover:underline">
                    {task.title}
                  </Link>
                  <p className="mt-0.5 text-xs text-slate-600">{task.source}</p>
                  <p className="mt-2 text-sm text-slate-700">
                    {t("dueLine", { date: formatIsoDate(task.dueOn) })}
                    {task.files > 0 && <> · {t("filesLine", { count: task.files })}</>}
                  </p>
                  <div className="mt-2">
                    <TaskBadges task={task} today={today} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      <QuartersPanel register={register} />

      {register.canKeep && (
        <Card title={t("declareTitle")} headingId="declare-task">
          <p className="mb-4 text-sm text-slate-600">{t("declareHelp")}</p>
          <DeclareTaskForm subject={subject} assignedOn={today.startsWith(String(year)) ? today : `${year}-01-01`} />
        </Card>
      )}
    </div>
  );
}
