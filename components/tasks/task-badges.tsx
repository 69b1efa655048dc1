import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { dueSoonOrOverdue, isConfirmedDone, isOnTime, type CountedTask } from "@/lib/review/tasks";

const STATUS_TONE: Record<CountedTask["status"], Tone> = { OPEN: "neutral", REPORTED: "blue", RETURNED: "amber", CONFIRMED: "green" };

/**
 * Where a task stands, as badges: its state, then what the person reads next — done on time or late and
 * exceeded (a confirmed result), not done, or due soon / overdue (no result yet).
 */
export async function TaskBadges({ task, today }: { task: CountedTask; today: string }) {
  const t = await getTranslations("tasks.task");
  const timing = dueSoonOrOverdue(task, today);
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONE[task.status]}>{t(`status.${task.status}`)}</Badge>
      {isConfirmedDone(task) && <Badge tone={isOnTime(task) ? "green" : "amber"}>{t(isOnTime(task) ? "onTime" : "late")}</Badge>}
      {task.status === "CONFIRMED" && task.outcome === "NOT_DONE" && <Badge tone="red">{t("notDone")}</Badge>}
      {isConfirmedDone(task) && task.exceeded && <Badge tone="brand">{t("exceeded")}</Badge>}
      {timing && <Badge tone={timing === "overdue" ? "red" : "amber"}>{t(timing)}</Badge>}
    </span>
  );
}
