import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { getMemberRatingFacts, updateMemberRatingFacts } from "@/lib/data/record-facts";
import { loadCountedTasks, recountCycleTaskFacts } from "@/lib/data/tasks";
import { countTasks } from "@/lib/review/tasks";
import { actorFor, CURRENT_YEAR, ensureDemoDistrict, orgByCode } from "./fixtures";
import { expectTallyExact } from "./tally";

// The facts of the 100-point rules on a member's record in the demo's review under way: entered by the
// cell's secretary, checked against the cycle's score sheet, audited; never by the member themself.

let secretary: Actor; // bithu, Chi bộ thôn Đông
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let recordId: string;
let memberId: string;

async function inputFor(id: string, actor: Actor, changes: Record<string, unknown> = {}) {
  const data = (await getMemberRatingFacts(actor, id))!;
  return { recordId: data.record.id, expectedVersion: data.record.version, ...data.facts, ...changes };
}

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary] = await Promise.all([actorFor("bithu"), actorFor("bithu2")]);
  const cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  // The demo's review under way counts the tasks from the register (another file may have turned it off).
  await db.$transaction(
    async (tx) => {
      await tx.reviewCycle.update({ where: { id: cycle.id }, data: { options: { taskRegister: true } } });
      await recountCycleTaskFacts(tx, cycle.id, CURRENT_YEAR);
    },
    { timeout: 60_000 },
  );
  const record = await db.reviewRecord.findFirstOrThrow({
    where: {
      cycleId: cycle.id,
      scopeOrgId: cellEast,
      state: { in: ["DRAFT", "SUBMITTED"] },
      memberId: { not: secretary.memberId },
      member: { category: "NOT_IN_POLITICAL_SYSTEM" },
    },
    orderBy: { id: "asc" },
    select: { id: true, memberId: true },
  });
  recordId = record.id;
  memberId = record.memberId!;
});

describe("the facts of a member's record under QD366_HD43", () => {
  it("shows the review under way with the sheet of the member's category", async () => {
    const data = await getMemberRatingFacts(secretary, memberId);
    expect(data).toMatchObject({ cycle: { ruleSet: "QD366_HD43" }, record: { id: recordId }, sheet: { framework: "OUTSIDE_SYSTEM" }, canEdit: true });
  });

  it("saves scores, computes the totals, keeps the register's task counts whatever is typed, and audits the change", async () => {
    const data = (await getMemberRatingFacts(secretary, memberId))!;
    const items = data.sheet.content.groups.flatMap((g) => g.items);
    const scoreItems = Object.fromEntries(items.map((item, i) => [item.key, i === 0 ? item.maxPoints - 0.5 : item.maxPoints]));
    // The demo's review under way counts the tasks from the register: typed numbers are not kept.
    const register = countTasks(await loadCountedTasks(db, { memberId }, CURRENT_YEAR), CURRENT_YEAR);
    expect(register.assigned).toBeGreaterThan(0);
    const input = await inputFor(memberId, secretary, { scoreItems, tasks: { assigned: 40, completed: 40, onTime: 39, exceeded: 13 } });
    await expect(updateMemberRatingFacts(secretary, input)).resolves.toMatchObject({
      totals: { generalTenths: expect.any(Number), resultsTenths: expect.any(Number) },
    });
    const row = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect((row.scoreGeneralTenths ?? 0) + (row.scoreResultsTenths ?? 0)).toBe(995);
    expect(row).toMatchObject({
      tasksAssigned: register.assigned,
      tasksCompleted: register.completed,
      tasksOnTime: register.onTime,
      tasksExceeded: register.exceeded,
      ledUnitsCount: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: recordId, action: "record.facts" }, orderBy: { at: "desc" } });
    expect(audit.actorId).toBe(secretary.userId);
  });

  it("keeps a partial score as typed but gives no total", async () => {
    const data = (await getMemberRatingFacts(secretary, memberId))!;
    const firstKey = data.sheet.content.groups[0].items[0].key;
    await updateMemberRatingFacts(secretary, await inputFor(memberId, secretary, { scoreItems: { [firstKey]: 1 } }));
    const row = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(row).toMatchObject({ scoreItems: { [firstKey]: 1 }, scoreGeneralTenths: null, scoreResultsTenths: null });
  });

  it("refuses a score above its item's maximum, counts out of order, and a stale edit — changing nothing", async () => {
    const before = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId } });
    const data = (await getMemberRatingFacts(secretary, memberId))!;
    const item = data.sheet.content.groups[1].items[0];
    await expect(
      updateMemberRatingFacts(secretary, await inputFor(memberId, secretary, { scoreItems: { [item.key]: item.maxPoints + 0.1 } })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { [`scoreItems.${item.key}`]: "scoreRange" },
    });
    await expect(
      updateMemberRatingFacts(secretary, await inputFor(memberId, secretary, { tasks: { assigned: 3, completed: 4, onTime: 0, exceeded: 0 } })),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(updateMemberRatingFacts(secretary, await inputFor(memberId, secretary, { expectedVersion: before.version - 1 }))).rejects.toMatchObject({
      code: "STALE_EDIT",
    });
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId } })).toEqual(before);
  });

  it("is refused to a secretary of another cell (not found) and to the member on their own record", async () => {
    const before = await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId } });
    await expect(updateMemberRatingFacts(otherSecretary, await inputFor(memberId, secretary))).rejects.toBeInstanceOf(NotFoundError);
    // The secretary is a member of the cell too: their own record is for another officer to fill in.
    const own = await getMemberRatingFacts(secretary, secretary.memberId!);
    expect(own).toMatchObject({ canEdit: false, ownRecord: true });
    await expect(updateMemberRatingFacts(secretary, await inputFor(secretary.memberId!, secretary))).rejects.toMatchObject({ code: "OWN_RECORD" });
    expect(await db.reviewRecord.findUniqueOrThrow({ where: { id: recordId } })).toEqual(before);
  });
});

// Whatever these use cases wrote, the reports' tally still equals a recount of the records.
afterAll(() => expectTallyExact());
