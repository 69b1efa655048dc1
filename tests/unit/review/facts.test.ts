import { describe, expect, it } from "vitest";
import { evaluateSubject } from "@/lib/grading";
import { DEFAULT_SCORE_SHEETS } from "@/lib/grading/score-sheet";
import { memberSubject, type MemberRatingFacts, type MemberStanding } from "@/lib/review/facts";

// The one mapping from a record's stored facts to the rules' input, used by the server and the browser.

const sheet = DEFAULT_SCORE_SHEETS.LEADER;
const fullMarks = Object.fromEntries(sheet.groups.flatMap((g) => g.items.map((i) => [i.key, i.maxPoints])));

const standing = (category: MemberStanding["category"]): MemberStanding => ({
  id: "m1",
  category,
  status: "ACTIVE",
  admittedOn: "2010-01-01",
  disciplines: [],
});

const facts = (changes: Partial<MemberRatingFacts> = {}): MemberRatingFacts => ({
  scoreItems: fullMarks,
  tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 },
  shortcomings: { named: 1, remedied: 1 },
  degradationConcluded: false,
  prohibitedActsConcluded: false,
  ledUnits: { count: 4, notCompleted: 3 },
  lowConfidenceOver50: false,
  corruptionInScope: false,
  fiveTargetsMissed: false,
  forceMajeure: false,
  ...changes,
});

const verdict = (s: MemberStanding, f: MemberRatingFacts) =>
  evaluateSubject(memberSubject(s, f, sheet, { peerGroup: "g", proposed: "EXCELLENT" }), { ruleSet: "QD366_HD43", ratingDate: "2026-12-15" });

describe("memberSubject", () => {
  it("reads a leader's units led: over half not completed forces NOT_COMPLETED", () => {
    expect(verdict(standing("LEADER_MANAGER"), facts())).toMatchObject({ maxLevel: "NOT_COMPLETED", forced: true, reasons: ["LED_UNITS_NOT_COMPLETED"] });
  });

  it("ignores the leader's facts for a member without a post", () => {
    expect(verdict(standing("NON_LEADER_IN_SYSTEM"), facts({ lowConfidenceOver50: true }))).toMatchObject({
      maxLevel: "EXCELLENT",
      forced: false,
      reasons: [],
      proposalValid: true,
    });
  });

  it("gives no score until every item is scored: the rules say SCORE_MISSING, not a partial sum", () => {
    const { [Object.keys(fullMarks)[0]]: _first, ...partial } = fullMarks;
    const result = verdict(standing("NON_LEADER_IN_SYSTEM"), facts({ scoreItems: { ...partial, [Object.keys(fullMarks)[0]]: null } }));
    expect(result.reasons).toEqual(["SCORE_MISSING"]);
    expect(result.proposalValid).toBe(false);
  });

  it("sums the items in tenths: 89.9 caps at GOOD", () => {
    const key = sheet.groups[1].items[0].key; // 25 points
    const result = verdict(standing("NOT_IN_POLITICAL_SYSTEM"), facts({ scoreItems: { ...fullMarks, [key]: 14.9 } }));
    expect(result).toMatchObject({ maxLevel: "GOOD", reasons: ["SCORE_UNDER_90"] });
  });
});
