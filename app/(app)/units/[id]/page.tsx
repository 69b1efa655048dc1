import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MemberSearchForm } from "@/components/org/member-search-form";
import { MembersTable } from "@/components/org/members-table";
import { UnitCountBadges } from "@/components/org/unit-count-badges";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DetailsCard } from "@/components/layout/details-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { listUnitMembers } from "@/lib/data/members";
import { getUnitPage } from "@/lib/data/organizations";
import { countMembersDueTasks } from "@/lib/data/task-reminders";
import { formatDate } from "@/lib/i18n/format";
import { NotFoundError, subtreeRoots } from "@/lib/review/permissions";
import { MemberListQuerySchema } from "@/lib/schemas/members";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UnitPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const query = MemberListQuerySchema.parse(await searchParams);
  // A search counts its own matches, so it need not wait for the unit's counts: it runs beside them
  // (answering nothing to whoever may not list the unit's members, as the unit's page then shows none).
  const [t, page, searched] = await Promise.all([
    getTranslations(),
    orNotFound(getUnitPage(actor, id)),
    query.q ? listUnitMembers(actor, id, query).catch((error) => (error instanceof NotFoundError ? null : Promise.reject(error))) : null,
  ]);
  const members = page.canListMembers ? (searched ?? (await listUnitMembers(actor, id, query, page.unit.counts.members))) : null;
  // Each listed member's tasks overdue or due within a week (the task register), in one grouped query.
  const dueTasks = members
    ? await countMembersDueTasks(
        actor,
        id,
        members.rows.map((m) => m.id),
      )
    : undefined;
  const { unit, breadcrumbs, children } = page;

  return (
    <>
      {breadcrumbs.length > 0 && (
        <nav aria-label={t("units.breadcrumb")} className="mb-2 text-sm text-slate-600">
          <ol className="flex flex-wrap gap-1">
            {breadcrumbs.map((b) => (
              <li key={b.id} className="after:ml-1 after:content-['›']">
                <Link href={`/units/${b.id}`} className="hover:underline">
                  {b.name}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <PageHeader
        title={unit.name}
        description={<UnitCountBadges counts={unit.counts} />}
        actions={
          <div className="flex flex-wrap gap-2">
            {page.canReadTasks && <ButtonLink href={`/units/${unit.id}/tasks`}>{t("tasks.register.openRegister")}</ButtonLink>}
            {subtreeRoots(actor, "task:keep").includes(unit.id) && <ButtonLink href="/tasks/import">{t("tasks.import.link")}</ButtonLink>}
          </div>
        }
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <DetailsCard
          title={t("units.details")}
          className="lg:col-span-1"
          items={[
            { label: t("units.code"), value: unit.code },
            { label: t("units.kind"), value: t(`orgKinds.${unit.kind}`) },
            { label: t("units.sector"), value: t(`sectors.${unit.sector}`) },
            { label: t("units.establishedOn"), value: formatDate(unit.establishedOn) },
          ]}
        />

        {children.length > 0 && (
          <Card title={t("units.subUnits")} className="lg:col-span-2">
            <ul className="divide-y divide-slate-100">
              {children.map((child) => (
                <li key={child.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link href={`/units/${child.id}`} className="font-medium text-brand-800 hover:underline">
                      {child.name}
                    </Link>
                    <span className="ml-2 text-xs text-slate-500">{t(`orgKinds.${child.kind}`)}</span>
                  </span>
                  <UnitCountBadges counts={child.counts} />
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>

      {members && (
        <Card title={t("units.members")} className="mt-4">
          <MemberSearchForm query={query} />
          {members.total === 0 ? (
            <EmptyState>{query.q || query.status ? t("common.noResults") : t("units.noMembers")}</EmptyState>
          ) : (
            <MembersTable unitId={unit.id} query={query} result={members} showCell={unit.counts.subUnits > 0} dueTasks={dueTasks} />
          )}
        </Card>
      )}
    </>
  );
}
