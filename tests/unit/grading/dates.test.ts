import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasCompletedMonths, hasCompletedMonthsSince, parseIsoDate, parseIsoDateOrThrow } from "@/lib/grading/dates";

// The six months of rating-rules §2.2 are counted on the date as text in the hot path (no date objects):
// it must answer as the object version does, and refuse what that refuses, with the same error.

const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("hasCompletedMonthsSince", () => {
  it("answers as hasCompletedMonths on every date, month ends and leap days included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 2019, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 24 }),
        (year, month, day, asOfYear, asOfMonth, asOfDay, months) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const asOf = { year: asOfYear, month: asOfMonth, day: asOfDay };
          const start = parseIsoDate(text);
          if (start === null) expect(() => hasCompletedMonthsSince(text, asOf, months)).toThrow(RangeError);
          else expect(hasCompletedMonthsSince(text, asOf, months)).toBe(hasCompletedMonths(start, asOf, months));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("counts from the end of a short month as the rules do", () => {
    const asOf = parseIsoDateOrThrow("2025-02-28");
    expect(hasCompletedMonthsSince("2024-08-31", asOf, 6)).toBe(true);
    expect(hasCompletedMonthsSince("2024-09-01", asOf, 6)).toBe(false);
  });

  it.each(["2024-02-30", "2024-13-01", "24-01-01", "2024/01/01", "2024-01-1x", ""])("refuses %j as parseIsoDateOrThrow does", (text) => {
    expect(() => hasCompletedMonthsSince(text, { year: 2024, month: 12, day: 10 }, 6)).toThrow(RangeError);
    expect(() => parseIsoDateOrThrow(text)).toThrow(RangeError);
  });
});
