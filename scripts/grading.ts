// `npm run --silent grading -- FILE`: evaluates one input document (docs/rating-rules.md §6, §7.9) read from FILE, or from
// standard input when FILE is `-`, and prints the result. Exit 0 when evaluated, whatever it found;
// exit 2 with one line on standard error, and nothing on standard output, when the input is invalid.
//
// Built for a province's file (300,000 subjects, 100 MB): the text is read as one buffer and decoded
// once, the common valid document is checked without zod (lib/grading/input-check.ts), which is loaded
// only to word a problem, and the modules are imported one by one rather than through the barrel,
// which would load zod at start.
import { readFileSync } from "node:fs";
import { evaluate } from "../lib/grading/evaluate";
import { isPlainlyValidInput } from "../lib/grading/input-check";
import { toReport } from "../lib/grading/report";
import type { GradingInput } from "../lib/grading/types";

const INVALID_INPUT = 2;
/** A byte-order mark, as some Windows editors write, is not part of the document. */
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

async function readSource(file: string): Promise<Buffer> {
  if (file !== "-") return readFileSync(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function fail(message: string): never {
  // One line, whatever the message holds.
  process.stderr.write(`invalid input: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(INVALID_INPUT);
}

async function main(args: string[]): Promise<void> {
  if (args.length !== 1) fail("usage: npm run --silent grading -- FILE (a JSON file, or - for standard input)");
  const file = args[0];

  let bytes: Buffer;
  try {
    bytes = await readSource(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }

  let document: unknown;
  try {
    const start = bytes.subarray(0, 3).equals(BYTE_ORDER_MARK) ? 3 : 0;
    document = JSON.parse(bytes.toString("utf8", start));
  } catch (error) {
    fail(`JSON không hợp lệ: ${(error as Error).message}`);
  }

  let input: GradingInput;
  if (isPlainlyValidInput(document)) {
    input = document;
  } else {
    const { parseGradingInput } = await import("../lib/grading/input-schema");
    const parsed = parseGradingInput(document);
    if (!parsed.ok) fail(`${parsed.problem.path}: ${parsed.problem.message}`);
    input = parsed.input;
  }

  process.stdout.write(JSON.stringify(toReport(evaluate(input))));
  process.stdout.write("\n");
}

await main(process.argv.slice(2));
