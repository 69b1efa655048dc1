import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { HistoryPage } from "@/lib/data/history";
import { describeAuditEntry, type HistoryLine } from "@/lib/review/history";
import { formatDateTime } from "@/lib/i18n/format";

/**
 * The audit trail of one entity, newest first: who, when, and what changed, in sentences
 * (lib/review/history.ts). Reusable: a record's page passes listRecordHistory, the meeting's minutes
 * their own page of readHistory, with a title of their own and the link of each page.
 */
export async function HistoryPanel({
  history,
  pageHref,
  title,
  id = "history",
}: {
  history: HistoryPage;
  pageHref: (page: number) => string;
  title?: string;
  id?: string;
}) {
  const t = await getTranslations();
  const line = (l: HistoryLine) => {
    const refs = Object.fromEntries(Object.entries(l.refs ?? {}).map(([name, key]) => [name, t.has(key) ? t(key) : key]));
    return t(`cell.history.${l.key}`, { ...l.values, ...refs });
  };
  const from = (history.page - 1) * history.pageSize + 1;
  const to = from + history.entries.length - 1;
  return (
    <div id={id} className="scroll-mt-4">
      <Card title={title ?? t("cell.history.title")} headingId={`${id}-title`}>
        <p className="mb-3 text-sm text-slate-700" data-testid="history-count">
          {t("cell.history.count", { total: history.total })}
          {history.pageCount > 1 && <> {t("cell.history.shown", { from, to, total: history.total })}</>}
        </p>
        {history.entries.length > 0 && (
          <ol className="space-y-3" aria-labelledby={`${id}-title`}>
            {history.entries.map((entry) => {
              const described = describeAuditEntry(entry.action, entry.data);
              return (
                <li key={entry.id} className="border-l-2 border-brand-100 pl-3" data-action={entry.action}>
                  <p className="text-sm font-medium text-slate-900">{line(described.summary)}</p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · {entry.actorName ?? t("cell.history.system")}
                  </p>
                  {described.details.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
                      {described.details.map((d, i) => (
                        <li key={i} className="break-words">
                          {line(d)}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        <Pagination page={history.page} pageCount={history.pageCount} href={pageHref} />
      </Card>
    </div>
  );
}
