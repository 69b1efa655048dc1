import { describe, expect, it } from "vitest";
import { evaluate, evaluateSubject, getRuleSet, type MemberInput, type OrganizationInput, type RuleSetId, type SubjectInput } from "@/lib/grading";
import { addCalendarMonths, dateKey, hasCompletedMonths, parseIsoDate } from "@/lib/grading/dates";
import { civilServiceLevel } from "@/lib/grading/rules/member";

// Table tests per rule of docs/rating-rules.md §2–§4, under both older rule sets unless the rule differs between them.

const RULE_SETS: RuleSetId[] = ["QD132_HD21", "QD124_HD25"];
const RATING_DATE = "2024-12-10";

const member = (facts: Partial<MemberInput> = {}): MemberInput => ({
  id: "m1",
  kind: "MEMBER",
  peerGroup: "g",
  proposed: "GOOD",
  ...facts,
});

const organization = (facts: Partial<OrganizationInput> = {}): OrganizationInput => ({
  id: "o1",
  kind: "ORGANIZATION",
  peerGroup: "orgs",
  proposed: "GOOD",
  ...facts,
});

function verdict(subject: SubjectInput, ruleSet: RuleSetId = "QD132_HD21", ratingDate = RATING_DATE) {
  const { rated, notRatedReason, maxLevel, forced, proposalValid, reasons } = evaluateSubject(subject, {
    ruleSet,
    ratingDate,
  });
  return { rated, notRatedReason, maxLevel, forced, proposalValid, reasons };
}

const free = { rated: true, notRatedReason: null, maxLevel: "EXCELLENT", forced: false, reasons: [] };
const forcedBy = (...reasons: string[]) => ({ rated: true, maxLevel: "NOT_COMPLETED", forced: true, reasons });
const cappedAt = (maxLevel: string, ...reasons: string[]) => ({ rated: true, maxLevel, forced: false, reasons });
const notRated = (reason: string) => ({ rated: false, notRatedReason: reason, maxLevel: null, forced: false, reasons: [reason] });

describe("calendar months (rating-rules §2.2)", () => {
  it.each([
    ["2024-06-10", 6, "2024-12-10"],
    ["2024-08-31", 6, "2025-02-28"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-03-31", 1, "2024-04-30"],
    ["2024-07-15", 6, "2025-01-15"],
    ["2024-12-31", -10, "2024-02-29"],
  ])("%s + %i months = %s", (start, months, expected) => {
    expect(dateKey(addCalendarMonths(parseIsoDate(start)!, months))).toBe(dateKey(parseIsoDate(expected)!));
  });

  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-02-30", false],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-1-10", false],
    ["2024-01-10T00:00", false],
    ["２０２４-01-10", false],
  ])("%s is a calendar date: %s", (text, valid) => {
    expect(parseIsoDate(text) !== null).toBe(valid);
  });

  it("counts six months on or before the rating date", () => {
    const asOf = parseIsoDate("2025-02-28")!;
    expect(hasCompletedMonths(parseIsoDate("2024-08-31")!, asOf, 6)).toBe(true);
    expect(hasCompletedMonths(parseIsoDate("2024-09-01")!, asOf, 6)).toBe(false);
  });
});

