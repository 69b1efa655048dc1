import { describe, expect, it } from "vitest";
import { reviewYearOn, vietnamDay } from "@/lib/review/calendar";

describe("the review year under way", () => {
  it.each([
    ["2026-12-01T10:00:00Z", 2026],
    ["2026-12-31T16:59:59Z", 2026], // 23:59:59 on 31/12 in Vietnam
    ["2026-12-31T17:00:00Z", 2026], // 00:00 on 01/01/2027 in Vietnam: results still go up in January
    ["2027-01-31T16:59:59Z", 2026],
    ["2027-01-31T17:00:00Z", 2027], // 01/02/2027 in Vietnam
    ["2026-06-15T00:00:00Z", 2026],
  ])("%s → %i", (instant, year) => {
    expect(reviewYearOn(new Date(instant))).toBe(year);
  });

  it("counts the day in Vietnam, seven hours ahead of UTC", () => {
    expect(vietnamDay(new Date("2026-11-30T17:30:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});
