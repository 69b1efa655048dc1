// Benchmark of the committees' decisions (not a test). On a generated district whose largest grassroots
// organization holds about 1,000 members, every member record reviewed and waiting:
//   - the decision desk of that organization (getDecisionDesk), p50/p95 server time;
//   - saving 100 decisions at once (saveDecisions, the 20 % check included), p50/p95;
//   - pairs of concurrent saves on one peer group, each within the cap alone and over it together:
//     how many trials, and in how many the committed state broke the cap (must be 0);
//   - the standing committee's organization desk (getUnitDesk of the district), p50/p95.
//
//   npm run bench:decisions                  options: --members N (4000)  --grassroots N (4)  --trials N (1000)
//
// It runs on a throw-away embedded database of its own (.data/pg-bench-decisions on port 54373;
// EMBEDDED_PG_DIR and EMBEDDED_PG_PORT move it), wiped and seeded in-process by the seed's generator.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fail, wholeNumberOption } from "./lib/cli";
import { portInUse, quantile } from "./lib/http";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => wholeNumberOption(args, name, fallback);
const MEMBERS = option("--members", 4_000);
const GRASSROOTS = option("--grassroots", 4);
const TRIALS = option("--trials", 1_000);
const RUNS = 30;

const log = (message: string) => console.error(`[bench:decisions] ${message}`);

