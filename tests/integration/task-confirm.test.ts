import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { assessQuarter, confirmQuarter } from "@/lib/data/task-quarters";
import { countMembersDueTasks, DUE_SOON_DAYS, listMyDueTasks } from "@/lib/data/task-reminders";
import { confirmTask, countResultsToConfirm, declareTask, getTaskRegister, listResultsToConfirm, reportTask, returnTask } from "@/lib/data/tasks";
import { DomainError } from "@/lib/errors";
import { todayInVietnam, toIsoDate } from "@/lib/i18n/format";
import { canConfirmTasks, NotFoundError, type Actor } from "@/lib/review/permissions";
import { dueSoonOrOverdue, quarterOf, type Quarter } from "@/lib/review/tasks";
import type { TaskResultInput } from "@/lib/schemas/tasks";
import { actorFor, ensureDemoDistrict, orgByCode } from "./fixtures";

// The confirmer's list, the reminders and the quarters on the real database, every task built through the
// register's own commands. Other files may add tasks to the same database: the lists are checked for the
// tasks made here and for the rule over everything they hold, never for an exact length.

let secretary: Actor; // bithu, Chi bộ thôn Đông
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let committee: Actor; // danguy, Đảng bộ xã An Bình above both cells
let cellEast: string;
let cellWest: string;
let ordinary: string; // an ordinary member of thôn Đông
let second: string; // another one
let leader: string; // a leader or manager of thôn Đông
let westMember: string; // a member of thôn Tây

const today = todayInVietnam();
const shift = (days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
};
const ASSIGNED = shift(-40);
const done = (extra: Partial<Extract<TaskResultInput, { outcome: "DONE" }>> = {}): TaskResultInput => ({
  outcome: "DONE",
  doneOn: today,
  product: "Báo cáo kết quả",
  productLink: "",
  exceeded: false,
  exceededGrounds: "",
  ...extra,
});

type Subject = { kind: "MEMBER"; memberId: string } | { kind: "ORGANIZATION"; organizationId: string };
const member = (memberId: string): Subject => ({ kind: "MEMBER", memberId });

async function declare(actor: Actor, subject: Subject, title: string, dueOn: string) {
  const { id } = await declareTask(actor, {
    subject,
    task: { title, source: "Kế hoạch của chi bộ", assignedOn: ASSIGNED, dueOn, expectedProduct: "Sản phẩm", qualityMeasure: "Đúng hạn, đủ nội dung" },
  });
  return id;
}