describe.each(RULE_SETS)("who is rated, under %s (rating-rules §2)", (ruleSet) => {
  it.each<[string, MemberInput, string, object]>([
    ["exactly 6 months admitted is rated", member({ admittedOn: "2024-06-10" }), RATING_DATE, free],
    ["one day short of 6 months is new", member({ admittedOn: "2024-06-11" }), RATING_DATE, notRated("NEW_MEMBER")],
    ["2024-08-31 is rated on 2025-02-28", member({ admittedOn: "2024-08-31" }), "2025-02-28", free],
    ["2024-08-31 is new on 2025-02-27", member({ admittedOn: "2024-08-31" }), "2025-02-27", notRated("NEW_MEMBER")],
    ["2023-08-31 is rated on leap day 2024-02-29", member({ admittedOn: "2023-08-31" }), "2024-02-29", free],
    ["2023-08-31 is new on 2024-02-28", member({ admittedOn: "2023-08-31" }), "2024-02-28", notRated("NEW_MEMBER")],
    ["admitted after the rating date is new", member({ admittedOn: "2025-01-05" }), RATING_DATE, notRated("NEW_MEMBER")],
    ["exempt", member({ status: "EXEMPT" }), RATING_DATE, notRated("EXEMPT")],
    ["suspended", member({ status: "SUSPENDED" }), RATING_DATE, notRated("SUSPENDED")],
    ["exempt comes before new", member({ status: "EXEMPT", admittedOn: "2024-11-01" }), RATING_DATE, notRated("EXEMPT")],
    ["suspended comes before new", member({ status: "SUSPENDED", admittedOn: "2024-11-01" }), RATING_DATE, notRated("SUSPENDED")],
    [
      "a not-rated subject reports no capping rule",
      member({ status: "EXEMPT", sickLeaveDays: 120, degradationConcluded: true, reviewDone: false }),
      RATING_DATE,
      notRated("EXEMPT"),
    ],
  ])("%s", (_name, subject, ratingDate, expected) => {
    expect(verdict(subject, ruleSet, ratingDate)).toMatchObject(expected);
  });

  it.each<[string, OrganizationInput, object]>([
    ["established 6 months before is rated", organization({ establishedOn: "2024-06-10" }), free],
    ["established under 6 months is new", organization({ establishedOn: "2024-07-01" }), notRated("NEW_ORGANIZATION")],
  ])("%s", (_name, subject, expected) => {
    expect(verdict(subject, ruleSet)).toMatchObject(expected);
  });

  it.each<[string, SubjectInput, boolean]>([
    ["a not-rated subject proposed NOT_RATED", member({ status: "EXEMPT", proposed: "NOT_RATED" }), true],
    ["a not-rated subject proposed a level", member({ status: "EXEMPT", proposed: "GOOD" }), false],
    ["a rated subject proposed NOT_RATED", member({ proposed: "NOT_RATED" }), false],
    ["a new organization proposed NOT_RATED", organization({ establishedOn: "2024-11-01", proposed: "NOT_RATED" }), true],
    ["a rated organization proposed NOT_RATED", organization({ proposed: "NOT_RATED" }), false],
  ])("proposal validity: %s → %s", (_name, subject, valid) => {
    expect(verdict(subject, ruleSet).proposalValid).toBe(valid);
  });

  it("a review not done leaves the maximum as computed and invalidates every proposal (rating-rules §2.4)", () => {
    for (const proposed of ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "NOT_RATED"] as const) {
      expect(verdict(member({ reviewDone: false, sickLeaveDays: 100, proposed }), ruleSet)).toEqual({
        ...cappedAt("COMPLETED", "REVIEW_MISSING", "SICK_LEAVE"),
        notRatedReason: null,
        proposalValid: false,
      });
    }
    expect(verdict(organization({ reviewDone: false }), ruleSet)).toMatchObject({
      ...free,
      reasons: ["REVIEW_MISSING"],
      proposalValid: false,
    });
  });
});

describe("self-review of subjects left out (rating-rules §2.1–2.2)", () => {
  const selfReview = (subject: SubjectInput, ruleSet: RuleSetId) => evaluateSubject(subject, { ruleSet, ratingDate: RATING_DATE }).selfReviewRequired;

  it.each<[string, SubjectInput, RuleSetId, boolean]>([
    ["a new member under [21]", member({ admittedOn: "2024-11-01" }), "QD132_HD21", true],
    ["a new member under [124]", member({ admittedOn: "2024-11-01" }), "QD124_HD25", false],
    ["an exempt member", member({ status: "EXEMPT" }), "QD132_HD21", false],
    ["a suspended member", member({ status: "SUSPENDED" }), "QD124_HD25", false],
    ["a rated member", member(), "QD124_HD25", true],
  ])("%s: %s", (_name, subject, ruleSet, required) => {
    expect(selfReview(subject, ruleSet)).toBe(required);
  });
});

