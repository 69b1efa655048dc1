import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inBatches, PROJECT_ROOT, runGrading, runViaNpm, type CommandResult } from "./cli";

// Every worked case of the rating rules (docs/rating-rules.md), through the command line exactly as a user runs it.

interface WorkedCase {
  name: string;
  input: unknown;
  expected: unknown;
}

const CASES_FILE = path.resolve(PROJECT_ROOT, "tests/fixtures/grading/cases.json");
const CONCURRENCY = 3;

const validInput = () => ({
  ruleSet: "QD132_HD21",
  ratingDate: "2024-12-10",
  subjects: [
    { id: "m1", kind: "MEMBER", peerGroup: "g", proposed: "GOOD" },
    { id: "m2", kind: "MEMBER", peerGroup: "g", proposed: "COMPLETED" },
  ],
});

/** Invalid inputs: each must exit 2 with one line on stderr naming `path`, and print nothing. */
const INVALID: { name: string; document: () => string; path: string }[] = [
  {
    name: "an unknown key",
    document: () => {
      const input = validInput();
      Object.assign(input.subjects[1], { maternityLeave: true });
      return JSON.stringify(input);
    },
    path: "subjects[1].maternityLeave",
  },
  {
    name: "an unknown top-level key",
    document: () => JSON.stringify({ ...validInput(), year: 2024 }),
    path: "year",
  },
  {
    name: "a date that is not on the calendar",
    document: () => {
      const input = validInput();
      Object.assign(input.subjects[1], { admittedOn: "2024-02-30" });
      return JSON.stringify(input);
    },
    path: "subjects[1].admittedOn",
  },
  {
    name: "a malformed rating date",
    document: () => JSON.stringify({ ...validInput(), ratingDate: "10/12/2024" }),
    path: "ratingDate",
  },
  {
    name: "a value outside its list",
    document: () => {
      const input = validInput();
      input.subjects[0].proposed = "VERY_GOOD";
      return JSON.stringify(input);
    },
    path: "subjects[0].proposed",
  },
  {
    name: "an unknown rule set",
    document: () => JSON.stringify({ ...validInput(), ruleSet: "QD999_HD99" }),
    path: "ruleSet",
  },
  {
    name: "a duplicate id",
    document: () => {
      const input = validInput();
      input.subjects[1].id = "m1";
      return JSON.stringify(input);
    },
    path: "subjects[1].id",
  },
  {
    name: "a peer group holding both kinds",
    document: () => {
      const input = validInput();
      input.subjects.push({ id: "o1", kind: "ORGANIZATION", peerGroup: "g", proposed: "GOOD" });
      return JSON.stringify(input);
    },
    path: "subjects[2].peerGroup",
  },
  {
    name: "an override naming no peer group of the input",
    document: () =>
      JSON.stringify({
        ...validInput(),
        overrides: [{ peerGroup: "other", decisionNo: "15-QĐ/HU", decidedOn: "2024-12-20", issuer: "BTV", reason: "…" }],
      }),
    path: "overrides[0].peerGroup",
  },
  {
    name: "an override lacking one of its fields",
    document: () =>
      JSON.stringify({
        ...validInput(),
        overrides: [{ peerGroup: "g", decisionNo: "15-QĐ/HU", decidedOn: "2024-12-20", reason: "…" }],
      }),
    path: "overrides[0].issuer",
  },
  {
    name: "a score with two decimal places",
    document: () =>
      JSON.stringify({
        ruleSet: "QD366_HD43",
        ratingDate: "2026-12-15",
        subjects: [{ id: "m1", kind: "MEMBER", peerGroup: "g", proposed: "GOOD", score: { general: 25, results: 64.95 } }],
      }),
    path: "subjects[0].score.results",
  },
  {
    name: "a raised rate under a rule set without one",
    document: () =>
      JSON.stringify({
        ...validInput(),
        overrides: [{ peerGroup: "g", decisionNo: "15-QĐ/HU", decidedOn: "2024-12-20", issuer: "BTV", reason: "…", ratePercent: 25 }],
      }),
    path: "overrides[0].ratePercent",
  },
  { name: "a required field missing", document: () => JSON.stringify({ ...validInput(), ratingDate: undefined }), path: "ratingDate" },
  { name: "text that is not JSON", document: () => '{ "ruleSet": ', path: "JSON" },
];

let directory: string;
let cases: WorkedCase[];
let caseRuns: CommandResult[];
let stdinRun: CommandResult;
let npmRun: CommandResult;
let invalidRuns: CommandResult[];
let missingFileRun: CommandResult;

// About 60 runs of the command, three at a time: some 20 s on an idle two-core machine, several times that
// when the rest of the suite runs beside it (npm test runs its phases at once), hence the generous limit:
// it catches a command that hangs, it does not time one.
beforeAll(async () => {
  cases = JSON.parse(await readFile(CASES_FILE, "utf8")) as WorkedCase[];
  directory = await mkdtemp(path.join(os.tmpdir(), "grading-cases-"));
  const caseFiles = await Promise.all(
    cases.map(async (workedCase, index) => {
      const file = path.join(directory, `case-${index}.json`);
      await writeFile(file, JSON.stringify(workedCase.input));
      return file;
    }),
  );
  const invalidFiles = await Promise.all(
    INVALID.map(async (invalid, index) => {
      const file = path.join(directory, `invalid-${index}.json`);
      await writeFile(file, invalid.document());
      return file;
    }),
  );
  const runs = await inBatches<CommandResult>(
    [
      ...caseFiles.map((file) => () => runGrading(file)),
      ...invalidFiles.map((file) => () => runGrading(file)),
      () => runGrading("-", JSON.stringify(cases[0].input)),
      () => runViaNpm(caseFiles[1]),
      () => runGrading(path.join(directory, "no-such-file.json")),
    ],
    CONCURRENCY,
  );
  caseRuns = runs.slice(0, cases.length);
  invalidRuns = runs.slice(cases.length, cases.length + INVALID.length);
  [stdinRun, npmRun, missingFileRun] = runs.slice(cases.length + INVALID.length);
}, 600_000);

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

function expectEvaluated(run: CommandResult, expected: unknown) {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual(expected);
}

describe("npm run --silent grading -- FILE, on the worked cases of cases.json", () => {
  it("has cases to run, for every rule set", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(cases.filter((workedCase) => workedCase.name.startsWith("366 ")).length).toBeGreaterThanOrEqual(24);
  });

  it("prints each case's expected output", () => {
    for (const [index, workedCase] of cases.entries()) {
      expect.soft(caseRuns[index].stderr, workedCase.name).toBe("");
      expect.soft(caseRuns[index].code, workedCase.name).toBe(0);
      expect.soft(JSON.parse(caseRuns[index].stdout || "null"), workedCase.name).toEqual(workedCase.expected);
    }
  });

  it("reads standard input when FILE is -", () => {
    expectEvaluated(stdinRun, cases[0].expected);
  });

  it("runs through the npm script", () => {
    expectEvaluated(npmRun, cases[1].expected);
  });
});

describe("npm run --silent grading -- FILE, on invalid input", () => {
  it.each(INVALID.map((invalid, index) => [invalid.name, index] as const))("rejects %s", (_name, index) => {
    const run = invalidRuns[index];
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^invalid input: [^\n]+\n$/);
    expect(run.stderr).toContain(INVALID[index].path);
  });

  it("rejects a missing file with one line", () => {
    expect(missingFileRun.code).toBe(2);
    expect(missingFileRun.stdout).toBe("");
    expect(missingFileRun.stderr).toMatch(/^invalid input: cannot read [^\n]+ENOENT\n$/);
  });
});
