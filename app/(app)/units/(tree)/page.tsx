import { getTranslations } from "next-intl/server";
import { UnitTree } from "@/components/org/unit-tree";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { getUnitTree } from "@/lib/data/organizations";

export async function generateMetadata() {
  return { title: (await getTranslations("units"))("title") };
}

export default async function UnitsPage() {
  const actor = await requireActor();
  const [t, nodes] = await Promise.all([getTranslations("units"), getUnitTree(actor)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("treeIntro")} />
      {nodes.length ? <UnitTree nodes={nodes} /> : <EmptyState>{t("noUnits")}</EmptyState>}
    </>
  );
}
