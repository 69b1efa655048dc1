import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { YearTaskList } from "@/lib/data/task-yearend";
import { formatIsoDate } from "@/lib/i18n/format";
import { taskAppendixHref, taskRegisterHref } from "@/lib/review/tasks";

/**
 * The year's tasks beside a self-review (2A/2B/2C) or a collective's report (Mẫu 01), when the cycle
 * counts the task facts from the register: title, due date, done on, product, on time or late, exceeded,
 * the four counts in one sentence, and the links to the register and to the printable appendix.
 */
export async function YearTaskListCard({ list, className = "" }: { list: YearTaskList; className?: string }) {
  const t = await getTranslations("tasks.yearEnd");
  const { counts, year, subject } = list;
  const progress = (task: YearTaskList["tasks"][number]) => {
    if (task.status !== "CONFIRMED")
      return <Badge tone={task.status === "OPEN" ? "neutral" : "blue"}>{task.status === "OPEN" ? t("list.pending") : t("list.unconfirmed")}</Badge>;
    if (task.outcome !== "DONE" || !task.doneOn) return <Badge tone="red">{t("list.notDone")}</Badge>;
    return task.doneOn <= task.dueOn ? <Badge tone="green">{t("list.onTime")}</Badge> : <Badge tone="amber">{t("list.late")}</Badge>;
  };
  return (
    <Card
      title={t("list.title", { year })}
      headingId="year-tasks-title"
      className={className}
      actions={
        <span className="flex flex-wrap gap-2">
          <ButtonLink href={taskAppendixHref(subject, year)}>{t("list.appendix")}</ButtonLink>
          <ButtonLink prefetch={false} href={taskRegisterHref(subject, year)}>
            {t("list.register")}
          </ButtonLink>
        </span>
      }
    >
      <div className="space-y-3" data-testid="year-task-list">
        <p className="text-sm text-slate-800">
          {t("facts.counted", {
            assigned: counts.assigned,
            year,
            completed: counts.completed,
            onTime: counts.onTime,
            exceeded: counts.exceeded,
            unconfirmed: counts.tasks.unconfirmed.length,
          })}
        </p>
        {list.tasks.length === 0 ? (
          <p className="text-sm text-slate-700">{t("list.empty", { year })}</p>
        ) : (
          <Table
            caption={t("list.caption", { year })}
            head={[t("list.task"), t("list.due"), t("list.doneOn"), t("list.product"), t("list.progress"), t("list.exceeded")]}
          >
            {list.tasks.map((task) => (
              <tr key={task.id}>
                <Td>
                  <Link prefetch={false} href={`/tasks/${task.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                    {task.title}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{formatIsoDate(task.dueOn)}</Td>
                <Td className="whitespace-nowrap tabular-nums">{task.doneOn ? formatIsoDate(task.doneOn) : "—"}</Td>
                <Td>
                  {task.product || task.files.length > 0 ? (
                    <span className="block max-w-xs">
                      {task.product}
                      {task.files.length > 0 && <span className="block text-xs text-slate-600">{task.files.join(", ")}</span>}
                    </span>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>{progress(task)}</Td>
                <Td>{task.status === "CONFIRMED" && task.exceeded ? t("list.yes") : t("list.no")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Card>
  );
}
