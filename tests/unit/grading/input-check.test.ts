import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GradingInputSchema } from "@/lib/grading";
import { isPlainlyValidInput } from "@/lib/grading/input-check";
import { generateTerritory, seededRandom } from "@/bench/lib/generate";
import { PROJECT_ROOT } from "./cli";

// The quick check of the input document (input-check.ts) must never accept what the zod schema refuses:
// a document it accepts is evaluated as it is, and a problem it missed would go unreported. And it must
// accept the common valid documents, or the command line stays slow. Compared here on the worked
// cases, generated territories and thousands of documents mutated one value at a time.

const accepts = (document: unknown) => GradingInputSchema.safeParse(document).success;
const roundTrip = (document: unknown): unknown => JSON.parse(JSON.stringify(document));

const CASES = (JSON.parse(readFileSync(path.resolve(PROJECT_ROOT, "tests/fixtures/grading/cases.json"), "utf8")) as { input: unknown }[]).map(
  (workedCase) => workedCase.input,
);
const TERRITORY = { members: 300, memberGroups: 6, districts: 2 };
const TERRITORIES = [
  roundTrip(generateTerritory(TERRITORY, 1, "QD132_HD21")),
  roundTrip({ ...generateTerritory(TERRITORY, 2, "QD132_HD21"), ruleSet: "QD124_HD25" }),
  roundTrip(generateTerritory(TERRITORY, 3, "QD366_HD43")),
];

// Values that sit on an edge of some field: wrong types, bounds, blanks, impossible dates, other enums.
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  0.5,
  1 / 3,
  20,
  21,
  25,
  26,
  30,
  30.1,
  64.95,
  70,
  366,
  367,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  " x",
  "x",
  "2024-02-29",
  "2024-02-30",
  "2026-12-15",
  "EXCELLENT",
  "NOT_RATED",
  "POOR",
  "LEADER",
  "EXEMPT",
  "MEMBER",
  "ORGANIZATION",
  "GOOD_AND_EXCELLENT",
  "QD366_HD43",
  "QD124_HD25",
  "tccs-000000",
  [],
  ["GOOD"],
  [{ decidedOn: "2024-05-01" }],
  [{ taskResult: true, grade: "GOOD" }],
  {},
  { general: 25, results: 60 },
  { assigned: 2, completed: 2, onTime: 1, exceeded: 0 },
  { named: 1, remedied: 2 },
  { count: 1, notCompleted: 0 },
];

/** Every place in a document: the containers and keys, so one value can be replaced, added or removed. */
function places(node: unknown, found: [Record<string | number, unknown>, string | number][] = []) {
  if (Array.isArray(node)) {
    node.forEach((child, index) => {
      found.push([node as unknown as Record<number, unknown>, index]);
      places(child, found);
    });
  } else if (typeof node === "object" && node !== null) {
    for (const [key, child] of Object.entries(node)) {
      found.push([node as Record<string, unknown>, key]);
      places(child, found);
    }
  }
  return found;
}

const KEYS = ["id", "kind", "peerGroup", "proposed", "score", "tasks", "subordinateUnits", "disciplinedSubordinateUnits", "ratePercent", "category", "extra"];

/** One random edit of a copy: a value replaced, a key removed, a key added, or a subject duplicated. */
function mutated(document: unknown, random: () => number): unknown {
  const copy = structuredClone(document);
  const all = places(copy);
  const [container, key] = all[Math.floor(random() * all.length)];
  const roll = random();
  if (roll < 0.6) container[key] = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  else if (roll < 0.75) {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  } else if (roll < 0.9) {
    if (!Array.isArray(container)) container[KEYS[Math.floor(random() * KEYS.length)]] = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  } else if (Array.isArray(container)) container.push(structuredClone(container[key as number]));
  return copy;
}

describe("the quick check of the input document", () => {
  it("accepts every valid worked case and every generated territory", () => {
    for (const document of [...CASES.filter(accepts), ...TERRITORIES]) {
      expect(accepts(document)).toBe(true);
      expect(isPlainlyValidInput(document)).toBe(true);
    }
  });

  it("accepts nothing the schema refuses, on documents mutated one value at a time", () => {
    const random = seededRandom(19);
    const sources = [
      ...CASES,
      ...TERRITORIES.map((territory) => ({ ...(territory as object), subjects: (territory as { subjects: unknown[] }).subjects.slice(0, 12) })),
    ];
    let refusedBySchema = 0;
    let acceptedByBoth = 0;
    for (let run = 0; run < 4_000; run++) {
      const document = mutated(sources[run % sources.length], random);
      const schemaAccepts = accepts(document);
      if (isPlainlyValidInput(document)) {
        expect({ document, schemaAccepts }).toEqual({ document, schemaAccepts: true });
        acceptedByBoth++;
      }
      if (!schemaAccepts) refusedBySchema++;
    }
    // The mutations reach both sides of the line.
    expect(refusedBySchema).toBeGreaterThan(1_000);
    expect(acceptedByBoth).toBeGreaterThan(500);
  });

  it("refuses an unknown key even when its value is undefined, and a subject given twice out of order", () => {
    const [document] = TERRITORIES as { subjects: Record<string, unknown>[] }[];
    const withUnknown = structuredClone(document);
    withUnknown.subjects[0].maternityLeave = undefined;
    expect(isPlainlyValidInput(withUnknown)).toBe(false);
    expect(accepts(withUnknown)).toBe(false);
    const twice = structuredClone(document);
    twice.subjects.push(structuredClone(twice.subjects[0]));
    expect(isPlainlyValidInput(twice)).toBe(false);
    expect(accepts(twice)).toBe(false);
  });
});
