import { describe, expect, it } from "vitest";
import { formatPath, parseGradingInput } from "@/lib/grading";

// The input document of RULES §6: what it accepts, and the path it names for what it refuses.

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
  overrides: [
    { peerGroup: "communes", decisionNo: "15-QĐ/HU", decidedOn: "2024-12-20", issuer: "Ban Thường vụ Huyện ủy", reason: "…" },
  ],
};

type Document = typeof RULES_EXAMPLE;
const clone = (): Document => structuredClone(RULES_EXAMPLE);

function problemPath(edit: (document: Document & Record<string, unknown>) => void): string | null {
  const document = clone() as Document & Record<string, unknown>;
  edit(document);
  const parsed = parseGradingInput(document);
  return parsed.ok ? null : parsed.problem.path;
}

describe("the input document (RULES §6)", () => {
  it("accepts the example of RULES.md", () => {
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
    ["an organization key on a member", (d) => Object.assign(d.subjects[0], { forceMajeure: true }), "subjects[0].forceMajeure"],
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
    [
      "more disciplined units than units",
      (d) => (d.subjects[1].disciplinedSubordinateUnits = 10),
      "subjects[1].disciplinedSubordinateUnits",
    ],
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
