import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { RegisterView, parseTaskFilter, parseYear } from "@/components/tasks/register-view";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getTaskRegister } from "@/lib/data/tasks";
import { reviewYearOn } from "@/lib/review/calendar";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A member's register of a year, for whoever reads the member. */
export default async function MemberTasksPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const year = parseYear(query.year, reviewYearOn(new Date()));
  const [t, register] = await Promise.all([getTranslations("tasks.register"), orNotFound(getTaskRegister(actor, { kind: "MEMBER", memberId: id }, year))]);
  return (
    <>
      <SubpageHeader
        back={{ href: `/members/${id}`, label: `← ${register.subject.name}` }}
        title={t("memberTitle", { name: register.subject.name })}
        description={t("description", { name: register.subject.name, year })}
      />
      <RegisterView register={register} href={`/members/${id}/tasks`} show={parseTaskFilter(query.show)} />
    </>
  );
}
