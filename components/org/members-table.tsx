import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import type { MemberRow } from "@/lib/data/members";
import type { MemberTaskCounts } from "@/lib/data/task-reminders";
import { formatDate } from "@/lib/i18n/format";
import type { MemberListQuery } from "@/lib/schemas/members";

type Props = {
  unitId: string;
  query: MemberListQuery;
  result: { rows: MemberRow[]; total: number; page: number; pageCount: number };
  showCell: boolean;
  /** Each member's tasks overdue and due within a week (members with neither are absent). */
  dueTasks?: Map<string, MemberTaskCounts>;
};

/** A member's overdue and due-soon tasks as badges, or nothing. */
function dueTaskBadges(counts: MemberTaskCounts | undefined, t: Awaited<ReturnType<typeof getTranslations<"tasks.home">>>) {
  if (!counts) return null;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="member-due-tasks">
      {counts.overdue > 0 && <Badge tone="red">{t("cellOverdue", { count: counts.overdue })}</Badge>}
      {counts.dueSoon > 0 && <Badge tone="amber">{t("cellDueSoon", { count: counts.dueSoon })}</Badge>}
    </span>
  );
}

export async function MembersTable({ unitId, query, result, showCell, dueTasks }: Props) {
  const [t, tTasks] = await Promise.all([getTranslations(), getTranslations("tasks.home")]);
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    params.set("page", String(page));
    return `/units/${unitId}?${params}`;
  };
  const head = [
    t("units.name"),
    t("units.cardNumber"),
    t("units.birthDate"),
    t("units.admittedOn"),
    t("units.post"),
    ...(showCell ? [t("units.cell")] : []),
    t("units.status"),
    ...(dueTasks ? [t("tasks.home.cellColumn")] : []),
  ];
  return (
    <>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t("common.total", { count: result.total })}
      </p>
      {/* On a phone, a list of cards; from a tablet up, the table. */}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden">
        {result.rows.map((m) => (
          <li key={m.id} className="px-3 py-2.5">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/members/${m.id}`} className="font-medium text-brand-800 hover:underline">
                {m.fullName}
              </Link>
              {!m.officialOn && <Badge tone="amber">{t("units.probationary")}</Badge>}
              {m.status !== "ACTIVE" && <Badge>{t(`memberStatus.${m.status}`)}</Badge>}
              {dueTaskBadges(dueTasks?.get(m.id), tTasks)}
            </div>
            <p className="mt-0.5 text-xs text-slate-600">
              {[m.post, showCell ? m.cell.name : null, `${t("units.birthDate")} ${formatDate(m.birthDate)}`].filter(Boolean).join(" · ")}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table caption={t("units.members")} head={head}>
          {result.rows.map((m) => (
            <tr key={m.id} className="hover:bg-slate-50">
              <Td>
                <Link href={`/members/${m.id}`} className="font-medium text-brand-800 hover:underline">
                  {m.fullName}
                </Link>
                {!m.officialOn && (
                  <span className="ml-2">
                    <Badge tone="amber">{t("units.probationary")}</Badge>
                  </span>
                )}
              </Td>
              <Td className="tabular-nums">{m.cardNumber}</Td>
              <Td className="tabular-nums">{formatDate(m.birthDate)}</Td>
              <Td className="tabular-nums">{formatDate(m.admittedOn)}</Td>
              <Td>{m.post ?? ""}</Td>
              {showCell && <Td>{m.cell.name}</Td>}
              <Td>
                <Badge tone={m.status === "ACTIVE" ? "green" : "neutral"}>{t(`memberStatus.${m.status}`)}</Badge>
              </Td>
              {dueTasks && <Td>{dueTaskBadges(dueTasks.get(m.id), tTasks)}</Td>}
            </tr>
          ))}
        </Table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} href={href} />
    </>
  );
}
