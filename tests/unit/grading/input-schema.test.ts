import { describe, expect, it } from "vitest";
import { formatPath, parseGradingInput } from "@/lib/grading";

// The input document of rating-rules §6: what it accepts, and the path it names for what it refuses.

const RULES_EXAMPLE = {
  ruleSet: "QD132_HD21",
  ratingDate: "2024-12-10",
  quotaBase: "GOOD_ONLY",
  subjects: [
    {
      id: "m1",
      kind: "MEMBER",
      peerGroup: "tccs-1",
      proposed: "EXCELLENT",
      status: "ACTIVE",
      admittedOn: "2010-03-02",
      reviewDone: true,
      criteria: [
        { taskResult: true, grade: "EXCELLENT" },
        { taskResult: false, grade: "GOOD" },
      ],
      civilServantLevel: "EXCELLENT",
      disciplines: [{ decidedOn: "2024-05-01", selfDetectedAndRemedied: false, countedInEarlierYear: false }],
      degradationConcluded: false,
      targetsCompletedPercent: 100,
      sickLeaveDays: 0,
    },
    {
      id: "o1",
      kind: "ORGANIZATION",
      peerGroup: "communes",
      proposed: "GOOD",
      establishedOn: "1990-01-01",
      reviewDone: true,
      criteria: [],
      subordinateLevels: ["GOOD", "EXCELLENT", "COMPLETED"],
      subordinateUnits: 9,
      disciplinedSubordinateUnits: 1,
      localBodiesAtLeastGood: true,
      leadershipDisciplined: false,
      disunityConcluded: false,
      targetsCompletedPercent: 100,
      forceMajeure: false,
    },
  ],
  overrides: [{ peerGroup: "communes", decisionNo: "15-QĐ/HU", decidedOn: "2024-12-20", issuer: "Ban Thường vụ Huyện ủy", reason: "…" }],
};

type Document = typeof RULES_EXAMPLE;
const clone = (): Document => structuredClone(RULES_EXAMPLE);

function problemPath(edit: (document: Document & Record<string, unknown>) => void): string | null {
  const document = clone() as Document & Record<string, unknown>;
  edit(document);
  const parsed = parseGradingInput(document);
  return parsed.ok ? null : parsed.problem.path;
}

