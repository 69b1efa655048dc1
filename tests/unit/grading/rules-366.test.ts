import { describe, expect, it } from "vitest";
import {
  evaluate,
  evaluateSubject,
  hasAtMostOneDecimal,
  REASON_CODES,
  ruleSetForYear,
  scoreTenths,
  type MemberInput,
  type OrganizationInput,
  type QuotaOverride,
  type RuleSetId,
  type Score,
  type SubjectInput,
  type Tasks,
} from "@/lib/grading";
import { reasonBit, reasonList, withReason } from "@/lib/grading/reasons";
import { toTenths } from "@/lib/grading/rules/score";

// Table tests per rule of the 100-point scale (rating-rules §7, rule set QD366_HD43).

const RATING_DATE = "2026-12-15";

/** 95 points, every task done on time and 30 % exceeding: nothing of §7.3–7.4 caps. */
const TOP_SCORE: Score = { general: 28, results: 67 };
const TOP_TASKS: Tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 3 };

/** Facts of either kind, for tables run over members and organizations alike. */
type Facts = Partial<Omit<MemberInput, "kind">> & Partial<Omit<OrganizationInput, "kind">>;

const member = (facts: Partial<MemberInput> = {}): MemberInput => ({
  id: "m1",
  kind: "MEMBER",
  peerGroup: "g",
  proposed: "GOOD",
  score: TOP_SCORE,
  tasks: TOP_TASKS,
  ...facts,
});

const leader = (facts: Partial<MemberInput> = {}) => member({ category: "LEADER", ...facts });

const organization = (facts: Partial<OrganizationInput> = {}): OrganizationInput => ({
  id: "o1",
  kind: "ORGANIZATION",
  peerGroup: "orgs",
  proposed: "GOOD",
  score: TOP_SCORE,
  tasks: TOP_TASKS,
  ...facts,
});

const tasks = (assigned: number, completed: number, onTime: number, exceeded: number): Tasks => ({
  assigned,
  completed,
  onTime,
  exceeded,
});

function verdict(subject: SubjectInput, ruleSet: RuleSetId = "QD366_HD43", ratingDate = RATING_DATE) {
  const { rated, notRatedReason, maxLevel, forced, proposalValid, reasons } = evaluateSubject(subject, {
    ruleSet,
    ratingDate,
  });
  return { rated, notRatedReason, maxLevel, forced, proposalValid, reasons };
}

const free = { rated: true, notRatedReason: null, maxLevel: "EXCELLENT", forced: false, reasons: [] };
const forcedBy = (...reasons: string[]) => ({ rated: true, maxLevel: "NOT_COMPLETED", forced: true, reasons });
const cappedAt = (maxLevel: string, ...reasons: string[]) => ({ rated: true, maxLevel, forced: false, reasons });
/** Caps nothing, but the reasons are listed for the competent body. */
const noted = (...reasons: string[]) => ({ rated: true, maxLevel: "EXCELLENT", forced: false, reasons });

describe("the rule set of a review year", () => {
  it.each<[number, RuleSetId | null]>([
    [2018, null],
    [2019, "QD132_HD21"],
    [2022, "QD132_HD21"],
    [2023, "QD124_HD25"],
    [2024, "QD124_HD25"],
    [2025, "QD366_HD43"],
    [2026, "QD366_HD43"],
    [2040, "QD366_HD43"],
    [2025.5, null],
    [Number.NaN, null],
  ])("%s → %s", (year, ruleSet) => {
    expect(ruleSetForYear(year)).toBe(ruleSet);
  });
});

describe("scores in tenths of a point (rating-rules §7.3)", () => {
  it.each<[Score, number]>([
    [{ general: 29.9, results: 60 }, 899],
    [{ general: 30, results: 60 }, 900],
    [{ general: 25, results: 64.9 }, 899],
    [{ general: 0.1, results: 0.2 }, 3],
    [{ general: 30, results: 70 }, 1000],
    [{ general: 0, results: 0 }, 0],
    [{ general: 20, results: 29.9 }, 499],
  ])("%j is %i tenths", (score, tenths) => {
    expect(scoreTenths(score)).toBe(tenths);
  });

  it("reads one decimal place at most, float noise included", () => {
    expect(toTenths(64.9)).toBe(649);
    expect(hasAtMostOneDecimal(64.9)).toBe(true);
    expect(hasAtMostOneDecimal(0.1 + 0.2)).toBe(true);
    expect(hasAtMostOneDecimal(30)).toBe(true);
    expect(hasAtMostOneDecimal(64.95)).toBe(false);
    expect(hasAtMostOneDecimal(0.01)).toBe(false);
    expect(hasAtMostOneDecimal(1 / 3)).toBe(false);
  });
});

