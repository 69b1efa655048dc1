import type { Score } from "../types";
import { capAt, forceNotCompleted, missingFact, type SubjectRule } from "./rule";

// The 100-point score of [366] (rating-rules §7.3), compared in tenths of a point as whole numbers. Decimal
// fractions are inexact in binary floating point (0.1 + 0.2 is 0.30000000000000004), so no band edge is
// ever compared on a float sum: 29.9 + 60 is 899 tenths, below the 900 of "90 points", by construction.

/** How far from whole tenths a part may be and still have one decimal place: 64.9 × 10 is 649.0000000000001. */
const TENTHS_TOLERANCE = 1e-9;

/** One score part in tenths of a point: 64.9 → 649. The schema admits parts with one decimal place at most. */
export function toTenths(points: number): number {
  return Math.round(points * 10);
}

/** True when `points` has at most one decimal place. */
export function hasAtMostOneDecimal(points: number): boolean {
  return Math.abs(points * 10 - Math.round(points * 10)) < TENTHS_TOLERANCE;
}

/** The total score in tenths of a point, a whole number: 29.9 + 60 → 899, under the 900 of "90 points". */
export function scoreTenths(score: Score): number {
  return toTenths(score.general) + toTenths(score.results);
}

const EXCELLENT_FROM = 900;
const GOOD_FROM = 700;
const COMPLETED_FROM = 500;

const SCORE_MISSING = missingFact("SCORE_MISSING");
const SCORE_UNDER_90 = capAt("SCORE_UNDER_90", "GOOD");
const SCORE_UNDER_70 = capAt("SCORE_UNDER_70", "COMPLETED");
const SCORE_UNDER_50 = forceNotCompleted("SCORE_UNDER_50");

// rating-rules §7.3 — 366 Điều 11 khoản 1–4: from 90 HTXSNV, 70 to under 90 HTTNV, 50 to under 70 HTNV, under 50 KHTNV
export const scoreBand: SubjectRule<{ score?: Score }> = ({ score }) => {
  // No level can be decided without the score, which caps nothing until it is given.
  if (score === undefined) return SCORE_MISSING;
  const tenths = scoreTenths(score);
  if (tenths >= EXCELLENT_FROM) return null;
  if (tenths >= GOOD_FROM) return SCORE_UNDER_90;
  return tenths >= COMPLETED_FROM ? SCORE_UNDER_70 : SCORE_UNDER_50;
};
