import { describe, expect, it } from "vitest";
import { maxExcellent, QUOTA_RULE_20, quotaRuleFor } from "@/lib/grading";
import { decidedGroupCheck, standingLevel, yearFlags, type GroupMember } from "@/lib/review/decisions";

// The desk's arithmetic, by hand: which records count in the pool, which EXCELLENT count against the cap,
// and the flags of earlier years.

const rec = (state: GroupMember["state"], proposedLevel: GroupMember["proposedLevel"], decidedLevel: GroupMember["decidedLevel"] = null): GroupMember => ({
  state,
  proposedLevel,
  decidedLevel,
});
const many = (n: number, r: GroupMember) => Array.from({ length: n }, () => r);

describe("standingLevel", () => {
  it.each([
    [rec("DECIDED", "GOOD", "EXCELLENT"), "EXCELLENT"],
    [rec("PUBLISHED", "EXCELLENT", "GOOD"), "GOOD"],
    [rec("REVIEWED", "EXCELLENT"), "EXCELLENT"],
    [rec("UNDER_REREVIEW", "GOOD", null), "GOOD"],
    [rec("SUBMITTED", "GOOD"), "GOOD"],
    [rec("DRAFT", null), null],
    [rec("NOT_RATED", "GOOD"), null],
    [rec("ABSENT", "EXCELLENT"), null],
  ] as const)("%o stands at %s", (record, level) => expect(standingLevel(record)).toBe(level));
});

describe("decidedGroupCheck", () => {
  it("counts every record at EXCELLENT or GOOD in the pool, and only decided EXCELLENT against the cap", () => {
    // 12 proposed EXCELLENT not decided, 18 GOOD: pool 30, cap ⌊30/6⌋ = 5, nothing decided yet.
    const group = [...many(12, rec("REVIEWED", "EXCELLENT")), ...many(18, rec("REVIEWED", "GOOD"))];
    expect(decidedGroupCheck(group, "GOOD_ONLY", false, QUOTA_RULE_20)).toMatchObject({ excellent: 0, pool: 30, maxExcellent: 5, ok: true });
    // Five of them decided EXCELLENT: at the cap; a sixth breaks it.
    const five = [...many(5, rec("DECIDED", "EXCELLENT", "EXCELLENT")), ...group.slice(5)];
    expect(decidedGroupCheck(five, "GOOD_ONLY", false, QUOTA_RULE_20)).toMatchObject({ excellent: 5, ok: true });
    const six = [...many(6, rec("DECIDED", "EXCELLENT", "EXCELLENT")), ...group.slice(6)];
    expect(decidedGroupCheck(six, "GOOD_ONLY", false, QUOTA_RULE_20)).toMatchObject({ excellent: 6, maxExcellent: 5, excess: 1, ok: false });
  });

  it("leaves out the lower levels, those not rated, and those not reviewed yet", () => {
    const group = [
      ...many(6, rec("DECIDED", "GOOD", "GOOD")),
      rec("DECIDED", "EXCELLENT", "EXCELLENT"),
      rec("DECIDED", "GOOD", "COMPLETED"),
      rec("NOT_RATED", null),
      rec("DRAFT", null),
    ];
    // Pool 7 (6 GOOD + 1 EXCELLENT): cap ⌊7/6⌋ = 1.
    expect(decidedGroupCheck(group, "GOOD_ONLY", false, QUOTA_RULE_20)).toMatchObject({ excellent: 1, good: 6, pool: 7, maxExcellent: 1, ok: true });
  });

  it("under QD366_HD43 an override raises the rate and the cap still binds; before, it lifts the cap", () => {
    const group = [...many(7, rec("DECIDED", "EXCELLENT", "EXCELLENT")), ...many(23, rec("DECIDED", "GOOD", "GOOD"))];
    expect(decidedGroupCheck(group, "GOOD_ONLY", true, quotaRuleFor("QD366_HD43", { ratePercent: 25 }))).toMatchObject({
      maxExcellent: maxExcellent(30, "GOOD_ONLY", 25),
      ok: false,
    });
    expect(decidedGroupCheck(group, "GOOD_ONLY", true, quotaRuleFor("QD124_HD25", {}))).toMatchObject({
      maxExcellent: 5,
      excess: 2,
      ok: true,
      overridden: true,
    });
  });
});

describe("yearFlags", () => {
  it.each([
    [["NOT_COMPLETED", "GOOD", null, null], "NOT_COMPLETED", ["NOT_COMPLETED_TWICE"]],
    [["GOOD", "NOT_COMPLETED", null, null], "NOT_COMPLETED", []],
    [["EXCELLENT", "EXCELLENT", "EXCELLENT", "EXCELLENT"], "EXCELLENT", ["EXCELLENT_FIVE_YEARS"]],
    [["EXCELLENT", "EXCELLENT", "EXCELLENT", "GOOD"], "EXCELLENT", []],
    [["EXCELLENT", "EXCELLENT", "EXCELLENT", "EXCELLENT"], "GOOD", []],
    [["EXCELLENT", "EXCELLENT", "EXCELLENT"], "EXCELLENT", []],
    [[null, null, null, null], null, []],
  ] as const)("earlier %o, now %s → %o", (earlier, level, flags) => expect(yearFlags(earlier, level)).toEqual(flags));
});
