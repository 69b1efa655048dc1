import { getTranslations } from "next-intl/server";
import { ReminderNotice } from "@/components/home/reminder-notice";
import { RoleHomeCard } from "@/components/home/role-home-card";
import { HomeTaskCards } from "@/components/tasks/home-task-cards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { scopeOf } from "@/lib/review/permissions";
import { requireActor } from "@/lib/auth/session";
import { getHome } from "@/lib/data/home";
import { listMyReminders } from "@/lib/data/reminders";
import { listMyDueTasks } from "@/lib/data/task-reminders";
import { countResultsToConfirm } from "@/lib/data/tasks";
import { formatDate, todayInVietnam } from "@/lib/i18n/format";

export default async function HomePage() {
  const actor = await requireActor();
  const today = todayInVietnam();
  const [t, cards, reminders, dueTasks, toConfirm] = await Promise.all([
    getTranslations("home"),
    getHome(actor),
    listMyReminders(actor),
    listMyDueTasks(actor, today),
    countResultsToConfirm(actor),
  ]);
  return (
    <>
      <PageHeader title={t("greeting", { name: actor.displayName })} description={t("title")} />
      {reminders.map((r) => (
        <ReminderNotice
          key={r.id}
          reminder={{ id: r.id, recordId: r.recordId, sentBy: r.sentBy, year: r.year, sentOn: formatDate(r.sentOn), due: formatDate(r.due) }}
        />
      ))}
      <HomeTaskCards due={dueTasks} toConfirm={toConfirm} today={today} />
      {cards.length === 0 ? (
        <EmptyState>{t("noCycle")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {cards.map((card) => (
            <RoleHomeCard key={`${card.role}-${card.unit.id}`} card={card} canManageCycle={scopeOf(card.role, "cycle:manage") !== undefined} today={today} />
          ))}
        </div>
      )}
    </>
  );
}
