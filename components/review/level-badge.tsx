import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Level } from "@/lib/grading";

/** The tones the levels wear wherever a level shows (results, decisions, the cell's list). */
export const LEVEL_TONE = { EXCELLENT: "green", GOOD: "blue", COMPLETED: "amber", NOT_COMPLETED: "red" } as const;

/** A level by its full Vietnamese name, in the level's colour: nobody has to decode "HTTNV". */
export async function LevelBadge({ level }: { level: Level }) {
  const t = await getTranslations("grading");
  return <Badge tone={LEVEL_TONE[level]}>{t(`levels.${level}`)}</Badge>;
}
