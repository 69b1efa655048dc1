// The command-line odds and ends the benchmarks share.

/** Stops the benchmark with one line on standard error. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** `--name N` among the arguments: a whole number of at least 1, or `fallback` when absent. */
export function wholeNumberOption(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) fail(`${name} needs a whole number of at least 1`);
  return value;
}
