import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { DownloadLink } from "@/components/reports/report-frame";
import { reportHref } from "@/components/reports/report-href";
import { DecisionDesk } from "@/components/review/decision-desk";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getDecisionDesk } from "@/lib/data/decisions";
import { listNotRatedProposals } from "@/lib/data/not-rated";
import { NotRatedProposals } from "@/components/review/not-rated-proposals";

/** The grassroots committee's decision desk: every member's level across its cells, under the 20 % rule. */
export default async function DecisionsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, desk, notRatedProposals] = await Promise.all([
    getTranslations(),
    orNotFound(getDecisionDesk(actor, id)),
    orNotFound(listNotRatedProposals(actor, id)),
  ]);
  if (!desk) return <EmptyState>{t("home.noCycle")}</EmptyState>;
  return (
    <>
      <SubpageHeader
        back={{ href: `/units/${desk.organization.id}`, label: desk.organization.name }}
        title={t("decide.title", { year: desk.cycle.year })}
        description={t("decide.description")}
        actions={
          <span className="flex flex-wrap gap-2">
            <ButtonLink href={`/units/${desk.organization.id}/organizations`}>{t("decide.unitsLink")}</ButtonLink>
            {/* The list of decided levels as the committee signs it (the reports' document, PDF to print, Word to edit). */}
            <DownloadLink
              href={reportHref("/reports/documents/member-levels", { unit: desk.organization.id, year: desk.cycle.year, format: "pdf" })}
              testId="desk-levels-pdf"
            >
              {t("decide.levelsDocument")}
            </DownloadLink>
            <DownloadLink
              href={reportHref("/reports/documents/member-levels", { unit: desk.organization.id, year: desk.cycle.year, format: "docx" })}
              testId="desk-levels-docx"
            >
              {t("decide.levelsDocumentWord")}
            </DownloadLink>
          </span>
        }
      />
      <NotRatedProposals proposals={notRatedProposals} />
      <DecisionDesk organizationId={desk.organization.id} cycle={desk.cycle} groups={desk.groups} cells={desk.cells} records={desk.records} />
    </>
  );
}