describe.each(RULE_SETS)("what caps a member, under %s (rating-rules §3)", (ruleSet) => {
  it.each<[string, Partial<MemberInput>, object]>([
    ["no facts", {}, free],
    ["no criteria", { criteria: [] }, free],
    [
      "task results excellent, others good",
      {
        criteria: [
          { taskResult: true, grade: "EXCELLENT" },
          { taskResult: false, grade: "GOOD" },
        ],
      },
      free,
    ],
    ["only other criteria, all good", { criteria: [{ taskResult: false, grade: "GOOD" }] }, free],
    [
      "task result excellent, other average",
      {
        criteria: [
          { taskResult: true, grade: "EXCELLENT" },
          { taskResult: false, grade: "AVERAGE" },
        ],
      },
      cappedAt("GOOD", "CRITERIA"),
    ],
    [
      "task result good, other excellent",
      {
        criteria: [
          { taskResult: true, grade: "GOOD" },
          { taskResult: false, grade: "EXCELLENT" },
        ],
      },
      cappedAt("GOOD", "CRITERIA"),
    ],
    [
      "task result average",
      {
        criteria: [
          { taskResult: true, grade: "AVERAGE" },
          { taskResult: false, grade: "EXCELLENT" },
        ],
      },
      cappedAt("COMPLETED", "CRITERIA"),
    ],
    [
      "a poor criterion forces, alone, without CRITERIA",
      {
        criteria: [
          { taskResult: true, grade: "AVERAGE" },
          { taskResult: false, grade: "POOR" },
        ],
      },
      forcedBy("POOR_CRITERION"),
    ],
    ["a poor task result", { criteria: [{ taskResult: true, grade: "POOR" }] }, forcedBy("POOR_CRITERION")],
    ["civil servant excellent", { civilServantLevel: "EXCELLENT" }, free],
    ["civil servant good", { civilServantLevel: "GOOD" }, cappedAt("GOOD", "CIVIL_SERVICE_LEVEL")],
    ["civil servant completed", { civilServantLevel: "COMPLETED" }, cappedAt("COMPLETED", "CIVIL_SERVICE_LEVEL")],
    ["civil servant not completed", { civilServantLevel: "NOT_COMPLETED" }, forcedBy("CIVIL_SERVICE_LEVEL")],
    ["disciplined in the review year", { disciplines: [{ decidedOn: "2024-01-01" }] }, forcedBy("DISCIPLINED_IN_YEAR")],
    ["disciplined on the year's last day", { disciplines: [{ decidedOn: "2024-12-31" }] }, forcedBy("DISCIPLINED_IN_YEAR")],
    ["disciplined the year before", { disciplines: [{ decidedOn: "2023-12-31" }] }, free],
    ["disciplined the year after", { disciplines: [{ decidedOn: "2025-01-02" }] }, free],
    ["a discipline already counted in an earlier year", { disciplines: [{ decidedOn: "2024-02-01", countedInEarlierYear: true }] }, free],
    [
      "one discipline counted earlier, another not",
      { disciplines: [{ decidedOn: "2024-02-01", countedInEarlierYear: true }, { decidedOn: "2024-06-01" }] },
      forcedBy("DISCIPLINED_IN_YEAR"),
    ],
    ["two disciplines give one reason", { disciplines: [{ decidedOn: "2024-02-01" }, { decidedOn: "2024-06-01" }] }, forcedBy("DISCIPLINED_IN_YEAR")],
    ["degradation concluded", { degradationConcluded: true }, forcedBy("DEGRADATION")],
    ["49 % of targets", { targetsCompletedPercent: 49 }, forcedBy("TARGETS_UNDER_50")],
    ["49.9 % of targets", { targetsCompletedPercent: 49.9 }, forcedBy("TARGETS_UNDER_50")],
    ["50 % of targets", { targetsCompletedPercent: 50 }, free],
    ["89 days of sick leave", { sickLeaveDays: 89 }, free],
    ["90 days of sick leave", { sickLeaveDays: 90 }, cappedAt("COMPLETED", "SICK_LEAVE")],
    [
      "every limiting rule is a reason, sorted",
      {
        sickLeaveDays: 90,
        civilServantLevel: "GOOD",
        criteria: [{ taskResult: true, grade: "GOOD" }],
      },
      cappedAt("COMPLETED", "CIVIL_SERVICE_LEVEL", "CRITERIA", "SICK_LEAVE"),
    ],
    [
      "caps and forces together",
      { sickLeaveDays: 95, degradationConcluded: true, targetsCompletedPercent: 10, civilServantLevel: "COMPLETED" },
      forcedBy("CIVIL_SERVICE_LEVEL", "DEGRADATION", "SICK_LEAVE", "TARGETS_UNDER_50"),
    ],
  ])("%s", (_name, facts, expected) => {
    expect(verdict(member(facts), ruleSet)).toMatchObject(expected);
  });

  it.each<[Partial<MemberInput>, string, boolean]>([
    [{ sickLeaveDays: 90 }, "GOOD", false],
    [{ sickLeaveDays: 90 }, "COMPLETED", true],
    [{ sickLeaveDays: 90 }, "NOT_COMPLETED", true],
    [{ civilServantLevel: "GOOD" }, "EXCELLENT", false],
    [{ civilServantLevel: "GOOD" }, "GOOD", true],
    [{ degradationConcluded: true }, "COMPLETED", false],
    [{ degradationConcluded: true }, "NOT_COMPLETED", true],
    [{}, "EXCELLENT", true],
    [{}, "NOT_COMPLETED", true],
  ])("%j proposed %s is valid: %s", (facts, proposed, valid) => {
    expect(verdict(member({ ...facts, proposed: proposed as MemberInput["proposed"] }), ruleSet).proposalValid).toBe(valid);
  });
});