const versionOf = async (taskId: string) => (await db.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;

async function declareAndReport(actor: Actor, subject: Subject, title: string, dueOn = shift(-5), result: TaskResultInput = done()) {
  const id = await declare(actor, subject, title, dueOn);
  await reportTask(actor, { taskId: id, expectedVersion: await versionOf(id), result });
  return id;
}

/** Someone acting as the given member only (what listMyDueTasks reads is the member behind the account). */
const asMember = (memberId: string, cellId: string): Actor => ({
  userId: secretary.userId,
  displayName: "",
  memberId,
  roles: [{ role: "MEMBER", organizationId: cellId }],
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call was refused").not.toBeNull();
  return error as Error;
}
const code = (error: Error) => (error instanceof DomainError ? error.code : error.name);

/** Each member's tasks overdue and due within the week, by the pure rule over their whole register. */
async function recountDue(memberIds: string[]) {
  const all = await db.task.findMany({
    where: { memberId: { in: memberIds }, year: { gte: Number(today.slice(0, 4)) - 1 } },
    select: { memberId: true, dueOn: true, status: true },
  });
  const recount = new Map<string, { overdue: number; dueSoon: number }>();
  for (const task of all) {
    const due = dueSoonOrOverdue({ dueOn: toIsoDate(task.dueOn), status: task.status }, today, DUE_SOON_DAYS);
    if (!due) continue;
    const entry = recount.get(task.memberId!) ?? { overdue: 0, dueSoon: 0 };
    entry[due] += 1;
    recount.set(task.memberId!, entry);
  }
  return recount;
}
let dueBefore: { overdue: number; dueSoon: number } | undefined;

beforeAll(async () => {
  await ensureDemoDistrict();
  [secretary, otherSecretary, committee] = await Promise.all([actorFor("bithu"), actorFor("bithu2"), actorFor("danguy")]);
  [cellEast, cellWest] = await Promise.all([orgByCode("HU.01.04"), orgByCode("HU.01.05")]);
  const eastMembers = await db.member.findMany({
    where: { cellId: cellEast, status: "ACTIVE", id: { notIn: [secretary.memberId!, committee.memberId ?? ""] } },
    orderBy: { cardNumber: "asc" },
    select: { id: true, category: true },
  });
  // Not the first members by card number: other files take those (fixtures' memberOf).
  [ordinary, second] = eastMembers
    .filter((m) => m.category !== "LEADER_MANAGER")
    .map((m) => m.id)
    .slice(2);
  dueBefore = (await recountDue([ordinary])).get(ordinary);
  // A leader of the cell: the demo's, or an ordinary member made one for this file.
  leader =
    eastMembers.find((m) => m.category === "LEADER_MANAGER")?.id ??
    (await db.member.update({ where: { id: eastMembers.at(-1)!.id }, data: { category: "LEADER_MANAGER" }, select: { id: true } })).id;
  westMember = (
    await db.member.findFirstOrThrow({
      where: { cellId: cellWest, status: "ACTIVE", id: { not: otherSecretary.memberId! } },
      orderBy: { cardNumber: "asc" },
      select: { id: true },
    })
  ).id;
});

describe("the confirmer's list", () => {
  let mine: { ordinary: string; leader: string; own: string; west: string; cell: string; notDone: string; committeeOwn: string | null };

  beforeAll(async () => {
    mine = {
      ordinary: await declareAndReport(secretary, member(ordinary), "Tuyên truyền nghị quyết ở thôn"),
      notDone: await declareAndReport(secretary, member(second), "Vận động hội viên", shift(-2), {
        outcome: "NOT_DONE",
        notDoneReason: "Mưa lũ kéo dài",
        forceMajeure: true,
      }),
      leader: await declareAndReport(secretary, member(leader), "Chỉ đạo kế hoạch quý"),
      // The secretary's own task, kept by the secretary themselves.
      own: await declareAndReport(secretary, member(secretary.memberId!), "Việc của bí thư"),
      west: await declareAndReport(otherSecretary, member(westMember), "Việc ở thôn Tây"),
      // The cell's own task: kept by its secretary, confirmed from above.
      cell: await declareAndReport(secretary, { kind: "ORGANIZATION", organizationId: cellEast }, "Chương trình công tác của chi bộ"),
      committeeOwn: committee.memberId ? await declareAndReport(committee, member(committee.memberId), "Việc của đồng chí đảng ủy viên") : null,
    };
  });

  it("holds the cell's members' reported results for the secretary, not a leader's, never the actor's own, nothing outside the cell", async () => {
    const { tasks, more } = await listResultsToConfirm(secretary);
    const ids = tasks.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([mine.ordinary, mine.notDone]));
    for (const absent of [mine.leader, mine.own, mine.west, mine.cell]) expect(ids).not.toContain(absent);
    // Whatever else the list holds obeys the same rule.
    const rows = await db.task.findMany({
      where: { id: { in: ids } },
      select: { status: true, memberId: true, member: { select: { cellId: true, category: true } } },
    });
    for (const row of rows) {
      expect(row.status).toBe("REPORTED");
      expect(row.member?.cellId).toBe(cellEast);
      expect(row.member?.category).not.toBe("LEADER_MANAGER");
      expect(row.memberId).not.toBe(secretary.memberId);
    }
    // What the row carries for the list: who, which cell, the result.
    const notDone = tasks.find((t) => t.id === mine.notDone)!;
    expect(notDone).toMatchObject({ outcome: "NOT_DONE", notDoneReason: "Mưa lũ kéo dài", forceMajeure: true, unitName: "Chi bộ thôn Đông" });
    expect(more).toBe(false);
    expect(await countResultsToConfirm(secretary)).toBe(tasks.length);
  });

  it("sends the leader's and the cell's own results to the grassroots committee, with the secretary's", async () => {
    const { tasks } = await listResultsToConfirm(committee);
    const ids = tasks.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([mine.ordinary, mine.notDone, mine.leader, mine.own, mine.west, mine.cell]));
    if (mine.committeeOwn) expect(ids).not.toContain(mine.committeeOwn);
    expect(await countResultsToConfirm(committee)).toBe(tasks.length);
  });

  it("shows another cell's secretary nothing of thôn Đông, and a plain member nothing at all", async () => {
    const { tasks } = await listResultsToConfirm(otherSecretary);
    const ids = tasks.map((t) => t.id);
    expect(ids).toContain(mine.west);
    for (const absent of [mine.ordinary, mine.notDone, mine.leader, mine.own, mine.cell]) expect(ids).not.toContain(absent);
    expect(await countResultsToConfirm(otherSecretary)).toBe(tasks.length);
    const plain = asMember(ordinary, cellEast);
    expect((await listResultsToConfirm(plain)).tasks).toEqual([]);
    expect(await countResultsToConfirm(plain)).toBe(0);
  });

  it("counts exactly what canConfirmTasks allows, for every confirmer of the district", async () => {
    for (const username of ["bithu", "bithu2", "danguy", "bantochuc", "thuongvu"]) {
      const actor = await actorFor(username);
      const { tasks, more } = await listResultsToConfirm(actor);
      if (!more) expect(await countResultsToConfirm(actor), username).toBe(tasks.length);
      // And the recount from the table: every REPORTED task whose subject the rule lets this actor confirm.
      const reported = await db.task.findMany({
        where: { status: "REPORTED" },
        select: { id: true, memberId: true, organizationId: true, member: { select: { cellId: true, category: true } } },
      });
      const closure = await db.orgClosure.findMany({ select: { ancestorId: true, descendantId: true } });
      const ancestry = (id: string) => closure.filter((c) => c.descendantId === id).map((c) => c.ancestorId);
      const allowed = reported.filter((t) =>
        canConfirmTasks(
          actor,
          t.member
            ? { kind: "MEMBER", memberId: t.memberId!, leader: t.member.category === "LEADER_MANAGER", cellAncestry: ancestry(t.member.cellId) }
            : { kind: "ORGANIZATION", organizationId: t.organizationId!, ancestry: ancestry(t.organizationId!) },
        ),
      );
      expect(await countResultsToConfirm(actor), username).toBe(allowed.length);
    }
  });

  it("drops a result once it is confirmed or returned", async () => {
    await confirmTask(secretary, { taskId: mine.ordinary, expectedVersion: await versionOf(mine.ordinary) });
    await returnTask(secretary, { taskId: mine.notDone, expectedVersion: await versionOf(mine.notDone), reason: "Xin bổ sung minh chứng" });
    const ids = (await listResultsToConfirm(secretary)).tasks.map((t) => t.id);
    expect(ids).not.toContain(mine.ordinary);
    expect(ids).not.toContain(mine.notDone);
  });
});

