// Benchmark of lib/grading (not a test): evaluates a generated province (300,000 members in 3,000 peer
// groups, plus its grassroots organizations) and a whole country (5,500,000 members), under the
// criteria rules of QD132_HD21 and the 100-point scale of QD366_HD43, and prints a table.
//
//   npm run bench:grading                                   province and country, both rule sets
//   npm run bench:grading -- --province-only                quick run
//   npm run bench:grading -- --country                      country only
//   npm run bench:grading -- --rule-set=QD366_HD43          one rule set (combines with the above)
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { evaluate, parseGradingInput, toReport, type GradingInput } from "../lib/grading";
import { COUNTRY, generateTerritory, PROVINCE, shuffled, type TerritoryRuleSet, type TerritorySize } from "./lib/generate";

interface Row {
  run: string;
  subjects: number;
  groups: number;
  ms: number;
  heapMb: number;
}

const rows: Row[] = [];

// A full collection before each timed phase, so that no phase pays for the garbage of the one before
// (the npm script cannot pass --expose-gc to node; setting the flag at run time works the same).
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** Timed runs of each evaluation, the best kept (see evaluateTimed). */
const PROVINCE_REPEAT = 5;
const COUNTRY_REPEAT = 2;

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1_048_576;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

function record(run: string, subjects: number, groups: number, ms: number) {
  rows.push({ run, subjects, groups, ms, heapMb: heapMb() });
  console.error(`  ${run}: ${Math.round(ms)} ms`);
}

/**
 * Times `evaluate`, keeping the best of `repeat` runs: on a shared machine single runs vary by a factor
 * of two, and the first run after generating an input also pays for collecting the generator's garbage.
 */
function evaluateTimed(run: string, input: GradingInput, repeat: number) {
  collectGarbage();
  let best = Number.POSITIVE_INFINITY;
  let groups = 0;
  for (let i = 0; i < repeat; i++) {
    // Each result is dropped before the next run: a country's verdicts take gigabytes.
    const attempt = timed(() => evaluate(input).groups.length);
    best = Math.min(best, attempt.ms);
    groups = attempt.value;
  }
  record(repeat > 1 ? `${run} (best of ${repeat})` : run, input.subjects.length, groups, best);
}

/** Lets the optimizing compiler settle on the hot paths before anything is timed. */
function warmUp(ruleSets: readonly TerritoryRuleSet[]) {
  for (const ruleSet of ruleSets) {
    const small = generateTerritory({ members: 20_000, memberGroups: 200, districts: 2 }, 1, ruleSet);
    for (let i = 0; i < 5; i++) evaluate(small);
  }
}

function benchProvince(ruleSet: TerritoryRuleSet) {
  const input = generateTerritory(PROVINCE, undefined, ruleSet);
  const name = `province ${ruleSet}`;
  console.error(`${name}: ${input.subjects.length} subjects generated`);
  evaluateTimed(`${name}, evaluate`, input, PROVINCE_REPEAT);
  const shuffledInput = { ...input, subjects: shuffled(input.subjects) };
  evaluateTimed(`${name}, evaluate, ids shuffled (output sorted)`, shuffledInput, PROVINCE_REPEAT);

  // The command line's path: JSON text in, validation, evaluation, JSON text out.
  const text = JSON.stringify(input);
  collectGarbage();
  const parsedJson = timed(() => JSON.parse(text) as unknown);
  const validated = timed(() => parseGradingInput(parsedJson.value));
  const parsed = validated.value;
  if (!parsed.ok) throw new Error(`generated input is invalid: ${JSON.stringify(parsed.problem)}`);
  const evaluated = timed(() => evaluate(parsed.input));
  const printed = timed(() => JSON.stringify(toReport(evaluated.value)));
  const groups = evaluated.value.groups.length;
  const total = parsedJson.ms + validated.ms + evaluated.ms + printed.ms;
  record(`${name}, CLI path: JSON.parse (${Math.round(text.length / 1_048_576)} MB)`, input.subjects.length, groups, parsedJson.ms);
  record(`${name}, CLI path: zod validation`, input.subjects.length, groups, validated.ms);
  record(`${name}, CLI path: evaluate`, input.subjects.length, groups, evaluated.ms);
  record(`${name}, CLI path: JSON.stringify of the report`, input.subjects.length, groups, printed.ms);
  record(`${name}, CLI path: total`, input.subjects.length, groups, total);
}

function benchCountry(size: TerritorySize, ruleSet: TerritoryRuleSet) {
  const generated = timed(() => generateTerritory(size, undefined, ruleSet));
  const name = `country ${ruleSet}`;
  console.error(`${name}: ${generated.value.subjects.length} subjects generated in ${Math.round(generated.ms)} ms`);
  evaluateTimed(`${name}, evaluate`, generated.value, COUNTRY_REPEAT);
  const shuffledInput = { ...generated.value, subjects: shuffled(generated.value.subjects) };
  evaluateTimed(`${name}, evaluate, ids shuffled (output sorted)`, shuffledInput, COUNTRY_REPEAT);
}

function printTable() {
  const header = ["run", "subjects", "groups", "ms", "subjects/s", "heap MB"];
  const lines = rows.map((row) => [
    row.run,
    row.subjects.toLocaleString("en-US"),
    row.groups.toLocaleString("en-US"),
    Math.round(row.ms).toLocaleString("en-US"),
    Math.round((row.subjects / row.ms) * 1000).toLocaleString("en-US"),
    Math.round(row.heapMb).toLocaleString("en-US"),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(" | ")} |`;
  console.log(format(header));
  // Markdown alignment row: the run name left, the figures right.
  const alignment = widths.map((width, column) => (column === 0 ? `:${"-".repeat(width + 1)}` : `${"-".repeat(width + 1)}:`));
  console.log(`|${alignment.join("|")}|`);
  for (const line of lines) console.log(format(line));
  const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1_048_576);
  console.log(`\nNode ${process.version} on one core; heap limit ${heapLimitMb} MB; heap MB = heap used after the run.`);
}

const args = process.argv.slice(2);
const flags = new Set(args);
const ALL_RULE_SETS: readonly TerritoryRuleSet[] = ["QD132_HD21", "QD366_HD43"];
const chosen = args.find((arg) => arg.startsWith("--rule-set="))?.slice("--rule-set=".length);
if (chosen !== undefined && !ALL_RULE_SETS.includes(chosen as TerritoryRuleSet)) {
  throw new Error(`--rule-set must be one of ${ALL_RULE_SETS.join(", ")}`);
}
const ruleSets = chosen ? [chosen as TerritoryRuleSet] : ALL_RULE_SETS;
warmUp(ruleSets);
if (!flags.has("--country")) for (const ruleSet of ruleSets) benchProvince(ruleSet);
if (!flags.has("--province-only")) for (const ruleSet of ruleSets) benchCountry(COUNTRY, ruleSet);
printTable();