describe("who is rated under QD366_HD43 (rating-rules §7.1)", () => {
  it.each<[string, SubjectInput, object, boolean]>([
    [
      "a member admitted under 6 months: not rated, no self-review",
      member({ admittedOn: "2026-07-01", proposed: "NOT_RATED" }),
      { rated: false, notRatedReason: "NEW_MEMBER", proposalValid: true, reasons: ["NEW_MEMBER"] },
      false,
    ],
    ["admitted exactly 6 months before: rated", member({ admittedOn: "2026-06-15" }), { ...free, proposalValid: true }, true],
    [
      "an exempt member, whatever the score",
      member({ status: "EXEMPT", score: { general: 0, results: 0 }, proposed: "NOT_RATED" }),
      { rated: false, notRatedReason: "EXEMPT", proposalValid: true, reasons: ["EXEMPT"] },
      false,
    ],
    [
      "a suspended member",
      member({ status: "SUSPENDED", proposed: "GOOD" }),
      { rated: false, notRatedReason: "SUSPENDED", proposalValid: false, reasons: ["SUSPENDED"] },
      false,
    ],
    [
      "an organization established under 6 months",
      organization({ establishedOn: "2026-09-01", proposed: "NOT_RATED" }),
      { rated: false, notRatedReason: "NEW_ORGANIZATION", proposalValid: true, reasons: ["NEW_ORGANIZATION"] },
      false,
    ],
  ])("%s", (_name, subject, expected, selfReview) => {
    expect(verdict(subject)).toMatchObject(expected);
    expect(evaluateSubject(subject, { ruleSet: "QD366_HD43", ratingDate: RATING_DATE }).selfReviewRequired).toBe(selfReview);
  });
});

describe.each<[string, (facts: Facts) => SubjectInput]>([
  ["a member", (facts) => member(facts as Partial<MemberInput>)],
  ["a leader", (facts) => leader(facts as Partial<MemberInput>)],
  ["an organization", (facts) => organization(facts as Partial<OrganizationInput>)],
])("the score bands, for %s (rating-rules §7.3)", (_name, subject) => {
  it.each<[Score, object]>([
    [{ general: 30, results: 70 }, free],
    [{ general: 30, results: 60 }, free],
    [{ general: 29.9, results: 60 }, cappedAt("GOOD", "SCORE_UNDER_90")],
    [{ general: 20, results: 50 }, cappedAt("GOOD", "SCORE_UNDER_90")],
    [{ general: 20, results: 49.9 }, cappedAt("COMPLETED", "SCORE_UNDER_70")],
    [{ general: 20, results: 30 }, cappedAt("COMPLETED", "SCORE_UNDER_70")],
    [{ general: 19.9, results: 30 }, forcedBy("SCORE_UNDER_50")],
    [{ general: 0, results: 0 }, forcedBy("SCORE_UNDER_50")],
  ])("%j", (score, expected) => {
    expect(verdict(subject({ score }))).toMatchObject(expected);
  });

  it("without a score: no level can be decided, and the score caps nothing", () => {
    for (const proposed of ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "NOT_RATED"] as const) {
      expect(verdict(subject({ score: undefined, proposed }))).toEqual({
        ...noted("SCORE_MISSING"),
        notRatedReason: null,
        proposalValid: false,
      });
    }
  });

  it("without a score, other rules still cap", () => {
    expect(verdict(subject({ score: undefined, tasks: tasks(10, 10, 9, 3) }))).toMatchObject(cappedAt("COMPLETED", "SCORE_MISSING", "TASKS_LATE"));
  });

  it("without a score and without the review: both reasons", () => {
    expect(verdict(subject({ score: undefined, reviewDone: false }))).toMatchObject({
      ...noted("REVIEW_MISSING", "SCORE_MISSING"),
      proposalValid: false,
    });
  });
});

