import type { CriterionGrade, Level } from "./types";

// Ranks make "at least" and "at most" plain integer comparisons; higher is better.
const LEVEL_RANK: Record<Level, number> = { EXCELLENT: 4, GOOD: 3, COMPLETED: 2, NOT_COMPLETED: 1 };
const GRADE_RANK: Record<CriterionGrade, number> = { EXCELLENT: 4, GOOD: 3, AVERAGE: 2, POOR: 1 };

export function isAtLeast(level: Level, floor: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[floor];
}

export function lowerLevel(a: Level, b: Level): Level {
  return LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b;
}

export function isGradeAtLeast(grade: CriterionGrade, floor: CriterionGrade): boolean {
  return GRADE_RANK[grade] >= GRADE_RANK[floor];
}
