import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, toReport, type GradingInput } from "@/lib/grading";
import { generateTerritory, shuffled } from "@/bench/lib/generate";
import { PROJECT_ROOT } from "./cli";

// The evaluation is tuned for speed (issue #19); its answers must not move. These digests of the whole
// result and of the command line's report were recorded before the tuning, on generated territories of
// mixed shapes (three rule sets, both quota bases, sorted and shuffled ids, overrides with and without a
// rate). A deliberate change of the rules re-records them: GRADING_DIGESTS_RECORD=1 npx vitest run <this file>.

const DIGESTS_FILE = path.resolve(PROJECT_ROOT, "tests/fixtures/grading/digests.json");
const SMALL = { members: 12_000, memberGroups: 150, districts: 3 };

const INPUTS: Record<string, () => GradingInput> = {
  "QD132_HD21, sorted": () => generateTerritory(SMALL, 1, "QD132_HD21"),
  "QD132_HD21, shuffled, GOOD_AND_EXCELLENT": () => {
    const input = generateTerritory(SMALL, 2, "QD132_HD21");
    return { ...input, quotaBase: "GOOD_AND_EXCELLENT", subjects: shuffled(input.subjects, 3) };
  },
  "QD124_HD25, sorted": () => ({ ...generateTerritory(SMALL, 4, "QD132_HD21"), ruleSet: "QD124_HD25" }),
  "QD366_HD43, sorted": () => generateTerritory(SMALL, 5, "QD366_HD43"),
  "QD366_HD43, shuffled, no quota base given": () => {
    const input = generateTerritory({ members: 9_000, memberGroups: 60, districts: 2 }, 6, "QD366_HD43");
    return { ...input, quotaBase: undefined, subjects: shuffled(input.subjects, 7) };
  },
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function digestsOf(input: GradingInput) {
  const result = evaluate(input);
  return { result: sha256(JSON.stringify(result)), report: sha256(JSON.stringify(toReport(result))) };
}

describe("the evaluation's answers on generated territories", () => {
  if (process.env.GRADING_DIGESTS_RECORD === "1") {
    it("records the digests", () => {
      const digests = Object.fromEntries(Object.entries(INPUTS).map(([name, input]) => [name, digestsOf(input())]));
      writeFileSync(DIGESTS_FILE, `${JSON.stringify(digests, null, 2)}\n`);
    });
    return;
  }

  const recorded = JSON.parse(readFileSync(DIGESTS_FILE, "utf8")) as Record<string, ReturnType<typeof digestsOf>>;
  it("covers every recorded input", () => {
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(INPUTS).sort());
  });
  for (const [name, input] of Object.entries(INPUTS)) {
    it(`gives the recorded verdicts and groups: ${name}`, () => {
      expect(digestsOf(input())).toEqual(recorded[name]);
    });
  }
});