describe.each<[string, (facts: Facts) => SubjectInput]>([
  ["a member", (facts) => member(facts as Partial<MemberInput>)],
  ["a member outside the political system", (facts) => member({ category: "OUTSIDE_SYSTEM", ...facts } as Partial<MemberInput>)],
  ["a leader", (facts) => leader(facts as Partial<MemberInput>)],
  ["an organization", (facts) => organization(facts as Partial<OrganizationInput>)],
])("the task conditions every subject shares, for %s (rating-rules §7.4)", (_name, subject) => {
  it.each<[string, Tasks | undefined, object]>([
    ["no tasks", undefined, free],
    ["none assigned", tasks(0, 0, 0, 0), free],
    ["all on time, 30 % exceeded", tasks(10, 10, 10, 3), free],
    ["all on time, 3 of 7 exceeded", tasks(7, 7, 7, 3), free],
    ["all on time, 2 of 7 exceeded (10·2 < 3·7)", tasks(7, 7, 7, 2), cappedAt("GOOD", "TASKS_EXCEEDED_UNDER_30")],
    ["all on time, none exceeded", tasks(10, 10, 10, 0), cappedAt("GOOD", "TASKS_EXCEEDED_UNDER_30")],
    ["one late of 10", tasks(10, 10, 9, 3), cappedAt("COMPLETED", "TASKS_LATE")],
    ["2 late of 10: 5 × late = N", tasks(10, 10, 8, 3), cappedAt("COMPLETED", "TASKS_LATE")],
    ["2 late of 9: over 20 %", tasks(9, 9, 7, 3), cappedAt("NOT_COMPLETED", "TASKS_LATE")],
    ["9 of 10 completed, on time", tasks(10, 9, 9, 3), cappedAt("NOT_COMPLETED", "TASKS_NOT_COMPLETED")],
    ["9 of 10 completed, 2 late, none exceeded", tasks(10, 9, 7, 0), cappedAt("NOT_COMPLETED", "TASKS_EXCEEDED_UNDER_30", "TASKS_LATE", "TASKS_NOT_COMPLETED")],
  ])("%s", (_name, taskFacts, expected) => {
    expect(verdict(subject({ tasks: taskFacts }))).toMatchObject(expected);
  });
});

describe("tasks failing by category (rating-rules §7.4)", () => {
  // Every completed task exceeded, so that only the completion share matters.
  const failing = (completed: number, assigned = 10) => ({ tasks: tasks(assigned, completed, completed, completed) });

  it.each<[string, SubjectInput, object]>([
    ["a member with 5 of 10 completed: exactly half not completed", member(failing(5)), cappedAt("NOT_COMPLETED", "TASKS_NOT_COMPLETED")],
    ["a member with 4 of 10 completed", member(failing(4)), forcedBy("TASKS_FAILED_OVER_50", "TASKS_NOT_COMPLETED")],
    ["a member with 2 of 5 completed (2·3 > 5)", member(failing(2, 5)), forcedBy("TASKS_FAILED_OVER_50", "TASKS_NOT_COMPLETED")],
    [
      "a member outside the system with 4 of 10 completed",
      member({ category: "OUTSIDE_SYSTEM", ...failing(4) }),
      forcedBy("TASKS_FAILED_OVER_50", "TASKS_NOT_COMPLETED"),
    ],
    [
      "exceeded is a share of all tasks assigned: 2 of 10, though 2 of the 6 completed",
      member({ tasks: tasks(10, 6, 6, 2) }),
      cappedAt("NOT_COMPLETED", "TASKS_EXCEEDED_UNDER_30", "TASKS_NOT_COMPLETED"),
    ],
    ["a member with 6 of 10: under 70 % is for leaders", member(failing(6)), cappedAt("NOT_COMPLETED", "TASKS_NOT_COMPLETED")],
    ["a leader with 7 of 10: 70 %", leader(failing(7)), cappedAt("NOT_COMPLETED", "TASKS_NOT_COMPLETED")],
    ["a leader with 6 of 10", leader(failing(6)), forcedBy("TASKS_NOT_COMPLETED", "TASKS_UNDER_70")],
    ["a leader with 4 of 10: over half is for the others", leader(failing(4)), forcedBy("TASKS_NOT_COMPLETED", "TASKS_UNDER_70")],
    ["a leader with 13 of 20 (10·13 < 7·20)", leader(failing(13, 20)), forcedBy("TASKS_NOT_COMPLETED", "TASKS_UNDER_70")],
    ["a leader with 14 of 20", leader(failing(14, 20)), cappedAt("NOT_COMPLETED", "TASKS_NOT_COMPLETED")],
    ["an organization with 6 of 10", organization(failing(6)), forcedBy("TASKS_NOT_COMPLETED", "TASKS_UNDER_70")],
    ["an organization with 4 of 10: over half is for members", organization(failing(4)), forcedBy("TASKS_NOT_COMPLETED", "TASKS_UNDER_70")],
  ])("%s", (_name, subject, expected) => {
    expect(verdict(subject)).toMatchObject(expected);
  });
});

