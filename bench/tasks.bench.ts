// Benchmark of the task register (not a test): the use cases behind a member's register, the confirmers'
// lists, the recount of one record's task facts, the task facts of a whole decision desk, and what the
// register costs in storage. Timed as the server runs them (their SQL and the arithmetic, without HTML).
//
//   npm run bench:tasks                          on the database of `npm start` (the demo district)
//   EMBEDDED_PG_DIR=.data/pg-bench EMBEDDED_PG_PORT=54339 npm run bench:tasks     after `npm run seed -- --province`
//   options: --runs N (default 30)
//
// Run through the launcher (the npm script does), which sets DATABASE_URL; `--conditions=react-server`
// lets lib/data load outside Next. It changes nothing: the recount runs in a transaction rolled back, and the
// committee account the desk needs is removed again.
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/review/permissions";
import { loadActor } from "../lib/data/actors";
import { db } from "../lib/data/db";
import { getDecisionDesk } from "../lib/data/decisions";
import { getTaskRegister, listResultsToConfirm, syncRecordTaskFacts } from "../lib/data/tasks";
import { quantile } from "./lib/http";

const args = process.argv.slice(2);
const RUNS = Math.max(30, Number(args[args.indexOf("--runs") + 1]) || 30);

async function actor(username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadActor(user.id))!;
}

async function time(label: string, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 2) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const result = { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
  console.log(`| ${label} | ${result.p50.toFixed(1)} ms | ${result.p95.toFixed(1)} ms |`);
  return result;
}

/** Rolls a transaction back once its work is timed. */
class Rollback extends Error {}

async function main() {
  const cycle = await db.reviewCycle.findFirstOrThrow({ where: { status: "SELF_REVIEW" }, orderBy: { year: "desc" }, select: { id: true, year: true } });
  const year = cycle.year;
  const [tasks, members, organizations] = await Promise.all([db.task.count({ where: { year } }), db.member.count(), db.organization.count()]);
  console.log(`\n${members} members, ${organizations} organizations, ${tasks} tasks in ${year}; ${RUNS} runs after 2 warm-ups\n`);

  const admin = await actor("quantri");
  const secretary = await actor("bithu");
  const committee = await actor("danguy");
  // The member with the largest register of the year: the heaviest page a member's register shows.
  const [busiest] = await db.$queryRaw<{ memberId: string; tasks: number }[]>`
    SELECT "memberId", count(*)::int AS tasks FROM "Task" WHERE year = ${year} AND "memberId" IS NOT NULL
     GROUP BY "memberId" ORDER BY count(*) DESC, "memberId" LIMIT 1`;
  const record = await db.reviewRecord.findFirstOrThrow({ where: { memberId: busiest.memberId, cycle: { year } }, select: { id: true, state: true } });

  console.log("| use case | p50 | p95 |\n|---|---:|---:|");
  await time(`a member's register (getTaskRegister, ${busiest.tasks} tasks)`, () =>
    getTaskRegister(admin, { kind: "MEMBER", memberId: busiest.memberId }, year),
  );
  const waitingCell = (await listResultsToConfirm(secretary)).tasks.length;
  await time(`results to confirm, cell secretary (bithu, ${waitingCell} waiting)`, () => listResultsToConfirm(secretary));
  const waitingCommittee = await listResultsToConfirm(committee);
  await time(`results to confirm, grassroots committee (danguy, ${waitingCommittee.tasks.length}${waitingCommittee.more ? "+" : ""} waiting)`, () =>
    listResultsToConfirm(committee),
  );
  await time(`recount of one record (syncRecordTaskFacts, ${busiest.tasks} tasks, ${record.state})`, () =>
    db
      .$transaction(async (tx) => {
        await syncRecordTaskFacts(tx, { memberId: busiest.memberId }, year, null);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      }),
  );

  // The largest grassroots organization's decision desk as the committee opens it, with the cycle counting
  // its task facts from the register and without: the facts themselves are the records' four columns
  // (kept by syncRecordTaskFacts), so the register's cost is the titles of the tasks behind the caps that
  // name tasks (late, not completed), loaded in one query (loadDeskTaskCaps). The option is put back.
  const [largest] = await db.$queryRaw<{ id: string; members: number }[]>`
    SELECT g."decidingOrgId" AS id, count(r.id)::int AS members
      FROM "PeerGroup" g JOIN "ReviewRecord" r ON r."peerGroupId" = g.id
     WHERE g."cycleId" = ${cycle.id} AND g.kind = 'MEMBER'
     GROUP BY g."decidingOrgId" ORDER BY count(r.id) DESC LIMIT 1`;
  // A committee account over that organization, for the desk (removed at the end).
  const deskUser = await db.user.upsert({
    where: { username: "bench-tasks-committee" },
    update: {},
    create: {
      username: "bench-tasks-committee",
      passwordHash: "x",
      displayName: "Bench",
      roleAssignments: { create: { role: "GRASSROOTS_COMMITTEE", organizationId: largest.id } },
    },
  });
  const deskActor = (await loadActor(deskUser.id))!;
  const { options } = await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { options: true } });
  const withOption = (taskRegister: boolean) =>
    db.reviewCycle.update({ where: { id: cycle.id }, data: { options: { ...((options as object | null) ?? {}), taskRegister } } });
  const openDesk = () => getDecisionDesk(deskActor, largest.id);
  await withOption(false);
  const without = await time(`decision desk of the largest organization (${largest.members} members), the register not used`, openDesk);
  await withOption(true);
  const withRegister = await time(`the same desk, its task facts from the register (titles behind the caps)`, openDesk);
  await db.reviewCycle.update({ where: { id: cycle.id }, data: { options: options ?? {} } });
  const pct = (ms: number, of: number) => `${ms >= of ? "+" : ""}${((100 * (ms - of)) / of).toFixed(0)} %`;
  console.log(`\nThe register on the desk: p50 ${pct(withRegister.p50, without.p50)}, p95 ${pct(withRegister.p95, without.p95)} (aim: at most +10 %).`);

  await db.roleAssignment.deleteMany({ where: { userId: deskUser.id } });
  await db.user.delete({ where: { id: deskUser.id } });

  // Storage: the tables with their indexes and TOAST (pg_total_relation_size), per 1,000 tasks.
  const [sizes] = await db.$queryRaw<{ task: bigint; file: bigint; quarter: bigint; tasks: bigint; files: bigint; fileBytes: bigint }[]>`
    SELECT pg_total_relation_size('"Task"') AS task, pg_total_relation_size('"TaskFile"') AS file,
           pg_total_relation_size('"TaskQuarterReview"') AS quarter,
           (SELECT count(*) FROM "Task") AS tasks, (SELECT count(*) FROM "TaskFile") AS files,
           (SELECT coalesce(sum(size), 0) FROM "TaskFile") AS "fileBytes"`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const perThousand = (bytes: bigint) => kb((Number(bytes) * 1000) / Math.max(1, Number(sizes.tasks)));
  console.log(
    `\nStorage: Task ${(Number(sizes.task) / 1e6).toFixed(1)} MB for ${sizes.tasks} tasks = ${perThousand(sizes.task)} per 1,000 tasks (rows and indexes); ` +
      `TaskFile ${(Number(sizes.file) / 1e6).toFixed(1)} MB for ${sizes.files} files (${kb(Number(sizes.fileBytes))} of content) = ${perThousand(sizes.file)} per 1,000 tasks; ` +
      `TaskQuarterReview ${(Number(sizes.quarter) / 1e6).toFixed(1)} MB.`,
  );
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