describe("reminders", () => {
  let expected: { overdue: string; returned: string; dueSoon: string; today: string };
  let excluded: string[];

  beforeAll(async () => {
    const returned = await declareAndReport(secretary, member(ordinary), "Bị trả lại, đã quá hạn", shift(-1));
    await returnTask(secretary, { taskId: returned, expectedVersion: await versionOf(returned), reason: "Thiếu sản phẩm" });
    expected = {
      overdue: await declare(secretary, member(ordinary), "Đã quá hạn", shift(-3)),
      returned,
      dueSoon: await declare(secretary, member(ordinary), "Sắp đến hạn", shift(DUE_SOON_DAYS)),
      today: await declare(secretary, member(ordinary), "Đến hạn hôm nay", today),
    };
    const confirmed = await declareAndReport(secretary, member(ordinary), "Đã xác nhận", shift(1));
    await confirmTask(secretary, { taskId: confirmed, expectedVersion: await versionOf(confirmed) });
    excluded = [
      await declare(secretary, member(ordinary), "Còn xa", shift(DUE_SOON_DAYS + 1)),
      await declareAndReport(secretary, member(ordinary), "Đã báo cáo, chờ xác nhận", shift(2)),
      confirmed,
      // Another member's task: never on this member's card.
      await declare(secretary, member(second), "Việc của người khác", shift(1)),
    ];
  });

  it("lists exactly the member's tasks due within a week or overdue, with no result reported, most overdue first", async () => {
    const { tasks, more } = await listMyDueTasks(asMember(ordinary, cellEast), today);
    const ids = tasks.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(expected)));
    for (const id of excluded) expect(ids).not.toContain(id);
    // Exactly the pure rule over the member's whole register (this year and the last).
    const all = await db.task.findMany({
      where: { memberId: ordinary, year: { gte: Number(today.slice(0, 4)) - 1 } },
      select: { id: true, dueOn: true, status: true },
    });
    const due = all.filter((t) => dueSoonOrOverdue({ dueOn: toIsoDate(t.dueOn), status: t.status }, today, DUE_SOON_DAYS) !== null);
    expect(more).toBe(false);
    expect(new Set(ids)).toEqual(new Set(due.map((t) => t.id)));
    expect(tasks.map((t) => t.dueOn)).toEqual([...tasks.map((t) => t.dueOn)].sort());
    expect(tasks.find((t) => t.id === expected.overdue)?.due).toBe("overdue");
    expect(tasks.find((t) => t.id === expected.returned)).toMatchObject({ due: "overdue", status: "RETURNED", returnReason: "Thiếu sản phẩm" });
    expect(tasks.find((t) => t.id === expected.dueSoon)?.due).toBe("dueSoon");
    expect(tasks.find((t) => t.id === expected.today)?.due).toBe("dueSoon");
  });

  it("gives an account with no member behind it nothing", async () => {
    expect(await listMyDueTasks({ ...secretary, memberId: null }, today)).toEqual({ tasks: [], more: false });
  });

  it("counts each listed member's overdue and due-soon tasks in one query, equal to a recount", async () => {
    const members = await db.member.findMany({ where: { cellId: cellEast }, select: { id: true } });
    const counts = await countMembersDueTasks(secretary, cellEast, [...members.map((m) => m.id), westMember], today);
    const recount = await recountDue(members.map((m) => m.id));
    expect(counts).toEqual(recount);
    // The demo's own tasks of the member, and this file's two overdue and two due soon.
    expect(counts.get(ordinary)).toEqual({ overdue: (dueBefore?.overdue ?? 0) + 2, dueSoon: (dueBefore?.dueSoon ?? 0) + 2 });
    // A member outside the unit asked about is not answered for.
    expect(counts.has(westMember)).toBe(false);
  });

  it("refuses the counts of a cell outside the actor's scope", async () => {
    expect(code(await failure(countMembersDueTasks(otherSecretary, cellEast, [ordinary], today)))).toBe("NotFoundError");
    await expect(countMembersDueTasks(otherSecretary, cellEast, [ordinary], today)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("quarters", () => {
  const year = Number(today.slice(0, 4));
  const quarter = quarterOf(today) as Quarter;
  const leaderSubject = () => member(leader);

  const reviewOf = async (memberId: string) =>
    db.taskQuarterReview.findUnique({ where: { memberId_year_quarter: { memberId, year, quarter } }, select: { id: true, version: true, selfLevel: true } });

  it("is assessed for a leader, refused for an ordinary member and for a quarter not begun", async () => {
    expect(code(await failure(assessQuarter(secretary, { subject: member(ordinary), year, quarter, expectedVersion: null, level: "GOOD", note: "" })))).toBe(
      "INVALID_INPUT",
    );
    expect(
      code(await failure(assessQuarter(secretary, { subject: leaderSubject(), year: year + 1, quarter: 1, expectedVersion: null, level: "GOOD", note: "" }))),
    ).toBe("INVALID_INPUT");
    // Another cell's secretary keeps no register of thôn Đông.
    expect(
      code(await failure(assessQuarter(otherSecretary, { subject: leaderSubject(), year, quarter, expectedVersion: null, level: "GOOD", note: "" }))),
    ).toBe("NotFoundError");
    await assessQuarter(secretary, { subject: leaderSubject(), year, quarter, expectedVersion: null, level: "GOOD", note: "Hoàn thành các việc của quý" });
    const review = await reviewOf(leader);
    expect(review?.selfLevel).toBe("GOOD");
    // Assessing again is an edit of the version read: an older one is refused.
    expect(
      code(await failure(assessQuarter(secretary, { subject: leaderSubject(), year, quarter, expectedVersion: null, level: "EXCELLENT", note: "" }))),
    ).toBe("STALE_EDIT");
    await assessQuarter(secretary, { subject: leaderSubject(), year, quarter, expectedVersion: review!.version, level: "EXCELLENT", note: "Vượt kế hoạch" });
    expect((await reviewOf(leader))?.selfLevel).toBe("EXCELLENT");
  });

  it("is confirmed by the committee (not the cell's secretary), at the version read, then fixed", async () => {
    const review = (await reviewOf(leader))!;
    expect(code(await failure(confirmQuarter(secretary, { quarterId: review.id, expectedVersion: review.version, level: "GOOD", note: "" })))).toBe(
      "NotFoundError",
    );
    expect(code(await failure(confirmQuarter(committee, { quarterId: review.id, expectedVersion: review.version - 1, level: "GOOD", note: "" })))).toBe(
      "STALE_EDIT",
    );
    await confirmQuarter(committee, { quarterId: review.id, expectedVersion: review.version, level: "GOOD", note: "Đảng ủy xác nhận mức tốt" });
    const after = (await reviewOf(leader))!;
    expect(
      code(await failure(assessQuarter(secretary, { subject: leaderSubject(), year, quarter, expectedVersion: after.version, level: "EXCELLENT", note: "" }))),
    ).toBe("TASK_STATE");
    // What the panel reads: the quarter's self-assessment and the committee's level, never a level of the year.
    const register = await getTaskRegister(committee, leaderSubject(), year);
    expect(register.canConfirm).toBe(true);
    expect(register.quarterReviews.find((r) => r.quarter === quarter)).toMatchObject({
      selfLevel: "EXCELLENT",
      confirmedLevel: "GOOD",
      confirmedNote: "Đảng ủy xác nhận mức tốt",
    });
    expect(register.quarters).toHaveLength(4);
  });
});