describe("force majeure (rating-rules §7.4)", () => {
  it.each<[string, SubjectInput, object]>([
    [
      "caps a leader's failed tasks at completed instead of forcing",
      leader({ forceMajeure: true, tasks: tasks(10, 6, 4, 0) }),
      cappedAt("COMPLETED", "FORCE_MAJEURE", "TASKS_EXCEEDED_UNDER_30", "TASKS_LATE", "TASKS_NOT_COMPLETED", "TASKS_UNDER_70"),
    ],
    [
      "caps a leader's five targets at completed",
      leader({ forceMajeure: true, fiveTargetsMissed: true }),
      cappedAt("COMPLETED", "FIVE_TARGETS", "FORCE_MAJEURE"),
    ],
    [
      "caps an organization's five targets at completed",
      organization({ forceMajeure: true, fiveTargetsMissed: true }),
      cappedAt("COMPLETED", "FIVE_TARGETS", "FORCE_MAJEURE"),
    ],
    [
      "caps an organization's failed tasks at completed",
      organization({ forceMajeure: true, tasks: tasks(10, 6, 6, 0) }),
      cappedAt("COMPLETED", "FORCE_MAJEURE", "TASKS_EXCEEDED_UNDER_30", "TASKS_NOT_COMPLETED", "TASKS_UNDER_70"),
    ],
    [
      "caps one unfinished task at completed (not completed without it)",
      leader({ forceMajeure: true, tasks: tasks(10, 9, 9, 3) }),
      cappedAt("COMPLETED", "FORCE_MAJEURE", "TASKS_NOT_COMPLETED"),
    ],
    [
      "caps over 20 % late at completed (not completed without it)",
      leader({ forceMajeure: true, tasks: tasks(10, 10, 7, 3) }),
      cappedAt("COMPLETED", "FORCE_MAJEURE", "TASKS_LATE"),
    ],
    ["leaves 20 % late as it is, and is not listed then", leader({ forceMajeure: true, tasks: tasks(10, 10, 8, 3) }), cappedAt("COMPLETED", "TASKS_LATE")],
    [
      "leaves under 30 % exceeded as it is, and is not listed then",
      organization({ forceMajeure: true, tasks: tasks(10, 10, 10, 0) }),
      cappedAt("GOOD", "TASKS_EXCEEDED_UNDER_30"),
    ],
    ["is not listed when it eases nothing", leader({ forceMajeure: true }), free],
    ["is not listed without tasks", organization({ forceMajeure: true, tasks: undefined }), free],
    [
      "leaves the score, and the other forcing facts, in force",
      leader({ forceMajeure: true, fiveTargetsMissed: true, lowConfidenceOver50: true, score: { general: 20, results: 40 } }),
      forcedBy("FIVE_TARGETS", "FORCE_MAJEURE", "LOW_CONFIDENCE", "SCORE_UNDER_70"),
    ],
    ["leaves a leader's units led in force", leader({ forceMajeure: true, ledUnits: { count: 3, notCompleted: 2 } }), forcedBy("LED_UNITS_NOT_COMPLETED")],
    [
      "is not read for a member without a post",
      member({ forceMajeure: true, tasks: tasks(10, 4, 4, 0) }),
      forcedBy("TASKS_EXCEEDED_UNDER_30", "TASKS_FAILED_OVER_50", "TASKS_NOT_COMPLETED"),
    ],
    [
      "is not read for a member without a post: one unfinished task leaves not completed",
      member({ forceMajeure: true, tasks: tasks(10, 9, 9, 3) }),
      cappedAt("NOT_COMPLETED", "TASKS_NOT_COMPLETED"),
    ],
    [
      "is not read for a member outside the system",
      member({ category: "OUTSIDE_SYSTEM", forceMajeure: true, tasks: tasks(10, 10, 10, 0) }),
      cappedAt("GOOD", "TASKS_EXCEEDED_UNDER_30"),
    ],
  ])("%s", (_name, subject, expected) => {
    expect(verdict(subject)).toMatchObject(expected);
  });

  it("never lets good or excellent through: the competent body judges completed or not completed", () => {
    const missedTargets = (proposed: MemberInput["proposed"]) => verdict(leader({ forceMajeure: true, fiveTargetsMissed: true, proposed })).proposalValid;
    expect(missedTargets("EXCELLENT")).toBe(false);
    expect(missedTargets("GOOD")).toBe(false);
    expect(missedTargets("COMPLETED")).toBe(true);
    expect(missedTargets("NOT_COMPLETED")).toBe(true);
  });
});

