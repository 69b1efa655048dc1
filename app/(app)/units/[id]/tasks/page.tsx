import { getTranslations } from "next-intl/server";
import { SubpageHeader } from "@/components/layout/subpage-header";
import { RegisterView, parseTaskFilter, parseYear } from "@/components/tasks/register-view";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getTaskRegister } from "@/lib/data/tasks";
import { reviewYearOn } from "@/lib/review/calendar";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An organization's register of a year: its program and plan, for its keepers, its confirmers and the committees above. */
export default async function UnitTasksPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const year = parseYear(query.year, reviewYearOn(new Date()));
  const [t, register] = await Promise.all([
    getTranslations("tasks.register"),
    orNotFound(getTaskRegister(actor, { kind: "ORGANIZATION", organizationId: id }, year)),
  ]);
  return (
    <>
      <SubpageHeader
        back={{ href: `/units/${id}`, label: `← ${register.subject.name}` }}
        title={t("unitTitle", { name: register.subject.name })}
        description={t("unitDescription", { year })}
      />
      <RegisterView register={register} href={`/units/${id}/tasks`} show={parseTaskFilter(query.show)} />
    </>
  );
}
