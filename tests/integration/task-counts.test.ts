import { beforeAll, describe, expect, it } from "vitest";
import { db, type DbClient } from "@/lib/data/db";
import { recountCycleTaskFacts } from "@/lib/data/tasks";
import { buildDistrict } from "@/lib/demo/district";
import { writeDistrict } from "@/lib/demo/seed-writer";
import { toIsoDate } from "@/lib/i18n/format";
import { countTasks, usesTaskRegister, type CountedTask } from "@/lib/review/tasks";
import { CURRENT_YEAR } from "./fixtures";

// The demo's review under way counts its records' task facts from the register (lib/demo/tasks.ts): what
// the seed stores must be what the register gives, by the pure count (countTasks) and by the SQL recount
// the cycle runs when it turns the register on (recountCycleTaskFacts), which must agree on every record.
//
// The shared demo district is changed by the other files of the suite (decisions typed on records, facts
// set by hand), so this file writes a demo of its own beside it, with the seed's generator and writer:
// a smaller district under its own namespace, every row as the seed makes it.

const NAMESPACE = "tc";
let cycleId: string;

type Facts = [number | null, number | null, number | null, number | null];
const factsOf = (r: { tasksAssigned: number | null; tasksCompleted: number | null; tasksOnTime: number | null; tasksExceeded: number | null }): Facts => [
  r.tasksAssigned,
  r.tasksCompleted,
  r.tasksOnTime,
  r.tasksExceeded,
];

/** Every record of the cycle with the facts countTasks gives over its subject's tasks of the year, in three queries. */
async function recount(client: DbClient) {
  const tasks = await client.task.findMany({
    where: { year: CURRENT_YEAR, id: { startsWith: `c${NAMESPACE}` } },
    select: { id: true, title: true, memberId: true, organizationId: true, dueOn: true, status: true, outcome: true, doneOn: true, exceeded: true },
  });
  const bySubject = new Map<string, CountedTask[]>();
  for (const t of tasks) {
    const key = t.memberId ?? t.organizationId!;
    const counted: CountedTask = { ...t, dueOn: toIsoDate(t.dueOn), doneOn: t.doneOn ? toIsoDate(t.doneOn) : null };
    const list = bySubject.get(key);
    if (list) list.push(counted);
    else bySubject.set(key, [counted]);
  }
  const records = await client.reviewRecord.findMany({
    where: { cycleId },
    select: { id: true, state: true, memberId: true, organizationId: true, tasksAssigned: true, tasksCompleted: true, tasksOnTime: true, tasksExceeded: true },
    orderBy: { id: "asc" },
  });
  return records.map((r) => {
    const counts = countTasks(bySubject.get(r.memberId ?? r.organizationId!) ?? [], CURRENT_YEAR);
    return {
      id: r.id,
      state: r.state,
      stored: factsOf(r),
      counted: [counts.assigned, counts.completed, counts.onTime, counts.exceeded] as Facts,
      tasks: counts.assigned,
    };
  });
}

beforeAll(async () => {
  const code = `${NAMESPACE.toUpperCase()}-HU`;
  if (!(await db.organization.findUnique({ where: { code }, select: { id: true } }))) {
    await writeDistrict(db, buildDistrict({ currentYear: CURRENT_YEAR, namespace: NAMESPACE, grassroots: 12, members: 1_200 }));
  }
  const cycle = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code }, year: CURRENT_YEAR }, select: { id: true, options: true } });
  expect(usesTaskRegister(cycle.options)).toBe(true);
  cycleId = cycle.id;
});

describe("the demo's task facts", () => {
  it("are on every record of the register's cycle what countTasks gives over the subject's tasks", async () => {
    const records = await recount(db);
    expect(records.length).toBeGreaterThan(1_000);
    // Most records rest on a register of their own; the not rated have none (and store zeros).
    expect(records.filter((r) => r.tasks > 0).length).toBeGreaterThan(1_000);
    expect(records.filter((r) => r.stored.join() !== r.counted.join()).map((r) => `${r.id} ${r.state} ${r.stored} ≠ ${r.counted}`)).toEqual([]);
    // Decided records too: their counts are the ones their levels were decided on.
    expect(records.filter((r) => r.state === "DECIDED").length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r.state))).toEqual(new Set(["DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED", "ABSENT", "NOT_RATED"]));
  });

  it("agree with the SQL recount, which changes nothing on the demo and stores countTasks's counts on every record", async () => {
    const outcome = await db
      .$transaction(
        async (tx) => {
          // Whatever the rest of the suite left, the recount must store what countTasks gives: disturb one
          // open record's facts first, so the statement has something to repair.
          const open = await tx.reviewRecord.findFirstOrThrow({ where: { cycleId, state: "SUBMITTED" }, select: { id: true }, orderBy: { id: "asc" } });
          const before = await recount(tx);
          const inconsistent = before.filter((r) => r.stored.join() !== r.counted.join()).length;
          const unchanged = await recountCycleTaskFacts(tx, cycleId, CURRENT_YEAR);
          await tx.reviewRecord.update({ where: { id: open.id }, data: { tasksAssigned: 999, tasksCompleted: 0, tasksOnTime: 0, tasksExceeded: 0 } });
          const repaired = await recountCycleTaskFacts(tx, cycleId, CURRENT_YEAR);
          const after = await recount(tx);
          // Never kept: the demo is left as it was.
          throw new RolledBack({ inconsistent, unchanged, repaired, after });
        },
        { timeout: 120_000 },
      )
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return error.outcome;
        throw error;
      });
    expect(outcome.inconsistent).toBe(0);
    expect(outcome.unchanged).toBe(0);
    expect(outcome.repaired).toBe(1);
    expect(outcome.after.filter((r) => r.stored.join() !== r.counted.join()).map((r) => r.id)).toEqual([]);
  });
});

class RolledBack extends Error {
  constructor(readonly outcome: { inconsistent: number; unchanged: number; repaired: number; after: Awaited<ReturnType<typeof recount>> }) {
    super("rolled back");
  }
}