describe.each<[string, (facts: Facts) => SubjectInput]>([
  ["a member", (facts) => member(facts as Partial<MemberInput>)],
  ["an organization", (facts) => organization(facts as Partial<OrganizationInput>)],
])("shortcomings of the previous review, for %s (rating-rules §7.5)", (_name, subject) => {
  it.each<[string, Facts, object]>([
    ["none named", { shortcomings: { named: 0, remedied: 0 } }, free],
    ["all remedied", { shortcomings: { named: 3, remedied: 3 } }, free],
    ["one left", { shortcomings: { named: 3, remedied: 2 } }, cappedAt("GOOD", "SHORTCOMINGS_NOT_REMEDIED")],
    ["none remedied", { shortcomings: { named: 1, remedied: 0 } }, cappedAt("GOOD", "SHORTCOMINGS_NOT_REMEDIED")],
  ])("%s", (_name2, facts, expected) => {
    expect(verdict(subject(facts))).toMatchObject(expected);
  });
});

describe("what forces a member (rating-rules §7.6)", () => {
  it.each<[string, MemberInput, object]>([
    ["degradation", member({ degradationConcluded: true }), forcedBy("DEGRADATION")],
    ["prohibited acts", member({ prohibitedActsConcluded: true }), forcedBy("PROHIBITED_ACTS")],
    ["prohibited acts, a leader", leader({ prohibitedActsConcluded: true }), forcedBy("PROHIBITED_ACTS")],
    ["disciplined in the year", member({ disciplines: [{ decidedOn: "2026-04-02" }] }), forcedBy("DISCIPLINED_IN_YEAR")],
    ["disciplined the year before", member({ disciplines: [{ decidedOn: "2025-12-31" }] }), free],
    ["a discipline already counted in an earlier year", member({ disciplines: [{ decidedOn: "2026-01-05", countedInEarlierYear: true }] }), free],
    [
      "self-detected and remedied: noted, nothing capped",
      member({ disciplines: [{ decidedOn: "2026-04-02", selfDetectedAndRemedied: true }] }),
      noted("SELF_REMEDIED"),
    ],
    [
      "two disciplines, both self-remedied: noted once",
      member({
        disciplines: [
          { decidedOn: "2026-04-02", selfDetectedAndRemedied: true },
          { decidedOn: "2026-08-02", selfDetectedAndRemedied: true },
        ],
      }),
      noted("SELF_REMEDIED"),
    ],
    [
      "one self-remedied, one not: forced, not noted",
      member({
        disciplines: [{ decidedOn: "2026-04-02", selfDetectedAndRemedied: true }, { decidedOn: "2026-08-02" }],
      }),
      forcedBy("DISCIPLINED_IN_YEAR"),
    ],
    [
      "self-remedied this year beside one counted earlier",
      member({
        disciplines: [
          { decidedOn: "2026-04-02", selfDetectedAndRemedied: true },
          { decidedOn: "2026-02-01", countedInEarlierYear: true },
        ],
      }),
      noted("SELF_REMEDIED"),
    ],
    ["self-remedied in an earlier year: nothing", member({ disciplines: [{ decidedOn: "2025-04-02", selfDetectedAndRemedied: true }] }), free],
    ["a leader, 3 of 5 units led not completed", leader({ ledUnits: { count: 5, notCompleted: 3 } }), forcedBy("LED_UNITS_NOT_COMPLETED")],
    ["a leader, 2 of 4 units led: exactly half", leader({ ledUnits: { count: 4, notCompleted: 2 } }), free],
    ["a leader, 1 of 1 unit led", leader({ ledUnits: { count: 1, notCompleted: 1 } }), forcedBy("LED_UNITS_NOT_COMPLETED")],
    ["a leader, no units led", leader({ ledUnits: { count: 0, notCompleted: 0 } }), free],
    ["a leader, low confidence", leader({ lowConfidenceOver50: true }), forcedBy("LOW_CONFIDENCE")],
    ["a leader, corruption in scope", leader({ corruptionInScope: true }), forcedBy("CORRUPTION_IN_SCOPE")],
    ["a leader, five targets missed", leader({ fiveTargetsMissed: true }), forcedBy("FIVE_TARGETS")],
    [
      "a leader, every forcing fact",
      leader({
        ledUnits: { count: 2, notCompleted: 2 },
        lowConfidenceOver50: true,
        corruptionInScope: true,
        fiveTargetsMissed: true,
        degradationConcluded: true,
        prohibitedActsConcluded: true,
        disciplines: [{ decidedOn: "2026-04-02" }],
      }),
      forcedBy("CORRUPTION_IN_SCOPE", "DEGRADATION", "DISCIPLINED_IN_YEAR", "FIVE_TARGETS", "LED_UNITS_NOT_COMPLETED", "LOW_CONFIDENCE", "PROHIBITED_ACTS"),
    ],
  ])("%s", (_name, subject, expected) => {
    expect(verdict(subject)).toMatchObject(expected);
  });

  it.each(["NON_LEADER", "OUTSIDE_SYSTEM", undefined] as const)("reads no leader-only fact for category %s", (category) => {
    const subject = member({
      category,
      ledUnits: { count: 2, notCompleted: 2 },
      lowConfidenceOver50: true,
      corruptionInScope: true,
      fiveTargetsMissed: true,
    });
    expect(verdict(subject)).toMatchObject(free);
  });

  it("caps nothing for sick leave, maternity, the civil-service level, criteria or targets (HD 43 7.5)", () => {
    const subject = member({
      sickLeaveDays: 300,
      civilServantLevel: "NOT_COMPLETED",
      criteria: [{ taskResult: true, grade: "POOR" }],
      targetsCompletedPercent: 5,
      proposed: "EXCELLENT",
    });
    expect(verdict(subject)).toEqual({ ...free, notRatedReason: null, proposalValid: true });
  });

  it("takes the highest level whose band and conditions both hold", () => {
    // 95 points, all on time, under 30 % exceeded: GOOD, not EXCELLENT.
    expect(verdict(member({ tasks: tasks(10, 10, 10, 2), proposed: "EXCELLENT" }))).toMatchObject({
      ...cappedAt("GOOD", "TASKS_EXCEEDED_UNDER_30"),
      proposalValid: false,
    });
    // 75 points and one late: COMPLETED.
    expect(verdict(member({ score: { general: 25, results: 50 }, tasks: tasks(10, 10, 9, 3) }))).toMatchObject(
      cappedAt("COMPLETED", "SCORE_UNDER_90", "TASKS_LATE"),
    );
  });
});

