import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { UnitCounts } from "@/lib/data/organizations";

type Translate = (key: "membersCount" | "probationaryCount" | "subUnitsCount", values: { count: number }) => string;

/** The badges themselves, for a list that renders hundreds of units with one translator (the tree). */
export function countBadges(counts: UnitCounts, t: Translate) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge>{t("membersCount", { count: counts.members })}</Badge>
      {counts.probationary > 0 && <Badge tone="amber">{t("probationaryCount", { count: counts.probationary })}</Badge>}
      {counts.subUnits > 0 && <Badge tone="blue">{t("subUnitsCount", { count: counts.subUnits })}</Badge>}
    </span>
  );
}

export async function UnitCountBadges({ counts }: { counts: UnitCounts }) {
  return countBadges(counts, await getTranslations("units"));
}