describe("a self-detected and remedied violation (rating-rules §3 rows 6–7)", () => {
  const selfRemedied = member({ disciplines: [{ decidedOn: "2024-05-01", selfDetectedAndRemedied: true }] });

  it("still forces under [21]", () => {
    expect(verdict(selfRemedied, "QD132_HD21")).toMatchObject(forcedBy("DISCIPLINED_IN_YEAR"));
  });

  it("does not force under [124]", () => {
    expect(verdict(selfRemedied, "QD124_HD25")).toMatchObject(free);
  });

  it("does not shield another discipline of the year under [124]", () => {
    const subject = member({
      disciplines: [{ decidedOn: "2024-05-01", selfDetectedAndRemedied: true }, { decidedOn: "2024-07-01" }],
    });
    expect(verdict(subject, "QD124_HD25")).toMatchObject(forcedBy("DISCIPLINED_IN_YEAR"));
  });
});

describe("the civil-service option (rating-rules §3 row 5, configurable)", () => {
  const context = (civilServiceCapsEveryLevel: boolean) => ({
    ratingDate: parseIsoDate(RATING_DATE)!,
    reviewYear: 2024,
    options: { ...getRuleSet("QD132_HD21").options, civilServiceCapsEveryLevel },
  });

  it("caps at the civil-service level when on", () => {
    expect(civilServiceLevel(member({ civilServantLevel: "COMPLETED" }), context(true))?.maxLevel).toBe("COMPLETED");
  });

  it("keeps only the EXCELLENT gate and the forcing when off", () => {
    expect(civilServiceLevel(member({ civilServantLevel: "COMPLETED" }), context(false))?.maxLevel).toBe("GOOD");
    expect(civilServiceLevel(member({ civilServantLevel: "NOT_COMPLETED" }), context(false))?.forced).toBe(true);
    expect(civilServiceLevel(member({ civilServantLevel: "EXCELLENT" }), context(false))).toBeNull();
  });
});