describe("what caps and forces an organization (rating-rules §7.7)", () => {
  it.each<[string, OrganizationInput, object]>([
    ["a subordinate unit disciplined", organization({ disciplinedSubordinateUnits: 1 }), cappedAt("GOOD", "SUBORDINATES_DISCIPLINED")],
    [
      "5 of 10 units disciplined: no 20 % rule any more",
      organization({ subordinateUnits: 10, disciplinedSubordinateUnits: 5 }),
      cappedAt("GOOD", "SUBORDINATES_DISCIPLINED"),
    ],
    ["no unit disciplined", organization({ subordinateUnits: 10, disciplinedSubordinateUnits: 0 }), free],
    ["a leadership member disciplined", organization({ leadershipDisciplines: [{ decidedOn: "2026-03-01" }] }), forcedBy("LEADERSHIP_MEMBER_DISCIPLINED")],
    [
      "a leadership member disciplined, self-remedied",
      organization({ leadershipDisciplines: [{ decidedOn: "2026-03-01", selfDetectedAndRemedied: true }] }),
      cappedAt("GOOD", "LEADERSHIP_MEMBER_DISCIPLINED", "SELF_REMEDIED"),
    ],
    [
      "one self-remedied, one not",
      organization({
        leadershipDisciplines: [{ decidedOn: "2026-03-01", selfDetectedAndRemedied: true }, { decidedOn: "2026-04-01" }],
      }),
      forcedBy("LEADERSHIP_MEMBER_DISCIPLINED"),
    ],
    ["a leadership discipline of the year before", organization({ leadershipDisciplines: [{ decidedOn: "2025-03-01" }] }), free],
    [
      "a leadership discipline counted in an earlier year",
      organization({ leadershipDisciplines: [{ decidedOn: "2026-03-01", countedInEarlierYear: true }] }),
      free,
    ],
    ["the collective disciplined", organization({ leadershipDisciplined: true }), forcedBy("LEADERSHIP_DISCIPLINED")],
    ["a leadership member degraded", organization({ leadershipMemberDegraded: true }), forcedBy("LEADERSHIP_MEMBER_DEGRADED")],
    ["disunity", organization({ disunityConcluded: true }), forcedBy("DISUNITY")],
    ["five targets missed", organization({ fiveTargetsMissed: true }), forcedBy("FIVE_TARGETS")],
    [
      "the facts of the older rule sets change nothing",
      organization({
        criteria: [{ taskResult: false, grade: "POOR" }],
        subordinateLevels: ["NOT_COMPLETED", "COMPLETED", "COMPLETED"],
        localBodiesAtLeastGood: false,
        targetsCompletedPercent: 10,
      }),
      free,
    ],
  ])("%s", (_name, subject, expected) => {
    expect(verdict(subject)).toMatchObject(expected);
  });
});

