import { describe, expect, it } from "vitest";
import { donePercent, filterRows, sortRows } from "@/lib/reports/progress-view";
import { formatShare, shareOf } from "@/lib/reports/share";

const row = (name: string, code: string, sector: string, members: number, notRated: number, reviewed: number, lateTotal: number) => ({ name, code, sector, members, byState: { NOT_RATED: notRated }, reviewed, lateTotal });
const rows = [row("Đảng bộ xã Một", "A.01", "COMMUNE", 10, 2, 4, 3), row("Chi bộ Trường Hai", "A.02", "SCHOOL", 5, 0, 5, 0), row("Đảng bộ xã Ba", "A.03", "COMMUNE", 20, 0, 5, 1)];

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