describe.each(RULE_SETS)("what caps an organization, under %s (rating-rules §4)", (ruleSet) => {
  const levels = (spec: Record<string, number>) =>
    Object.entries(spec).flatMap(([level, count]) => Array(count).fill(level)) as OrganizationInput["subordinateLevels"];

  it.each<[string, Partial<OrganizationInput>, object]>([
    ["no facts", {}, free],
    ["no subordinate levels", { subordinateLevels: [] }, free],
    ["4 of 5 good: 80 %", { subordinateLevels: levels({ GOOD: 4, COMPLETED: 1 }) }, free],
    ["3 of 5 good", { subordinateLevels: levels({ GOOD: 3, COMPLETED: 2 }) }, cappedAt("GOOD", "SUBORDINATES_UNDER_80_GOOD")],
    ["8 of 10 good or better", { subordinateLevels: levels({ EXCELLENT: 2, GOOD: 6, COMPLETED: 2 }) }, free],
    ["7 of 10 good or better", { subordinateLevels: levels({ EXCELLENT: 2, GOOD: 5, COMPLETED: 3 }) }, cappedAt("GOOD", "SUBORDINATES_UNDER_80_GOOD")],
    ["NOT_RATED subordinates are ignored", { subordinateLevels: levels({ GOOD: 4, COMPLETED: 1, NOT_RATED: 5 }) }, free],
    ["only NOT_RATED subordinates cap nothing", { subordinateLevels: levels({ NOT_RATED: 3 }) }, free],
    ["one subordinate not completed among 10", { subordinateLevels: levels({ GOOD: 9, NOT_COMPLETED: 1 }) }, cappedAt("GOOD", "SUBORDINATES_BELOW_COMPLETED")],
    [
      "below completed and under 80 %",
      { subordinateLevels: levels({ GOOD: 3, COMPLETED: 1, NOT_COMPLETED: 1 }) },
      cappedAt("GOOD", "SUBORDINATES_BELOW_COMPLETED", "SUBORDINATES_UNDER_80_GOOD"),
    ],
    ["local bodies below good", { localBodiesAtLeastGood: false }, cappedAt("GOOD", "LOCAL_BODIES_BELOW_GOOD")],
    ["local bodies good", { localBodiesAtLeastGood: true }, free],
    ["2 of 9 units disciplined", { subordinateUnits: 9, disciplinedSubordinateUnits: 2 }, forcedBy("SUBORDINATES_DISCIPLINED_OVER_20")],
    ["1 of 9 units disciplined", { subordinateUnits: 9, disciplinedSubordinateUnits: 1 }, free],
    ["1 of 5 units disciplined: exactly 20 %", { subordinateUnits: 5, disciplinedSubordinateUnits: 1 }, free],
    ["2 of 10 units disciplined: exactly 20 %", { subordinateUnits: 10, disciplinedSubordinateUnits: 2 }, free],
    ["3 of 10 units disciplined", { subordinateUnits: 10, disciplinedSubordinateUnits: 3 }, forcedBy("SUBORDINATES_DISCIPLINED_OVER_20")],
    ["leadership disciplined", { leadershipDisciplined: true }, forcedBy("LEADERSHIP_DISCIPLINED")],
    ["disunity concluded", { disunityConcluded: true }, forcedBy("DISUNITY")],
    ["49 % of targets", { targetsCompletedPercent: 49 }, forcedBy("TARGETS_UNDER_50")],
    ["50 % of targets", { targetsCompletedPercent: 50 }, free],
    ["49 % of targets by force majeure", { targetsCompletedPercent: 49, forceMajeure: true }, free],
    [
      "criteria as for members",
      {
        criteria: [
          { taskResult: true, grade: "GOOD" },
          { taskResult: false, grade: "GOOD" },
        ],
      },
      cappedAt("GOOD", "CRITERIA"),
    ],
    ["a poor criterion", { criteria: [{ taskResult: false, grade: "POOR" }] }, forcedBy("POOR_CRITERION")],
    [
      "every limiting rule is a reason, sorted",
      {
        localBodiesAtLeastGood: false,
        disunityConcluded: true,
        subordinateLevels: levels({ COMPLETED: 2 }),
        leadershipDisciplined: true,
      },
      forcedBy("DISUNITY", "LEADERSHIP_DISCIPLINED", "LOCAL_BODIES_BELOW_GOOD", "SUBORDINATES_UNDER_80_GOOD"),
    ],
  ])("%s", (_name, facts, expected) => {
    expect(verdict(organization(facts), ruleSet)).toMatchObject(expected);
  });
});