describe("the older rule sets read none of the new facts", () => {
  it.each<RuleSetId>(["QD132_HD21", "QD124_HD25"])("%s", (ruleSet) => {
    const failingMember = leader({
      score: { general: 0, results: 0 },
      tasks: tasks(10, 1, 0, 0),
      shortcomings: { named: 3, remedied: 0 },
      prohibitedActsConcluded: true,
      ledUnits: { count: 2, notCompleted: 2 },
      lowConfidenceOver50: true,
      corruptionInScope: true,
      fiveTargetsMissed: true,
      forceMajeure: true,
    });
    expect(verdict(failingMember, ruleSet, "2024-12-10")).toMatchObject(free);
    expect(verdict(member({ score: undefined }), ruleSet, "2024-12-10")).toMatchObject({ ...free, proposalValid: true });
    const failingOrganization = organization({
      score: { general: 0, results: 0 },
      tasks: tasks(10, 1, 0, 0),
      leadershipDisciplines: [{ decidedOn: "2024-03-01" }],
      leadershipMemberDegraded: true,
      fiveTargetsMissed: true,
      disciplinedSubordinateUnits: 1,
      subordinateUnits: 10,
    });
    expect(verdict(failingOrganization, ruleSet, "2024-12-10")).toMatchObject(free);
  });
});

