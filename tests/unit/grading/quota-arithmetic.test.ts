import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxExcellent, QUOTA_BASES, quotaArithmetic } from "@/lib/grading";

// The explanation of a cap on the decision desks is built from quotaArithmetic: its terms must give
// exactly the cap maxExcellent computes, and say what was rounded away.

describe("quotaArithmetic", () => {
  it("explains 25 excellent and 57 good at 20 % of those rated GOOD: 82 × 20 / 120 = 13.66…, at most 13", () => {
    expect(quotaArithmetic(25 + 57, "GOOD_ONLY", 20)).toEqual({
      pool: 82,
      ratePercent: 20,
      quotaBase: "GOOD_ONLY",
      numerator: 20,
      denominator: 120,
      exactHundredths: 1366,
      whole: false,
      moreDigits: true,
      maxExcellent: 13,
      smallestPoolForOne: 6,
    });
  });

  it("says when nothing is rounded, and a quotient with no digits past the hundredths", () => {
    expect(quotaArithmetic(60, "GOOD_ONLY", 20)).toMatchObject({ exactHundredths: 1000, whole: true, moreDigits: false, maxExcellent: 10 });
    expect(quotaArithmetic(81, "GOOD_ONLY", 20)).toMatchObject({ exactHundredths: 1350, whole: false, moreDigits: false, maxExcellent: 13 });
    expect(quotaArithmetic(82, "GOOD_AND_EXCELLENT", 20)).toMatchObject({
      numerator: 20,
      denominator: 100,
      exactHundredths: 1640,
      maxExcellent: 16,
      smallestPoolForOne: 5,
    });
    expect(quotaArithmetic(82, "GOOD_ONLY", 25)).toMatchObject({
      numerator: 25,
      denominator: 125,
      exactHundredths: 1640,
      maxExcellent: 16,
      smallestPoolForOne: 5,
    });
  });

  it("a small group's cap is 0: rounded down below the smallest pool with a slot", () => {
    expect(quotaArithmetic(5, "GOOD_ONLY", 20)).toMatchObject({ exactHundredths: 83, maxExcellent: 0, smallestPoolForOne: 6 });
  });

  it("its terms give maxExcellent for every pool, base and rate", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.constantFrom(...QUOTA_BASES), fc.integer({ min: 1, max: 100 }), (pool, base, rate) => {
        const a = quotaArithmetic(pool, base, rate);
        expect(a.maxExcellent).toBe(maxExcellent(pool, base, rate));
        expect(Math.floor((pool * a.numerator) / a.denominator)).toBe(a.maxExcellent);
        expect(Math.floor(a.exactHundredths / 100)).toBe(a.maxExcellent);
        expect(a.whole).toBe((pool * a.numerator) % a.denominator === 0);
        expect(maxExcellent(a.smallestPoolForOne, base, rate)).toBe(1);
        expect(maxExcellent(a.smallestPoolForOne - 1, base, rate)).toBe(0);
      }),
    );
  });
});