describe("evaluate a set of subjects (rating-rules §5–§6)", () => {
  const goods = (count: number, peerGroup = "g") => Array.from({ length: count }, (_, index) => member({ id: `h${index}`, peerGroup }));

  it("reports an override even where the group does not exceed", () => {
    const result = evaluate({
      ruleSet: "QD132_HD21",
      ratingDate: RATING_DATE,
      subjects: goods(3),
      overrides: [{ peerGroup: "g", decisionNo: "1", decidedOn: "2024-12-01", issuer: "BTV", reason: "…" }],
    });
    expect(result.groups[0]).toMatchObject({ excess: 0, ok: true, overridden: true });
  });

  it("counts invalid proposals as given and leaves not-rated subjects out", () => {
    const result = evaluate({
      ruleSet: "QD132_HD21",
      ratingDate: RATING_DATE,
      subjects: [
        ...goods(5),
        member({ id: "x", proposed: "EXCELLENT", sickLeaveDays: 100 }),
        member({ id: "n", proposed: "EXCELLENT", admittedOn: "2024-11-01" }),
      ],
    });
    expect(result.groups).toEqual([
      { peerGroup: "g", kind: "MEMBER", excellent: 1, good: 5, pool: 6, maxExcellent: 1, excess: 0, ok: true, overridden: false },
    ]);
    expect(result.ok).toBe(false);
  });

  it("sorts subjects by id and groups by peer group, by code units", () => {
    const result = evaluate({
      ruleSet: "QD124_HD25",
      ratingDate: RATING_DATE,
      subjects: [
        member({ id: "b", peerGroup: "z" }),
        member({ id: "B", peerGroup: "a" }),
        member({ id: "a10", peerGroup: "Z" }),
        member({ id: "a2", peerGroup: "z" }),
      ],
    });
    expect(result.subjects.map((subject) => subject.id)).toEqual(["B", "a10", "a2", "b"]);
    expect(result.groups.map((group) => group.peerGroup)).toEqual(["Z", "a", "z"]);
  });

  it("applies the quota base of the input, GOOD_ONLY by default", () => {
    const subjects = [member({ id: "e", proposed: "EXCELLENT" }), ...goods(4)];
    const input = { ruleSet: "QD132_HD21" as const, ratingDate: RATING_DATE, subjects };
    expect(evaluate(input).groups[0]).toMatchObject({ pool: 5, maxExcellent: 0, excess: 1, ok: false });
    expect(evaluate({ ...input, quotaBase: "GOOD_AND_EXCELLENT" }).groups[0]).toMatchObject({
      maxExcellent: 1,
      excess: 0,
      ok: true,
    });
  });

  it("reports an empty input as ok", () => {
    expect(evaluate({ ruleSet: "QD132_HD21", ratingDate: RATING_DATE, subjects: [] })).toEqual({
      subjects: [],
      groups: [],
      ok: true,
    });
  });

  it("refuses an unknown rule set and an invalid rating date", () => {
    expect(() => evaluate({ ruleSet: "toString" as RuleSetId, ratingDate: RATING_DATE, subjects: [] })).toThrow(/unknown rule set/);
    expect(() => evaluate({ ruleSet: "QD132_HD21", ratingDate: "2024-02-30", subjects: [] })).toThrow(RangeError);
  });
});
