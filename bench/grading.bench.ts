// Benchmark of lib/grading (not a test): evaluates a generated province (300,000 members in 3,000 peer
// groups, plus its grassroots organizations) and a whole country (5,500,000 members), and prints a table.
//
//   npm run bench:grading                    province and country
//   npm run bench:grading -- --province-only quick run
//   npm run bench:grading -- --country       country only
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { evaluate, parseGradingInput, toReport, type GradingInput } from "../lib/grading";
import { COUNTRY, generateTerritory, PROVINCE, shuffled, type TerritorySize } from "./lib/generate";

interface Row {
  run: string;
  subjects: number;
  groups: number;
  ms: number;
  heapMb: number;
}

const rows: Row[] = [];

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

function evaluateTimed(run: string, input: GradingInput) {
  const { value: result, ms } = timed(() => evaluate(input));
  record(run, result.subjects.length, result.groups.length, ms);
}

/** Lets the optimizing compiler settle on the hot paths before anything is timed. */
function warmUp() {
  const small = generateTerritory({ members: 20_000, memberGroups: 200, districts: 2 }, 1);
  for (let i = 0; i < 5; i++) evaluate(small);
}

function benchProvince() {
  const input = generateTerritory(PROVINCE);
  console.error(`province: ${input.subjects.length} subjects generated`);
  evaluateTimed("province, evaluate", input);
  evaluateTimed("province, evaluate (ids shuffled: output sorted)", {
    ...input,
    subjects: shuffled(input.subjects),
  });

  // The command line's path: JSON text in, validation, evaluation, JSON text out.
  const text = JSON.stringify(input);
  const parsedJson = timed(() => JSON.parse(text) as unknown);
  const validated = timed(() => parseGradingInput(parsedJson.value));
  const parsed = validated.value;
  if (!parsed.ok) throw new Error(`generated input is invalid: ${JSON.stringify(parsed.problem)}`);
  const evaluated = timed(() => evaluate(parsed.input));
  const printed = timed(() => JSON.stringify(toReport(evaluated.value)));
  const groups = evaluated.value.groups.length;
  const total = parsedJson.ms + validated.ms + evaluated.ms + printed.ms;
  record(`province, CLI path: JSON.parse (${Math.round(text.length / 1_048_576)} MB)`, input.subjects.length, groups, parsedJson.ms);
  record("province, CLI path: zod validation", input.subjects.length, groups, validated.ms);
  record("province, CLI path: evaluate", input.subjects.length, groups, evaluated.ms);
  record("province, CLI path: JSON.stringify of the report", input.subjects.length, groups, printed.ms);
  record("province, CLI path: total", input.subjects.length, groups, total);
}

function benchCountry(size: TerritorySize) {
  const generated = timed(() => generateTerritory(size));
  console.error(`country: ${generated.value.subjects.length} subjects generated in ${Math.round(generated.ms)} ms`);
  evaluateTimed("country, evaluate", generated.value);
  evaluateTimed("country, evaluate (ids shuffled: output sorted)", {
    ...generated.value,
    subjects: shuffled(generated.value.subjects),
  });
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

const flags = new Set(process.argv.slice(2));
warmUp();
if (!flags.has("--country")) benchProvince();
if (!flags.has("--province-only")) benchCountry(COUNTRY);
printTable();
