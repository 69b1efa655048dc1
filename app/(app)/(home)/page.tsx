import { getTranslations } from "next-intl/server";
import { RoleHomeCard } from "@/components/home/role-home-card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { canSomewhere } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getHome } from "@/lib/data/home";

export default async function HomePage() {
  const actor = await requireActor();
  const [t, cards] = await Promise.all([getTranslations("home"), getHome(actor)]);
  const today = new Date();
  return (
    <>
      <PageHeader title={t("greeting", { name: actor.displayName })} description={t("title")} />
      {cards.length === 0 ? (
        <EmptyState>{t("noCycle")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {cards.map((card) => (
            <RoleHomeCard key={`${card.role}-${card.unit.id}`} card={card} canManageCycle={canSomewhere(actor, "cycle:manage") && card.role !== "MEMBER"} today={today} />
          ))}
        </div>
      )}
    </>
  );
}
