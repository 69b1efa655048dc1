import { describe, expect, it } from "vitest";
import { donePercent, filterRows, sortRows, stateColumns } from "@/lib/reports/progress-view";
import { formatShare, shareOf } from "@/lib/reports/share";

const row = (name: string, code: string, sector: string, members: number, notRated: number, reviewed: number, lateTotal: number) => ({
  name,
  code,
  sector,
  members,
  byState: { NOT_RATED: notRated },
  reviewed,
  lateTotal,
});
const rows = [
  row("Đảng bộ xã Một", "A.01", "COMMUNE", 10, 2, 4, 3),
  row("Chi bộ Trường Hai", "A.02", "SCHOOL", 5, 0, 5, 0),
  row("Đảng bộ xã Ba", "A.03", "COMMUNE", 20, 0, 5, 1),
];

describe("progress board rows", () => {
  it("says how much is done of the members to rate", () => {
    expect(rows.map(donePercent)).toEqual([50, 100, 25]);
    expect(donePercent(row("x", "x", "x", 2, 2, 0, 0))).toBe(100);
  });

  it("filters by name without diacritics, by lateness and by sector", () => {
    expect(filterRows(rows, { q: "dang bo xa" }).map((r) => r.code)).toEqual(["A.01", "A.03"]);
    expect(filterRows(rows, { lateOnly: true }).map((r) => r.code)).toEqual(["A.01", "A.03"]);
    expect(filterRows(rows, { sector: "SCHOOL" }).map((r) => r.code)).toEqual(["A.02"]);
  });

  it("sorts by name in Vietnamese order, and by figures with the largest first", () => {
    expect(sortRows(rows).map((r) => r.code)).toEqual(["A.02", "A.03", "A.01"]);
    expect(sortRows(rows, "members").map((r) => r.code)).toEqual(["A.03", "A.01", "A.02"]);
    expect(sortRows(rows, "done", "asc").map((r) => r.code)).toEqual(["A.03", "A.01", "A.02"]);
    expect(sortRows(rows, "late").map((r) => r.code)).toEqual(["A.01", "A.03", "A.02"]);
  });
});

describe("the board's columns of members", () => {
  const STATES = ["DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED", "PUBLISHED", "ABSENT", "NOT_RATED", "UNDER_REREVIEW"] as const;
  it("count every member once, whatever the state: a row adds up to its members (100 %)", () => {
    for (const state of STATES) {
      const byState = Object.fromEntries(STATES.map((s) => [s, s === state ? 7 : 0])) as Record<(typeof STATES)[number], number>;
      const columns = stateColumns(byState);
      expect(
        Object.values(columns).reduce((a, b) => a + b, 0),
        state,
      ).toBe(7);
    }
    expect(stateColumns({ DRAFT: 1, SUBMITTED: 2, RETURNED: 3, REVIEWED: 4, DECIDED: 5, PUBLISHED: 6, ABSENT: 7, NOT_RATED: 8, UNDER_REREVIEW: 9 })).toEqual({
      notSubmitted: 4,
      submitted: 11,
      reviewed: 15,
      absent: 7,
      notRated: 8,
    });
  });
});

describe("shares", () => {
  it("rounds to one decimal as the reports print them", () => {
    expect(shareOf(2, 8)).toBe(25);
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(1, 0)).toBeNull();
    expect(formatShare(33.3, "vi")).toBe("33,3\u00a0%");
    expect(formatShare(25, "en")).toBe("25.0\u00a0%");
    expect(formatShare(null, "vi")).toBe("—");
  });
});
