import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Level } from "@/lib/grading";

/** The tones the levels wear wherever a level shows (results, decisions, the cell's list). */
export const LEVEL_TONE = { EXCELLENT: "green", GOOD: "blue", COMPLETED: "amber", NOT_COMPLETED: "red" } as const;

/**
 * A level by its full Vietnamese name, in the level's colour: nobody has to decode "HTTNV". Not async,
 * so the same badge serves server pages and the desks in the browser.
 */
export function LevelBadge({ level }: { level: Level }) {
  const t = useTranslations("grading");
  return <Badge tone={LEVEL_TONE[level]}>{t(`levels.${level}`)}</Badge>;
}
