import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { UnitCounts } from "@/lib/data/organizations";

export async function UnitCountBadges({ counts }: { counts: UnitCounts }) {
  const t = await getTranslations("units");
  return (
    <span className="flex flex-wrap gap-1">
      <Badge>{t("membersCount", { count: counts.members })}</Badge>
      {counts.probationary > 0 && <Badge tone="amber">{t("probationaryCount", { count: counts.probationary })}</Badge>}
      {counts.subUnits > 0 && <Badge tone="blue">{t("subUnitsCount", { count: counts.subUnits })}</Badge>}
    </span>
  );
}
