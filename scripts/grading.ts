// `npm run --silent grading -- FILE`: evaluates one input document (docs/rating-rules.md §6, §7.9) read from FILE, or from
// standard input when FILE is `-`, and prints the result. Exit 0 when evaluated, whatever it found;
// exit 2 with one line on standard error, and nothing on standard output, when the input is invalid.
import { readFile } from "node:fs/promises";
import { evaluate, parseGradingInput, toReport } from "../lib/grading";

const INVALID_INPUT = 2;

async function readSource(file: string): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function fail(message: string): never {
  // One line, whatever the message holds.
  process.stderr.write(`invalid input: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(INVALID_INPUT);
}

async function main(args: string[]): Promise<void> {
  if (args.length !== 1) fail("usage: npm run --silent grading -- FILE (a JSON file, or - for standard input)");
  const file = args[0];

  let text: string;
  try {
    text = await readSource(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }

  let document: unknown;
  try {
    // A byte-order mark, as some Windows editors write, is not part of the document.
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    fail(`JSON không hợp lệ: ${(error as Error).message}`);
  }

  const parsed = parseGradingInput(document);
  if (!parsed.ok) fail(`${parsed.problem.path}: ${parsed.problem.message}`);

  process.stdout.write(`${JSON.stringify(toReport(evaluate(parsed.input)))}\n`);
}

await main(process.argv.slice(2));
