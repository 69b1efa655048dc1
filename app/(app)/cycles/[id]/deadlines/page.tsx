import { getTranslations } from "next-intl/server";
import { CycleDeadlinesForm } from "@/components/org/cycle-deadlines-form";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getCycleForEdit } from "@/lib/data/cycles";
import { formatDate, toIsoDate } from "@/lib/i18n/format";
import { DEADLINE_FIELDS } from "@/lib/review/cycle-deadlines";

export default async function CycleDeadlinesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, cycle] = await Promise.all([getTranslations(), orNotFound(getCycleForEdit(actor, id))]);
  return (
    <>
      <PageHeader title={t("cycle.deadlinesTitle", { year: cycle.year })} />
      <Card className="max-w-xl">
        <p className="mb-4 text-sm text-slate-700">{t("cycle.calendarNote", { year: cycle.year, dossierYear: cycle.year + 1 })}</p>
        {cycle.deadlinesEditable ? (
          <CycleDeadlinesForm
            initial={{
              cycleId: cycle.id,
              expectedVersion: cycle.version,
              selfReviewDue: toIsoDate(cycle.selfReviewDue),
              meetingsDue: toIsoDate(cycle.meetingsDue),
              grassrootsDue: toIsoDate(cycle.grassrootsDue),
              upperDecisionDue: toIsoDate(cycle.upperDecisionDue),
              adoptionBase: cycle.adoptionBase,
            }}
          />
        ) : (
          // A published or closed year keeps the plan it was run under: shown, not offered for editing.
          <div className="space-y-4">
            <p className="text-sm text-slate-700" data-testid="deadlines-frozen">
              {t("security.cycle.deadlinesFrozen")}
            </p>
            <DescriptionList
              items={[
                ...DEADLINE_FIELDS.map((key) => ({ label: t(`cycle.${key}`), value: formatDate(cycle[key]) })),
                { label: t("cycle.adoptionBase"), value: t(`cycle.adoptionBases.${cycle.adoptionBase}`) },
              ]}
            />
          </div>
        )}
      </Card>
    </>
  );
}
