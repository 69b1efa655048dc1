import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import type { DueTask } from "@/lib/data/task-reminders";
import { formatIsoDate } from "@/lib/i18n/format";

/**
 * The task register on the home page: the member's own tasks due within a week or overdue, each a link to
 * its page; and for a confirmer, how many results wait for them. Nothing shows when there is nothing to do.
 */
export async function HomeTaskCards({ due, toConfirm, today }: { due: { tasks: DueTask[]; more: boolean }; toConfirm: number; today: string }) {
  if (due.tasks.length === 0 && toConfirm === 0) return null;
  const t = await getTranslations("tasks.home");
  return (
    <div className="mb-4 grid items-start gap-4 lg:grid-cols-2">
      {toConfirm > 0 && (
        <section
          aria-labelledby="home-to-confirm"
          className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm text-slate-900"
          data-testid="home-results-to-confirm"
        >
          <h2 id="home-to-confirm" className="text-base font-semibold">
            {t("toConfirmTitle")}
          </h2>
          <p className="mt-1">{t("toConfirm", { count: toConfirm })}</p>
          <p className="mt-3">
            <ButtonLink href="/tasks/confirm" variant="primary">
              {t("openConfirm")}
            </ButtonLink>
          </p>
        </section>
      )}
      {due.tasks.length > 0 && (
        <section aria-labelledby="home-due-tasks" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="home-due-tasks">
          <h2 id="home-due-tasks" className="text-base font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
          <ul className="mt-3 divide-y divide-slate-100">
            {due.tasks.map((task) => (
              <li key={task.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2">
                <span className="min-w-0">
                  <Link href={`/tasks/${task.id}`} className="font-medium break-words text-brand-800 hover:underline">
                    {task.title}
                  </Link>
                  {task.status === "RETURNED" && task.returnReason && (
                    <span className="block text-xs break-words text-slate-600">{t("returned", { reason: task.returnReason })}</span>
                  )}
                </span>
                <Badge tone={task.due === "overdue" ? "red" : "amber"}>
                  {task.due === "overdue"
                    ? t("overdue", { date: formatIsoDate(task.dueOn) })
                    : task.dueOn === today
                      ? t("dueToday")
                      : t("dueSoon", { date: formatIsoDate(task.dueOn) })}
                </Badge>
              </li>
            ))}
          </ul>
          {due.more && <p className="mt-2 text-sm text-slate-600">{t("more")}</p>}
          <p className="mt-3">
            <ButtonLink href="/tasks">{t("openRegister")}</ButtonLink>
          </p>
        </section>
      )}
    </div>
  );
}
