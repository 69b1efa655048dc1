import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateSubject, levelRefusal, LEVELS_OR_NOT_RATED, parseGradingInput, type SubjectInput } from "@/lib/grading";
import { PROJECT_ROOT } from "./cli";

// levelRefusal is what every write of a level asks (server and browser): it must say "refused" exactly
// when the rules call that level's proposal invalid, for every subject of every worked case and every
// level — and name the cause the verdict shows.

const cases = JSON.parse(readFileSync(path.resolve(PROJECT_ROOT, "tests/fixtures/grading/cases.json"), "utf8")) as { name: string; input: unknown }[];

describe("levelRefusal", () => {
  it("refuses exactly the levels whose proposal the rules call invalid, on every worked case", () => {
    let checked = 0;
    for (const workedCase of cases) {
      const parsed = parseGradingInput(workedCase.input);
      if (!parsed.ok) continue; // the invalid documents of the command line's own tests
      const { ruleSet, ratingDate, subjects } = parsed.input;
      for (const subject of subjects as SubjectInput[]) {
        const verdict = evaluateSubject(subject, { ruleSet, ratingDate });
        for (const level of LEVELS_OR_NOT_RATED) {
          const withLevel = evaluateSubject({ ...subject, proposed: level }, { ruleSet, ratingDate });
          expect(levelRefusal(verdict, level) === null, `${workedCase.name} · ${subject.id} · ${level}`).toBe(withLevel.proposalValid);
          expect(levelRefusal(withLevel)).toBe(levelRefusal(verdict, level));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  const member = (facts: Partial<SubjectInput> = {}) =>
    ({ id: "m", kind: "MEMBER", peerGroup: "g", proposed: "GOOD", score: { general: 25, results: 55 }, ...facts }) as SubjectInput;
  const at = (subject: SubjectInput, level: Parameters<typeof levelRefusal>[1]) =>
    levelRefusal(evaluateSubject(subject, { ruleSet: "QD366_HD43", ratingDate: "2026-12-15" }), level);

  it("names the cause", () => {
    expect(at(member(), "GOOD")).toBeNull();
    expect(at(member(), "EXCELLENT")).toBe("LEVEL_ABOVE_RULES");
    expect(at(member({ score: undefined }), "COMPLETED")).toBe("SCORE_MISSING");
    expect(at(member({ score: undefined, reviewDone: false }), "COMPLETED")).toBe("REVIEW_MISSING");
    expect(at(member({ admittedOn: "2026-10-01" }), "GOOD")).toBe("NOT_RATED_BY_RULES");
    expect(at(member({ admittedOn: "2026-10-01" }), "NOT_RATED")).toBeNull();
    expect(at(member(), "NOT_RATED")).toBe("NOT_RATED_BY_RULES");
    expect(at(member({ prohibitedActsConcluded: true }), "COMPLETED")).toBe("LEVEL_ABOVE_RULES");
    expect(at(member({ prohibitedActsConcluded: true }), "NOT_COMPLETED")).toBeNull();
  });
});
