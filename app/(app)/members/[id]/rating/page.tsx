import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { MemberFactsForm } from "@/components/review/member-facts-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getMemberRatingFacts } from "@/lib/data/record-facts";
import { getRegisterFacts } from "@/lib/data/task-yearend";
import { FORM_OF_FRAMEWORK } from "@/lib/grading/score-sheet";
import { toIsoDate } from "@/lib/i18n/format";

export default async function MemberRatingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, data] = await Promise.all([getTranslations(), orNotFound(getMemberRatingFacts(actor, id))]);
  const back = { href: `/members/${id}`, label: t("facts.backToMember") };
  if (!data) {
    return (
      <>
        <SubpageHeader back={back} title={t("facts.title")} />
        <EmptyState>{t("facts.noReview")}</EmptyState>
      </>
    );
  }
  const { cycle, record, sheet, standing, facts, canEdit, ownRecord } = data;
  // Under a cycle that counts the tasks from the register, the four numbers come from it (a light read).
  const register = await getRegisterFacts(actor, { memberId: id }, cycle);
  return (
    <>
      <SubpageHeader
        back={back}
        title={t("facts.titleYear", { year: cycle.year })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{data.memberName}</span>
            <Badge tone="brand">{t("facts.form", { form: FORM_OF_FRAMEWORK[sheet.framework] })}</Badge>
            <Badge>{t(`recordStates.${record.state}`)}</Badge>
          </span>
        }
      />
      {!canEdit && (
        <p className="mb-4 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {ownRecord ? t("facts.ownRecord") : t("facts.readOnly")}
        </p>
      )}
      <Card>
        <MemberFactsForm
          initial={{ recordId: record.id, expectedVersion: record.version, ...facts }}
          sheet={sheet.content}
          standing={standing}
          ratingDate={toIsoDate(cycle.ratingDate)}
          peerGroup={record.peerGroup}
          readOnly={!canEdit}
          register={register}
        />
      </Card>
    </>
  );
}
