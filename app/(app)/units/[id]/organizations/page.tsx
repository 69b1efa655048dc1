import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { UnitDesk } from "@/components/review/unit-desk";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getOrgAncestry } from "@/lib/data/scope";
import { getUnitDesk } from "@/lib/data/unit-ratings";

/** Units' ratings: a committee's self-rating and its cells; the upper board's and standing committee's desk. */
export default async function OrganizationsDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, desk] = await Promise.all([getTranslations(), orNotFound(getUnitDesk(actor, id))]);
  if (!desk) return <EmptyState>{t("home.noCycle")}</EmptyState>;
  const canPublish = can(actor, "rating:approve", { organizationAncestry: await getOrgAncestry(id) });
  return (
    <>
      <nav aria-label={t("units.breadcrumb")} className="mb-2 text-sm">
        <Link href={`/units/${desk.organization.id}`} className="text-brand-700 underline hover:text-brand-800">
          {desk.organization.name}
        </Link>
      </nav>
      <PageHeader title={t("decideOrgs.title", { year: desk.cycle.year })} description={t("decideOrgs.description")} />
      <UnitDesk organizationId={desk.organization.id} cycle={desk.cycle} groups={desk.groups} units={desk.units} canPublish={canPublish} sheet={desk.sheet} />
    </>
  );
}
