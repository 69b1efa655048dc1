import type { CriterionGrade, Level } from "./types";

// Ranks make "at least" and "at most" plain integer comparisons; higher is better.
export const LEVEL_RANK: Record<Level, number> = { EXCELLENT: 4, GOOD: 3, COMPLETED: 2, NOT_COMPLETED: 1 };
/** The level of each rank: LEVEL_OF_RANK[LEVEL_RANK[level]] === level. */
export const LEVEL_OF_RANK: readonly Level[] = ["NOT_COMPLETED", "NOT_COMPLETED", "COMPLETED", "GOOD", "EXCELLENT"];
const GRADE_RANK: Record<CriterionGrade, number> = { EXCELLENT: 4, GOOD: 3, AVERAGE: 2, POOR: 1 };

export function isAtLeast(level: Level, floor: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[floor];
}

export function isGradeAtLeast(grade: CriterionGrade, floor: CriterionGrade): boolean {
  return GRADE_RANK[grade] >= GRADE_RANK[floor];
}