async function launch(): Promise<number> {
  if (process.env.DATABASE_URL) fail("bench:decisions runs on its own embedded database; unset DATABASE_URL.");
  const dir = path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/pg-bench-decisions");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54373);
  if (await portInUse(port)) fail(`port ${port} is in use: stop what listens there, or set EMBEDDED_PG_PORT.`);
  fs.rmSync(dir, { recursive: true, force: true });
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  // react-server: lib/data is server-only, as under Next.
  const result = spawnSync(process.execPath, ["scripts/with-db.mjs", "--", tsx, "--conditions=react-server", "bench/decisions.bench.ts", ...args], {
    stdio: "inherit",
    env: { ...process.env, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port), BENCH_DECISIONS_CHILD: "1" },
  });
  return result.status ?? 1;
}

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function main() {
  const { db } = await import("../lib/data/db");
  const { writeDistrict } = await import("../lib/demo/seed-writer");
  const { loadActor } = await import("../lib/data/actors");
  const { getDecisionDesk, saveDecisions } = await import("../lib/data/decisions");
  const { getUnitDesk } = await import("../lib/data/unit-ratings");
  const { buildDistrict } = await import("../lib/demo/district");
  const { maxExcellent } = await import("../lib/grading");
  const { reviewYearOn } = await import("../lib/review/calendar");

  const year = reviewYearOn(new Date());
  const t0 = performance.now();
  await writeDistrict(db, buildDistrict({ currentYear: year, members: MEMBERS, grassroots: GRASSROOTS }));
  log(`district written in ${((performance.now() - t0) / 1000).toFixed(1)} s (${MEMBERS} members, ${GRASSROOTS} grassroots organizations)`);

  // The grassroots organization with the most member records this year, all of them reviewed and waiting.
  const cycle = (await db.reviewCycle.findFirstOrThrow({ where: { year }, select: { id: true } })).id;
  const [largest] = await db.$queryRaw<{ id: string; members: number; cells: number }[]>`
    SELECT g.id, count(r.id)::int AS members, count(DISTINCT r."scopeOrgId")::int AS cells
      FROM "PeerGroup" g JOIN "ReviewRecord" r ON r."peerGroupId" = g.id
     WHERE g."cycleId" = ${cycle} AND g.kind = 'MEMBER' AND r.state <> 'NOT_RATED'
     GROUP BY g.id ORDER BY count(r.id) DESC LIMIT 1`;
  const group = await db.peerGroup.findUniqueOrThrow({ where: { id: largest.id }, select: { decidingOrgId: true } });
  const orgId = group.decidingOrgId;
  await db.reviewCycle.update({ where: { id: cycle }, data: { status: "DECIDING" } });
  const reset = () =>
    db.$executeRaw`UPDATE "ReviewRecord" SET state = 'REVIEWED', "proposedLevel" = 'GOOD', "decidedLevel" = NULL, version = 0,
      "scoreGeneralTenths" = 290, "scoreResultsTenths" = 660, "tasksAssigned" = 10, "tasksCompleted" = 10, "tasksOnTime" = 10, "tasksExceeded" = 5,
      "shortcomingsNamed" = 0, "shortcomingsRemedied" = 0, "prohibitedActsConcluded" = false, "degradationConcluded" = false
      WHERE "peerGroupId" = ${largest.id} AND state <> 'NOT_RATED'`;
  await reset();
  const user = await db.user.create({
    data: {
      username: "bench-committee",
      passwordHash: "x",
      displayName: "Bench",
      roleAssignments: { create: { role: "GRASSROOTS_COMMITTEE", organizationId: orgId } },
    },
  });
  const actor = (await loadActor(user.id))!;
  const records = (await db.reviewRecord.findMany({ where: { peerGroupId: largest.id, state: "REVIEWED" }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (r) => r.id,
  );
  log(`decision desk: ${largest.members} members in ${largest.cells} cells`);

  const desk = await time(RUNS, () => getDecisionDesk(actor, orgId));
  const save100 = await time(RUNS, async () => {
    await reset();
    await saveDecisions(actor, {
      organizationId: orgId,
      decisions: records.slice(0, 100).map((recordId) => ({ recordId, expectedVersion: 0, level: "GOOD" as const, reason: "" })),
    });
  });

  // Concurrent pairs, each save within the cap alone, over it together.
  const cap = maxExcellent(records.length, "GOOD_ONLY", 20);
  const k = Math.min(cap, 5);
  let broken = 0;
  let refusedOne = 0;
  const c0 = performance.now();
  for (let trial = 0; trial < TRIALS; trial++) {
    await reset();
    // Fill the group to k below the cap, then two saves of k each.
    await db.$executeRaw`UPDATE "ReviewRecord" SET state = 'DECIDED', "decidedLevel" = 'EXCELLENT' WHERE id = ANY(${records.slice(2 * k, 2 * k + cap - k)})`;
    const results = await Promise.allSettled(
      [records.slice(0, k), records.slice(k, 2 * k)].map((ids) =>
        saveDecisions(actor, {
          organizationId: orgId,
          decisions: ids.map((recordId) => ({ recordId, expectedVersion: 0, level: "EXCELLENT" as const, reason: "Tiêu biểu." })),
        }),
      ),
    );
    if (results.filter((r) => r.status === "rejected").length === 1) refusedOne++;
    const excellent = await db.reviewRecord.count({ where: { peerGroupId: largest.id, state: "DECIDED", decidedLevel: "EXCELLENT" } });
    if (excellent > cap) broken++;
  }
  const concurrencySeconds = (performance.now() - c0) / 1000;

  const standing = await db.user.create({
    data: {
      username: "bench-standing",
      passwordHash: "x",
      displayName: "Bench",
      roleAssignments: {
        create: {
          role: "UPPER_STANDING",
          organizationId: (await db.organization.findFirstOrThrow({ where: { kind: "UPPER_COMMITTEE" }, orderBy: { depth: "desc" }, select: { id: true } })).id,
        },
      },
    },
    include: { roleAssignments: true },
  });
  const standingActor = (await loadActor(standing.id))!;
  const units = (await getUnitDesk(standingActor, standing.roleAssignments[0].organizationId))!.units.length;
  const orgDesk = await time(RUNS, () => getUnitDesk(standingActor, standing.roleAssignments[0].organizationId));

  // The minutes page of the largest cell (the secretary's view: every member, the rules, the group's counts).
  const [bigCell] = await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT "scopeOrgId" AS id, count(*)::int AS n FROM "ReviewRecord" WHERE "cycleId" = ${cycle} AND "subjectKind" = 'MEMBER' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  const secretaryUser = await db.user.create({
    data: {
      username: "bench-secretary",
      passwordHash: "x",
      displayName: "Bench",
      roleAssignments: { create: { role: "CELL_SECRETARY", organizationId: bigCell.id } },
    },
  });
  const secretary = (await loadActor(secretaryUser.id))!;
  const { getMeetingPage } = await import("../lib/data/meetings");
  const minutes = await time(RUNS, () => getMeetingPage(secretary, bigCell.id));

  // What the meeting's panel and the desk recompute in the browser when one level changes, upper bound:
  // every verdict of a 1,000-member group again, and the group's 20 % arithmetic (the same pure functions).
  const { evaluateSubject, checkQuota, QUOTA_RULE_20 } = await import("../lib/grading");
  const { recordSubject } = await import("../lib/review/facts");
  const deskData = (await getDecisionDesk(actor, orgId))!;
  const thousand = Array.from({ length: 1000 }, (_, i) => deskData.records[i % deskData.records.length]);
  const recompute = () => {
    let excellent = 0;
    let good = 0;
    for (const r of thousand) {
      const verdict = evaluateSubject(recordSubject(r.standing, r.facts, { peerGroup: "g", proposed: "EXCELLENT" }), {
        ruleSet: deskData.cycle.ruleSet,
        ratingDate: deskData.cycle.ratingDate,
      });
      if (verdict.maxLevel === "EXCELLENT") excellent++;
      else good++;
    }
    return checkQuota({ excellent, good }, "GOOD_ONLY", false, QUOTA_RULE_20);
  };
  for (let i = 0; i < 5; i++) recompute();
  const panel = await time(RUNS, async () => recompute());

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`| Measure | p50 | p95 |`);
  console.log(`|---|---|---|`);
  console.log(`| Decision desk, ${largest.members} members in ${largest.cells} cells | ${ms(desk.p50)} | ${ms(desk.p95)} |`);
  console.log(`| Saving 100 decisions at once (20 % check included) | ${ms(save100.p50)} | ${ms(save100.p95)} |`);
  console.log(`| Standing committee's organization desk, ${units} organizations | ${ms(orgDesk.p50)} | ${ms(orgDesk.p95)} |`);
  console.log(`| Minutes page of the largest cell, ${bigCell.n} members (getMeetingPage) | ${ms(minutes.p50)} | ${ms(minutes.p95)} |`);
  console.log(`| Live panel: 1,000 verdicts and the group's arithmetic recomputed (Node, same code as the browser) | ${ms(panel.p50)} | ${ms(panel.p95)} |`);
  console.log(
    `\nConcurrent pairs on one group (cap ${cap}, ${k} each, ${cap - k} already decided): ${TRIALS} trials in ${concurrencySeconds.toFixed(1)} s; one save refused in ${refusedOne}; cap broken in ${broken}.`,
  );
  await db.$disconnect();
  if (broken > 0) process.exit(1);
}

if (process.env.BENCH_DECISIONS_CHILD) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  launch().then((code) => process.exit(code));
}
