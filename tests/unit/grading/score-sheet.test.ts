import { describe, expect, it } from "vitest";
import {
  checkItemScores,
  checkScoreSheet,
  DEFAULT_SCORE_SHEETS,
  SCORE_FRAMEWORKS,
  scoreTotals,
  toTenths,
  type ScoreSheetContent,
} from "@/lib/grading/score-sheet";

const sheet = (general: number[], results: number[]): ScoreSheetContent => ({
  groups: [
    { key: "GENERAL", items: general.map((maxPoints, i) => ({ key: `c${i}`, label: `Tiêu chí ${i}`, maxPoints })) },
    { key: "RESULTS", items: results.map((maxPoints, i) => ({ key: `k${i}`, label: `Kết quả ${i}`, maxPoints })) },
  ],
});

describe("the default score sheets", () => {
  it.each(SCORE_FRAMEWORKS)("%s is valid: 30 general points and 70 results points", (framework) => {
    expect(checkScoreSheet(DEFAULT_SCORE_SHEETS[framework])).toEqual([]);
  });

  it("keys are unique across the four sheets, so a score can never land on another sheet's item", () => {
    const keys = SCORE_FRAMEWORKS.flatMap((f) => DEFAULT_SCORE_SHEETS[f].groups.flatMap((g) => g.items.map((i) => i.key)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("checkScoreSheet", () => {
  it.each([
    ["sums in tenths, never in floating point", sheet([10.1, 10.2, 9.7], [70]), []],
    ["a general group of 29.9", sheet([10, 10, 9.9], [70]), [{ path: ["groups", 0, "items"], code: "GROUP_SUM", sumTenths: 299, maxTenths: 300 }]],
    ["a results group of 70.1", sheet([30], [35, 35.1]), [{ path: ["groups", 1, "items"], code: "GROUP_SUM", sumTenths: 701, maxTenths: 700 }]],
    ["an item of 0 points", sheet([30, 0], [70]), [{ path: ["groups", 0, "items", 1, "maxPoints"], code: "ITEM_POINTS" }]],
    ["an item of negative points", sheet([31, -1], [70]), [{ path: ["groups", 0, "items", 1, "maxPoints"], code: "ITEM_POINTS" }]],
    [
      "two decimals",
      sheet([29.95, 0.05], [70]),
      [
        { path: ["groups", 0, "items", 0, "maxPoints"], code: "ITEM_POINTS" },
        { path: ["groups", 0, "items", 1, "maxPoints"], code: "ITEM_POINTS" },
      ],
    ],
    ["an empty group", sheet([30], []), [{ path: ["groups", 1, "items"], code: "EMPTY_GROUP" }]],
  ] as const)("%s", (_name, input, expected) => {
    expect(checkScoreSheet(input as ScoreSheetContent)).toEqual(expected);
  });

  it("refuses an empty label and a key used twice", () => {
    const input = sheet([15, 15], [70]);
    input.groups[0].items[0].label = "  ";
    input.groups[1].items[0].key = "c1";
    expect(checkScoreSheet(input)).toEqual([
      { path: ["groups", 0, "items", 0, "label"], code: "ITEM_LABEL_EMPTY" },
      { path: ["groups", 1, "items", 0, "key"], code: "DUPLICATE_KEY" },
    ]);
  });

  it("refuses groups out of order or missing", () => {
    const input = sheet([30], [70]);
    expect(checkScoreSheet({ groups: [input.groups[1], input.groups[0]] })).toEqual([{ path: ["groups"], code: "GROUPS_SHAPE" }]);
    expect(checkScoreSheet({ groups: [input.groups[0]] })).toEqual([{ path: ["groups"], code: "GROUPS_SHAPE" }]);
  });
});

describe("item scores and totals", () => {
  const s = sheet([10, 20], [70]);

  it("accepts 0 to the item's maximum with one decimal, and nothing else", () => {
    expect(checkItemScores(s, { c0: 0, c1: 20, k0: 69.9 })).toEqual([]);
    expect(checkItemScores(s, { c0: 10.1, c1: -0.1, k0: 35.25, x: 1 })).toEqual([
      { itemKey: "c0", code: "SCORE_RANGE" },
      { itemKey: "c1", code: "SCORE_RANGE" },
      { itemKey: "k0", code: "SCORE_RANGE" },
      { itemKey: "x", code: "UNKNOWN_ITEM" },
    ]);
  });

  it("totals in tenths, and says whether every item is scored", () => {
    expect(scoreTotals(s, { c0: 9.9, c1: 19.8, k0: 60.3 })).toEqual({ generalTenths: 297, resultsTenths: 603, complete: true });
    expect(scoreTotals(s, { c0: 9.9, k0: 60.3 })).toEqual({ generalTenths: 99, resultsTenths: 603, complete: false });
  });

  it("reads 0.1 + 0.2 as three tenths", () => {
    expect(toTenths(0.1 + 0.2)).toBe(3);
    expect(toTenths(89.95)).toBeNull();
  });
});