describe("the input document (rating-rules §6)", () => {
  it("accepts the example of the rules document (§6)", () => {
    expect(parseGradingInput(clone())).toEqual({ ok: true, input: RULES_EXAMPLE });
  });

  it("accepts the required fields alone", () => {
    const parsed = parseGradingInput({
      ruleSet: "QD124_HD25",
      ratingDate: "2024-12-10",
      subjects: [{ id: "m1", kind: "MEMBER", peerGroup: "g", proposed: "NOT_RATED" }],
    });
    expect(parsed.ok).toBe(true);
  });

  it.each<[string, (document: Document & Record<string, unknown>) => void, string]>([
    ["an empty document", (d) => Object.keys(d).forEach((key) => delete d[key]), "ruleSet"],
    ["a member key on an organization", (d) => Object.assign(d.subjects[1], { sickLeaveDays: 3 }), "subjects[1].sickLeaveDays"],
    ["an organization key on a member", (d) => Object.assign(d.subjects[0], { leadershipDisciplined: true }), "subjects[0].leadershipDisciplined"],
    ["an unknown key in a discipline", (d) => Object.assign(d.subjects[0].disciplines![0], { form: "cảnh cáo" }), "subjects[0].disciplines[0].form"],
    ["an unknown key in an override", (d) => Object.assign(d.overrides[0], { signer: "x" }), "overrides[0].signer"],
    ["an unknown kind", (d) => Object.assign(d.subjects[0], { kind: "LEADER" }), "subjects[0].kind"],
    ["a missing kind", (d) => delete (d.subjects[0] as Record<string, unknown>).kind, "subjects[0].kind"],
    ["a missing proposal", (d) => delete (d.subjects[1] as Record<string, unknown>).proposed, "subjects[1].proposed"],
    ["a blank id", (d) => (d.subjects[1].id = "  "), "subjects[1].id"],
    ["an unknown status", (d) => (d.subjects[0].status = "RETIRED"), "subjects[0].status"],
    ["an unknown criterion grade", (d) => (d.subjects[0].criteria[1].grade = "FAIR"), "subjects[0].criteria[1].grade"],
    ["a civil-service NOT_RATED", (d) => (d.subjects[0].civilServantLevel = "NOT_RATED"), "subjects[0].civilServantLevel"],
    ["an unknown subordinate level", (d) => (d.subjects[1].subordinateLevels![2] = "FAILED"), "subjects[1].subordinateLevels[2]"],
    ["an unknown quota base", (d) => (d.quotaBase = "ALL"), "quotaBase"],
    ["a bad discipline date", (d) => (d.subjects[0].disciplines![0].decidedOn = "2023-02-29"), "subjects[0].disciplines[0].decidedOn"],
    ["a bad establishment date", (d) => (d.subjects[1].establishedOn = "1990-1-1"), "subjects[1].establishedOn"],
    ["a bad override date", (d) => (d.overrides[0].decidedOn = "2024-12-32"), "overrides[0].decidedOn"],
    ["a date with a time", (d) => (d.ratingDate = "2024-12-10T00:00:00Z"), "ratingDate"],
    ["a blank decision number", (d) => (d.overrides[0].decisionNo = ""), "overrides[0].decisionNo"],
    ["a missing override reason", (d) => delete (d.overrides[0] as Record<string, unknown>).reason, "overrides[0].reason"],
    ["a negative percentage", (d) => (d.subjects[0].targetsCompletedPercent = -1), "subjects[0].targetsCompletedPercent"],
    ["a negative sick leave", (d) => (d.subjects[0].sickLeaveDays = -1), "subjects[0].sickLeaveDays"],
    ["a fractional unit count", (d) => (d.subjects[1].subordinateUnits = 8.5), "subjects[1].subordinateUnits"],
    ["more disciplined units than units", (d) => (d.subjects[1].disciplinedSubordinateUnits = 10), "subjects[1].disciplinedSubordinateUnits"],
    ["a string for a boolean", (d) => Object.assign(d.subjects[0], { reviewDone: "yes" }), "subjects[0].reviewDone"],
    ["a duplicate id", (d) => (d.subjects[1].id = "m1"), "subjects[1].id"],
    ["a peer group of both kinds", (d) => (d.subjects[1].peerGroup = "tccs-1"), "subjects[1].peerGroup"],
    ["an override naming no group", (d) => (d.overrides[0].peerGroup = "tccs-2"), "overrides[0].peerGroup"],
  ])("refuses %s, naming %s", (_name, edit, path) => {
    expect(problemPath(edit)).toBe(path);
  });

  it("explains in Vietnamese", () => {
    const parsed = parseGradingInput({ ...clone(), ratingDate: "2024-02-30" });
    expect(parsed).toEqual({
      ok: false,
      problem: { path: "ratingDate", message: expect.stringMatching(/^ngày không hợp lệ/) },
    });
  });
});

