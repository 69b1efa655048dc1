// Seeds an empty database with the demo district (default) or a bigger, same-shaped dataset.
//
//   tsx prisma/seed.ts                          the demo district: 54 grassroots organizations, 4 500 members
//   tsx prisma/seed.ts --grassroots 10 --members 600
//   tsx prisma/seed.ts --province               15 districts of 54 grassroots organizations, 300 000 members
//   options: --districts N  --history-from YEAR (first review year, default 2019)
//            --task-scale N (tasks of the current year's register, times N; the province: 8, about 40 a member)
//            --year YEAR (the review year in progress; default: the one under way today, reviewYearOn)
//
// Run through the launcher (`npm run seed -- …`, or `node scripts/with-db.mjs --seed`), which sets
// DATABASE_URL. The same options, and the same review year, always give the same rows; a non-empty
// database is refused.

import { availableParallelism } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import { writeDistrict } from "../lib/demo/seed-writer";
import { DEMO_PASSWORD } from "../lib/demo/accounts";
import { buildDistrict, describeDataset, DEMO_SIZE, PROVINCE_PRESET, type DistrictOptions } from "../lib/demo/district";
import type { BuiltAccount } from "../lib/demo/types";
import { FIRST_HISTORY_YEAR } from "../lib/demo/years";
import { PrismaClient } from "../lib/generated/prisma/client";
import { reviewYearOn } from "../lib/review/calendar";

const USAGE = "usage: tsx prisma/seed.ts [--grassroots N] [--members N] [--districts N] [--province] [--history-from YEAR] [--year YEAR] [--task-scale N]";

function parseArgs(argv: readonly string[]): DistrictOptions {
  // The clock is read here, once: the generator itself only sees the year.
  const options: DistrictOptions = { currentYear: reviewYearOn(new Date()) };
  let province = false;
  const numbers: Record<string, keyof DistrictOptions> = {
    "--grassroots": "grassroots",
    "--members": "members",
    "--districts": "districts",
    "--history-from": "historyFrom",
    "--year": "currentYear",
    "--task-scale": "taskScale",
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--province") province = true;
    else if (flag === "--help" || flag === "-h") fail(USAGE, 0);
    else if (flag in numbers) {
      const value = Number(argv[++i]);
      // No rule set is known before 2019, so no review year either.
      const least = flag === "--members" ? 0 : flag === "--year" || flag === "--history-from" ? FIRST_HISTORY_YEAR : 1;
      if (!Number.isInteger(value) || value < least) fail(`${flag} needs a whole number of at least ${least}\n${USAGE}`);
      (options[numbers[flag]] as number) = value;
    } else fail(`unknown option ${flag}\n${USAGE}`);
  }
  const preset = province ? PROVINCE_PRESET : DEMO_SIZE;
  return {
    ...options,
    grassroots: options.grassroots ?? preset.grassroots,
    members: options.members ?? preset.members,
    districts: options.districts ?? preset.districts,
    taskScale: options.taskScale ?? (province ? PROVINCE_PRESET.taskScale : undefined),
  };
}

function fail(message: string, code = 1): never {
  (code ? console.error : console.log)(message);
  process.exit(code);
}

function accountsTable(accounts: readonly BuiltAccount[]): string {
  const rows = [
    ["username", "role", "display name", "organization"],
    ...accounts.map((a) => [a.username, a.role, a.displayName, `${a.organizationName} (${a.organizationCode})`]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ");
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // The seed fills an empty database as its owner (and empties it again as the owner when it fails).
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) fail("DATABASE_URL is not set: run the seed through the launcher (npm run seed -- …).");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (await db.organization.findFirst({ select: { id: true } })) {
      fail("The database already has organizations: the seed only fills an empty database (wipe it with npm run db:reset).");
    }
    let started = Date.now();
    const data = buildDistrict(options);
    const built = Date.now() - started;
    console.log(
      `Seeding ${options.districts! > 1 ? `a province of ${options.districts} districts` : "the demo district"}: ${options.grassroots} grassroots organizations per district, ${data.members.length} members (built in ${built} ms)`,
    );
    const cycles = [...new Map(data.cycles.map((c) => [c.year, c])).values()];
    console.log(`Review years: ${cycles.map((c) => `${c.year} ${c.ruleSet} ${c.status}`).join(", ")}`);

    started = Date.now();
    // Big seeds write each table over a few connections at once (not atomic: cleared again on failure).
    const lanes = data.members.length > 50_000 ? Math.min(4, availableParallelism()) : 1;
    const counts = await writeDistrict(db, data, {
      lanes,
      onTable: (table, rows, ms) => {
        if (rows >= 50_000) console.log(`  ${table}: ${rows} rows in ${ms} ms`);
      },
    }).catch(async (error: unknown) => {
      // The database was empty before: leave it empty rather than half-seeded.
      if (lanes > 1) await db.$executeRawUnsafe(`TRUNCATE "Organization", "User" CASCADE`);
      throw error;
    });
    const written = Date.now() - started;
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    const summary = describeDataset(data);

    console.log(`\nWrote ${total} rows in ${written} ms${lanes > 1 ? ` over ${lanes} connections` : ""}:`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(22)} ${n}`);
    console.log(`\nOrganizations by kind: ${JSON.stringify(summary.organizationsByKind)}`);
    console.log(`Members by status:     ${JSON.stringify(summary.membersByStatus)} (probationary: ${summary.probationary})`);
    console.log(`Review records:`);
    for (const [key, n] of Object.entries(summary.recordsByYearAndState)) console.log(`  ${key.padEnd(34)} ${n}`);
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):\n${accountsTable(data.accounts)}`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
