import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { ConfirmList, type ResultRow } from "@/components/tasks/confirm-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/session";
import { listResultsToConfirm } from "@/lib/data/tasks";
import { formatDateTime } from "@/lib/i18n/format";

/** A product's text as the list shows it: its first lines, the whole on the task's page. */
const EXCERPT = 240;
const excerpt = (text: string | null) => (text && text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : (text ?? ""));

/** The results waiting for the signed-in confirmer: confirm several at once, or send one back with a reason. */
export default async function ConfirmTasksPage() {
  const actor = await requireActor();
  const [t, { tasks, more }] = await Promise.all([getTranslations("tasks.confirmList"), listResultsToConfirm(actor)]);
  const rows: ResultRow[] = tasks.map((task) => ({
    id: task.id,
    version: task.version,
    title: task.title,
    subjectName: task.subjectName,
    subjectKind: task.subjectKind,
    unitName: task.unitName,
    dueOn: task.dueOn,
    outcome: task.outcome,
    doneOn: task.doneOn,
    product: excerpt(task.product),
    productLink: task.productLink,
    files: task.files,
    exceeded: task.exceeded,
    exceededGrounds: task.exceededGrounds,
    notDoneReason: task.notDoneReason,
    forceMajeure: task.forceMajeure,
    reportedAt: task.reportedAt ? formatDateTime(task.reportedAt) : null,
  }));
  return (
    <>
      <SubpageHeader back={{ href: "/", label: t("back") }} title={t("title")} description={t("description")} />
      {more && (
        <p className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="confirm-more">
          {t("more")}
        </p>
      )}
      {rows.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : <ConfirmList rows={rows} />}
    </>
  );
}