describe("the quota of QD366_HD43 (rating-rules §7.8)", () => {
  const excellent = (id: string, peerGroup = "g") => member({ id, peerGroup, proposed: "EXCELLENT" });
  const good = (id: string, peerGroup = "g") => member({ id, peerGroup, proposed: "GOOD" });
  const group = (e: number, h: number, peerGroup = "g") => [
    ...Array.from({ length: e }, (_, i) => excellent(`${peerGroup}-e${i}`, peerGroup)),
    ...Array.from({ length: h }, (_, i) => good(`${peerGroup}-h${i}`, peerGroup)),
  ];
  const decision = (peerGroup: string, facts: Partial<QuotaOverride> = {}): QuotaOverride => ({
    peerGroup,
    decisionNo: "7-QĐ/ĐU",
    decidedOn: "2026-12-18",
    issuer: "Ban Thường vụ Đảng ủy",
    reason: "Thành tích xuất sắc, nổi trội",
    ...facts,
  });
  const groupOf = (subjects: SubjectInput[], overrides: QuotaOverride[] = [], quotaBase?: "GOOD_ONLY" | "GOOD_AND_EXCELLENT") =>
    evaluate({ ruleSet: "QD366_HD43", ratingDate: RATING_DATE, subjects, overrides, quotaBase }).groups[0];

  it.each<[string, number, number, Partial<QuotaOverride> | null, object]>([
    ["2 and 8 fail at 20 %", 2, 8, null, { maxExcellent: 1, excess: 1, ok: false, overridden: false }],
    ["2 and 8 hold at 25 % by decision", 2, 8, {}, { maxExcellent: 2, excess: 0, ok: true, overridden: true }],
    ["3 and 9 fail even with the decision", 3, 9, {}, { maxExcellent: 2, excess: 1, ok: false, overridden: true }],
    ["2 and 9 fail at 22 %", 2, 9, { ratePercent: 22 }, { maxExcellent: 1, excess: 1, ok: false, overridden: true }],
    ["2 and 10 hold at 22 %", 2, 10, { ratePercent: 22 }, { maxExcellent: 2, excess: 0, ok: true, overridden: true }],
    ["1 and 4 hold at 25 %", 1, 4, { ratePercent: 25 }, { maxExcellent: 1, excess: 0, ok: true, overridden: true }],
    ["1 and 4 fail at 24 %", 1, 4, { ratePercent: 24 }, { maxExcellent: 0, excess: 1, ok: false, overridden: true }],
    ["a decision on a group that does not exceed is reported", 0, 3, {}, { maxExcellent: 0, excess: 0, ok: true, overridden: true }],
  ])("%s", (_name, e, h, override, expected) => {
    expect(groupOf(group(e, h), override ? [decision("g", override)] : [])).toMatchObject(expected);
  });

  it("uses the GOOD_AND_EXCELLENT base with the rate", () => {
    expect(groupOf(group(2, 8), [], "GOOD_AND_EXCELLENT")).toMatchObject({ maxExcellent: 2, ok: true });
    expect(groupOf(group(3, 9), [decision("g")], "GOOD_AND_EXCELLENT")).toMatchObject({ maxExcellent: 3, ok: true });
    expect(groupOf(group(3, 9), [], "GOOD_AND_EXCELLENT")).toMatchObject({ maxExcellent: 2, ok: false });
  });

  it("applies the latest decision naming a group", () => {
    const earlier = decision("g", { decidedOn: "2026-12-01", ratePercent: 25 });
    const later = decision("g", { decidedOn: "2026-12-20", ratePercent: 21 });
    expect(groupOf(group(2, 8), [earlier, later])).toMatchObject({ maxExcellent: 1, ok: false });
    expect(groupOf(group(2, 8), [later, earlier])).toMatchObject({ maxExcellent: 1, ok: false });
    // Same date: the one listed last.
    const sameDay = decision("g", { decidedOn: "2026-12-20", ratePercent: 25 });
    expect(groupOf(group(2, 8), [later, sameDay])).toMatchObject({ maxExcellent: 2, ok: true });
  });

  it("raises the rate of the groups it names only", () => {
    const result = evaluate({
      ruleSet: "QD366_HD43",
      ratingDate: RATING_DATE,
      subjects: [...group(2, 8, "a"), ...group(2, 8, "b")],
      overrides: [decision("b")],
    });
    expect(result.groups.map(({ peerGroup, maxExcellent, ok }) => ({ peerGroup, maxExcellent, ok }))).toEqual([
      { peerGroup: "a", maxExcellent: 1, ok: false },
      { peerGroup: "b", maxExcellent: 2, ok: true },
    ]);
  });
});

describe("reason sets as numbers", () => {
  it("lists every set sorted, and adding a reason twice changes nothing", () => {
    const codes = [...REASON_CODES];
    for (let start = 0; start < codes.length; start++) {
      const picked = codes.filter((_, index) => (index * 7 + start) % 3 === 0);
      let set = 0;
      for (const code of picked) set = withReason(withReason(set, reasonBit(code)), reasonBit(code));
      expect(reasonList(set)).toEqual([...picked].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    expect(reasonList(0)).toEqual([]);
    expect(Object.isFrozen(reasonList(reasonBit("SCORE_UNDER_90")))).toBe(true);
  });
});
