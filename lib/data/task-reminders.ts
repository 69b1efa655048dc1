import "server-only";
import { todayInVietnam, toIsoDate } from "@/lib/i18n/format";
import type { Actor } from "@/lib/review/permissions";
import { dueSoonOrOverdue } from "@/lib/review/tasks";
import { db } from "./db";
import { authorizeOrg } from "./scope";

// What the task register reminds people of (issue #18): a member's tasks due within a week or overdue,
// on their home page; the results waiting for a confirmer, on theirs; and, on a cell's member list, how
// many tasks each member has overdue or due soon. The rule is dueSoonOrOverdue (lib/review/tasks.ts): a
// task OPEN or RETURNED, due on or before today + 7 days. Only the tasks of this year and the last are
// read: once a year's review is over, its unfinished tasks are counted as not done, not reminded of.

export const DUE_SOON_DAYS = 7;
const REMINDED_TASKS_LIMIT = 20;

/** today + days, `YYYY-MM-DD`. */
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** The years whose tasks are reminded of on `today`: the last one, this one, and the next when the week reaches it. */
function remindedYears(today: string) {
  const year = Number(today.slice(0, 4));
  return { gte: year - 1, lte: Number(addDays(today, DUE_SOON_DAYS).slice(0, 4)) };
}

/**
 * The signed-in member's own tasks due within a week or overdue, most overdue first (index
 * Task(memberId, year, dueOn)). `more` when there are more than the card shows.
 */
export async function listMyDueTasks(actor: Actor, today: string = todayInVietnam()) {
  if (!actor.memberId) return { tasks: [], more: false };
  const rows = await db.task.findMany({
    where: {
      memberId: actor.memberId,
      year: remindedYears(today),
      dueOn: { lte: new Date(addDays(today, DUE_SOON_DAYS)) },
      status: { in: ["OPEN", "RETURNED"] },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: REMINDED_TASKS_LIMIT + 1,
    select: { id: true, title: true, dueOn: true, status: true, returnReason: true },
  });
  const tasks = rows.slice(0, REMINDED_TASKS_LIMIT).map((row) => {
    const dueOn = toIsoDate(row.dueOn);
    return { ...row, dueOn, due: dueSoonOrOverdue({ dueOn, status: row.status }, today, DUE_SOON_DAYS)! };
  });
  return { tasks, more: rows.length > REMINDED_TASKS_LIMIT };
}
export type DueTask = Awaited<ReturnType<typeof listMyDueTasks>>["tasks"][number];

export type MemberTaskCounts = { overdue: number; dueSoon: number };

/**
 * For the members listed on a unit's page: how many tasks each has overdue and due within a week, in one
 * grouped query. Members outside the unit are ignored; members with neither are absent from the map.
 */
export async function countMembersDueTasks(
  actor: Actor,
  unitId: string,
  memberIds: readonly string[],
  today: string = todayInVietnam(),
): Promise<Map<string, MemberTaskCounts>> {
  await authorizeOrg(actor, "member:read", unitId);
  if (memberIds.length === 0) return new Map();
  const years = remindedYears(today);
  const rows = await db.$queryRaw<{ memberId: string; overdue: number; dueSoon: number }[]>`
    SELECT t."memberId",
           (count(*) FILTER (WHERE t."dueOn" < ${today}::date))::int AS overdue,
           (count(*) FILTER (WHERE t."dueOn" >= ${today}::date))::int AS "dueSoon"
      FROM "Task" t
      JOIN "Member" m ON m.id = t."memberId"
      JOIN "OrgClosure" c ON c."descendantId" = m."cellId" AND c."ancestorId" = ${unitId}
     WHERE t."memberId" = ANY(${[...memberIds]}::text[])
       AND t.year BETWEEN ${years.gte} AND ${years.lte}
       AND t.status IN ('OPEN', 'RETURNED')
       AND t."dueOn" <= ${addDays(today, DUE_SOON_DAYS)}::date
     GROUP BY t."memberId"`;
  return new Map(rows.map((r) => [r.memberId, { overdue: r.overdue, dueSoon: r.dueSoon }]));
}
