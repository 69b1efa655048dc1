import { isGradeAtLeast } from "../levels";
import type { Criterion } from "../types";
import { capAt, forceNotCompleted, type SubjectRule } from "./rule";

const CAPPED_AT_GOOD = capAt("CRITERIA", "GOOD");
const CAPPED_AT_COMPLETED = capAt("CRITERIA", "COMPLETED");
const POOR_CRITERION = forceNotCompleted("POOR_CRITERION");

/**
 * The ladder of criteria patterns, for members and organizations alike; no criteria, no cap.
 * A POOR criterion reports POOR_CRITERION alone, never CRITERIA as well (rating-rules §6).
 */
// rating-rules §3 rows 1–4, §4 row 1 — [21] HD 21 II.B.2.3 and 1.3, [124] Điều 12.1–12.4 ("Kém" ⇒ KHTNV)
export const criteriaPattern: SubjectRule<{ criteria?: readonly Criterion[] }> = ({ criteria }) => {
  if (!criteria || criteria.length === 0) return null;
  let meetsExcellent = true;
  let meetsGood = true;
  for (const { taskResult, grade } of criteria) {
    if (grade === "POOR") return POOR_CRITERION;
    // EXCELLENT: every task-result criterion EXCELLENT, every other GOOD or better.
    if (!isGradeAtLeast(grade, taskResult ? "EXCELLENT" : "GOOD")) meetsExcellent = false;
    // GOOD: every task-result criterion GOOD or better, every other AVERAGE or better.
    if (!isGradeAtLeast(grade, taskResult ? "GOOD" : "AVERAGE")) meetsGood = false;
  }
  if (meetsExcellent) return null;
  // Without a POOR grade every criterion is AVERAGE or better: the COMPLETED pattern holds.
  return meetsGood ? CAPPED_AT_GOOD : CAPPED_AT_COMPLETED;
};