describe("formatPath", () => {
  it.each<[PropertyKey[], string]>([
    [[], "(gốc)"],
    [["ruleSet"], "ruleSet"],
    [["subjects", 3, "admittedOn"], "subjects[3].admittedOn"],
    [["subjects", 0, "criteria", 1, "grade"], "subjects[0].criteria[1].grade"],
  ])("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

// rating-rules §7.9: the facts of the 100-point scale, accepted under every rule set, each bad value refused with its path.
const DOCUMENT_366 = {
  ruleSet: "QD366_HD43",
  ratingDate: "2026-12-15",
  subjects: [
    {
      id: "l1",
      kind: "MEMBER",
      peerGroup: "tccs-1",
      proposed: "GOOD",
      category: "LEADER",
      score: { general: 27.5, results: 0.1 + 0.2 },
      tasks: { assigned: 10, completed: 9, onTime: 8, exceeded: 3 },
      shortcomings: { named: 2, remedied: 1 },
      prohibitedActsConcluded: false,
      ledUnits: { count: 4, notCompleted: 1 },
      lowConfidenceOver50: false,
      corruptionInScope: false,
      fiveTargetsMissed: false,
      forceMajeure: true,
    },
    {
      id: "o1",
      kind: "ORGANIZATION",
      peerGroup: "communes",
      proposed: "EXCELLENT",
      score: { general: 30, results: 70 },
      tasks: { assigned: 0, completed: 0, onTime: 0, exceeded: 0 },
      shortcomings: { named: 0, remedied: 0 },
      disciplinedSubordinateUnits: 1,
      leadershipDisciplines: [{ decidedOn: "2026-03-01", selfDetectedAndRemedied: true }],
      leadershipMemberDegraded: false,
      fiveTargetsMissed: false,
      forceMajeure: false,
    },
  ],
  overrides: [{ peerGroup: "communes", decisionNo: "7-QĐ/ĐU", decidedOn: "2026-12-18", issuer: "Ban Thường vụ Đảng ủy", reason: "…", ratePercent: 22 }],
};

type Document366 = typeof DOCUMENT_366;

function problemPath366(edit: (document: Document366 & Record<string, unknown>) => void): string | null {
  const document = structuredClone(DOCUMENT_366) as Document366 & Record<string, unknown>;
  edit(document);
  const parsed = parseGradingInput(document);
  return parsed.ok ? null : parsed.problem.path;
}

describe("the facts of the 100-point scale (rating-rules §7.9)", () => {
  it("accepts them, with a disciplined unit and no unit count", () => {
    expect(parseGradingInput(structuredClone(DOCUMENT_366))).toEqual({ ok: true, input: DOCUMENT_366 });
  });

  it("accepts them under the older rule sets, without a raised rate", () => {
    expect(
      problemPath366((d) => {
        d.ruleSet = "QD124_HD25";
        d.ratingDate = "2024-12-10";
        delete (d.overrides[0] as Record<string, unknown>).ratePercent;
        d.subjects[1].disciplinedSubordinateUnits = 0;
      }),
    ).toBeNull();
  });

  it.each<[string, (document: Document366 & Record<string, unknown>) => void, string]>([
    ["a general score above 30", (d) => (d.subjects[0].score.general = 30.1), "subjects[0].score.general"],
    ["a negative general score", (d) => (d.subjects[0].score.general = -0.1), "subjects[0].score.general"],
    ["a results score above 70", (d) => (d.subjects[1].score.results = 70.5), "subjects[1].score.results"],
    ["a score with two decimal places", (d) => (d.subjects[0].score.results = 64.95), "subjects[0].score.results"],
    ["a score of a third", (d) => (d.subjects[0].score.general = 1 / 3), "subjects[0].score.general"],
    ["a score as text", (d) => Object.assign(d.subjects[0].score, { general: "25" }), "subjects[0].score.general"],
    ["a score without its results", (d) => delete (d.subjects[0].score as Record<string, unknown>).results, "subjects[0].score.results"],
    ["a score with a total", (d) => Object.assign(d.subjects[0].score, { total: 90 }), "subjects[0].score.total"],
    ["more tasks completed than assigned", (d) => (d.subjects[0].tasks.completed = 11), "subjects[0].tasks.completed"],
    ["more on time than completed", (d) => (d.subjects[0].tasks.onTime = 10), "subjects[0].tasks.onTime"],
    ["more exceeded than completed", (d) => (d.subjects[0].tasks.exceeded = 10), "subjects[0].tasks.exceeded"],
    ["a fractional task count", (d) => (d.subjects[0].tasks.assigned = 10.5), "subjects[0].tasks.assigned"],
    ["a negative task count", (d) => (d.subjects[1].tasks.exceeded = -1), "subjects[1].tasks.exceeded"],
    ["tasks without on time", (d) => delete (d.subjects[0].tasks as Record<string, unknown>).onTime, "subjects[0].tasks.onTime"],
    ["more remedied than named", (d) => (d.subjects[0].shortcomings.remedied = 3), "subjects[0].shortcomings.remedied"],
    ["a fractional shortcoming count", (d) => (d.subjects[1].shortcomings.named = 0.5), "subjects[1].shortcomings.named"],
    ["more units led failing than led", (d) => (d.subjects[0].ledUnits!.notCompleted = 5), "subjects[0].ledUnits.notCompleted"],
    ["a negative number of units led", (d) => (d.subjects[0].ledUnits!.count = -1), "subjects[0].ledUnits.count"],
    ["an unknown category", (d) => (d.subjects[0].category = "RETIRED"), "subjects[0].category"],
    ["a category on an organization", (d) => Object.assign(d.subjects[1], { category: "LEADER" }), "subjects[1].category"],
    ["units led on an organization", (d) => Object.assign(d.subjects[1], { ledUnits: { count: 1, notCompleted: 0 } }), "subjects[1].ledUnits"],
    ["prohibited acts on an organization", (d) => Object.assign(d.subjects[1], { prohibitedActsConcluded: true }), "subjects[1].prohibitedActsConcluded"],
    ["low confidence on an organization", (d) => Object.assign(d.subjects[1], { lowConfidenceOver50: true }), "subjects[1].lowConfidenceOver50"],
    ["corruption in scope on an organization", (d) => Object.assign(d.subjects[1], { corruptionInScope: true }), "subjects[1].corruptionInScope"],
    ["leadership disciplines on a member", (d) => Object.assign(d.subjects[0], { leadershipDisciplines: [] }), "subjects[0].leadershipDisciplines"],
    [
      "a leadership member degraded on a member",
      (d) => Object.assign(d.subjects[0], { leadershipMemberDegraded: true }),
      "subjects[0].leadershipMemberDegraded",
    ],
    [
      "a bad leadership discipline date",
      (d) => (d.subjects[1].leadershipDisciplines![0].decidedOn = "2026-02-30"),
      "subjects[1].leadershipDisciplines[0].decidedOn",
    ],
    [
      "an unknown key in a leadership discipline",
      (d) => Object.assign(d.subjects[1].leadershipDisciplines![0], { form: "khiển trách" }),
      "subjects[1].leadershipDisciplines[0].form",
    ],
    ["a boolean as text", (d) => Object.assign(d.subjects[0], { lowConfidenceOver50: "yes" }), "subjects[0].lowConfidenceOver50"],
    ["more disciplined units than units, both given", (d) => Object.assign(d.subjects[1], { subordinateUnits: 0 }), "subjects[1].disciplinedSubordinateUnits"],
    ["a raised rate of 20", (d) => (d.overrides[0].ratePercent = 20), "overrides[0].ratePercent"],
    ["a raised rate of 26", (d) => (d.overrides[0].ratePercent = 26), "overrides[0].ratePercent"],
    ["a fractional raised rate", (d) => (d.overrides[0].ratePercent = 22.5), "overrides[0].ratePercent"],
    [
      "a raised rate under QD124_HD25",
      (d) => {
        d.ruleSet = "QD124_HD25";
        d.subjects[1].disciplinedSubordinateUnits = 0;
      },
      "overrides[0].ratePercent",
    ],
    ["a raised rate under QD132_HD21", (d) => (d.ruleSet = "QD132_HD21"), "overrides[0].ratePercent"],
  ])("refuses %s, naming %s", (_name, edit, path) => {
    expect(problemPath366(edit)).toBe(path);
  });

  it("still needs the unit count beside disciplined units under the older rule sets", () => {
    const path = problemPath366((d) => {
      d.ruleSet = "QD132_HD21";
      delete (d.overrides[0] as Record<string, unknown>).ratePercent;
    });
    expect(path).toBe("subjects[1].disciplinedSubordinateUnits");
  });

  it("explains in Vietnamese", () => {
    const document = structuredClone(DOCUMENT_366);
    document.subjects[0].score.results = 64.95;
    expect(parseGradingInput(document)).toEqual({
      ok: false,
      problem: { path: "subjects[0].score.results", message: "điểm chỉ được có tối đa một chữ số thập phân" },
    });
  });
});
