import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RegisterView, parseTaskFilter, parseYear } from "@/components/tasks/register-view";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { countResultsToConfirm, getTaskRegister } from "@/lib/data/tasks";
import { ButtonLink } from "@/components/ui/button";
import { reviewYearOn } from "@/lib/review/calendar";
import { subtreeRoots } from "@/lib/review/permissions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The signed-in member's own register; an account with no member record is told where registers are. */
export default async function MyTasksPage({ searchParams }: Props) {
  const actor = await requireActor();
  const query = await searchParams;
  const t = await getTranslations("tasks.register");
  const year = parseYear(query.year, reviewYearOn(new Date()));
  if (!actor.memberId) {
    const confirms = subtreeRoots(actor, "task:confirm").length > 0;
    return (
      <>
        <PageHeader title={t("myTitle")} />
        <EmptyState>
          {t(confirms ? "noMemberConfirmer" : "noMember")}{" "}
          <Link href="/units" className="text-brand-800 underline hover:text-brand-900">
            {t("goToUnits")}
          </Link>
        </EmptyState>
      </>
    );
  }
  const [register, waiting] = await Promise.all([
    orNotFound(getTaskRegister(actor, { kind: "MEMBER", memberId: actor.memberId }, year)),
    countResultsToConfirm(actor),
  ]);
  return (
    <>
      <PageHeader
        title={t("myTitle")}
        description={t("description", { name: register.subject.name, year })}
        actions={waiting > 0 && <ButtonLink href="/tasks/confirm">{t("toConfirm", { count: waiting })}</ButtonLink>}
      />
      <RegisterView register={register} href="/tasks" show={parseTaskFilter(query.show)} />
    </>
  );
}
