import { parseIsoDateOrThrow } from "../dates";
import type { Discipline } from "../types";

/** A discipline decided in the review year and not already used to rate an earlier year ([21] counts once). */
export function countsThisYear(discipline: Discipline, reviewYear: number): boolean {
  return parseIsoDateOrThrow(discipline.decidedOn).year === reviewYear && discipline.countedInEarlierYear !== true;
}

/**
 * The disciplines that count this year: none; all self-detected and remedied (which [366] leaves to the
 * competent body); or at least one that was not.
 */
export function disciplinesOfYear(disciplines: readonly Discipline[] | undefined, reviewYear: number): "NONE" | "ALL_SELF_REMEDIED" | "NOT_REMEDIED" {
  if (disciplines === undefined) return "NONE";
  let counted = false;
  for (const discipline of disciplines) {
    if (!countsThisYear(discipline, reviewYear)) continue;
    if (discipline.selfDetectedAndRemedied !== true) return "NOT_REMEDIED";
    counted = true;
  }
  return counted ? "ALL_SELF_REMEDIED" : "NONE";
}
