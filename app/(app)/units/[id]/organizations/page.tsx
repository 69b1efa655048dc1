import { getTranslations } from "next-intl/server";
import { todayInVietnam } from "@/lib/i18n/format";
import Link from "next/link";
import { NoticePanel } from "@/components/layout/notice-panel";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { UnitDesk } from "@/components/review/unit-desk";
import { EmptyState } from "@/components/ui/empty-state";
import { orNotFound } from "@/lib/auth/not-found";
import { can } from "@/lib/review/permissions";
import { requireActor } from "@/lib/auth/session";
import { getOrgAncestry } from "@/lib/data/scope";
import { getUnitDesk } from "@/lib/data/unit-ratings";
import { listRerateProposals } from "@/lib/data/rerating";

/** Units' ratings: a committee's self-rating and its cells; the upper board's and standing committee's desk. */
export default async function OrganizationsDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, desk] = await Promise.all([getTranslations(), orNotFound(getUnitDesk(actor, id))]);
  if (!desk) return <EmptyState>{t("home.noCycle")}</EmptyState>;
  const ancestry = await getOrgAncestry(id);
  const canPublish = can(actor, "rating:approve", { organizationAncestry: ancestry });
  // The board's proposals to re-rate a result, for the standing committee that decides on them (366 Điều 15).
  const proposals =
    desk.organization.kind === "UPPER_COMMITTEE" && can(actor, "rating:rereview", { organizationAncestry: ancestry })
      ? await listRerateProposals(actor, id)
      : [];
  return (
    <>
      <SubpageHeader
        back={{ href: `/units/${desk.organization.id}`, label: desk.organization.name }}
        title={t("decideOrgs.title", { year: desk.cycle.year })}
        description={t("decideOrgs.description")}
      />
      {proposals.length > 0 ? (
        <NoticePanel headingId="rerate-proposals" title={t("rerate.proposals", { count: proposals.length })} testId="rerate-proposals">
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {proposals.map((p) => (
              <li key={p.proposalId}>
                {p.isMember ? (
                  <Link href={`/reviews/${p.recordId}`} className="text-brand-700 underline hover:text-brand-800">
                    {t("rerate.proposalLine", { subject: p.subject, unit: p.unit, reason: p.reason, by: p.proposedBy })}
                  </Link>
                ) : (
                  t("rerate.proposalLine", { subject: p.subject, unit: p.unit, reason: p.reason, by: p.proposedBy })
                )}
              </li>
            ))}
          </ul>
        </NoticePanel>
      ) : null}
      <UnitDesk
        organizationId={desk.organization.id}
        cycle={desk.cycle}
        groups={desk.groups}
        units={desk.units}
        canPublish={canPublish}
        sheet={desk.sheet}
        today={todayInVietnam()}
      />
    </>
  );
}
