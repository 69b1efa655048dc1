import { getTranslations } from "next-intl/server";
import { CycleDeadlinesForm } from "@/components/org/cycle-deadlines-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getCycleForEdit } from "@/lib/data/cycles";
import { toIsoDate } from "@/lib/i18n/format";

export default async function CycleDeadlinesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, cycle] = await Promise.all([getTranslations("cycle"), orNotFound(getCycleForEdit(actor, id))]);
  return (
    <>
      <PageHeader title={t("deadlinesTitle", { year: cycle.year })} />
      <Card className="max-w-xl">
        <CycleDeadlinesForm
          initial={{
            cycleId: cycle.id,
            expectedVersion: cycle.version,
            selfReviewDue: toIsoDate(cycle.selfReviewDue),
            meetingsDue: toIsoDate(cycle.meetingsDue),
            grassrootsDue: toIsoDate(cycle.grassrootsDue),
            upperDecisionDue: toIsoDate(cycle.upperDecisionDue),
          }}
        />
      </Card>
    </>
  );
}
