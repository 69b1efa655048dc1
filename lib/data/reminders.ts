import "server-only";
import { can, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { vietnamDay } from "@/lib/review/calendar";
import type { RecordState } from "@/lib/review/workflow";
import { DismissReminderSchema, RemindSchema } from "@/lib/schemas/reminders";
import { command } from "./command";
import { getCurrentCycle } from "./cycles";
import { db } from "./db";
import { authorizeOrg, getOrgAncestry } from "./scope";

// Reminders (nhắc nộp bản kiểm điểm): the cell's secretary, or a committee above the cell, reminds a
// member whose self-review is not in. The member sees it on their home page until they submit or dismiss
// it, and by e-mail when the server has an SMTP server and the member an address. One reminder per member
// and calendar day in Vietnam: the unique key ("memberId", "sentOn") holds it, so officers clicking at
// once remind once. The e-mail goes out after the reminder committed: a mail server that fails does not
// take the reminder back, and the officer is told it was not mailed.

/** The states of a record whose self-review is not in: still a draft, or returned to be corrected. */
export const NOT_SUBMITTED: readonly RecordState[] = ["DRAFT", "RETURNED"];

export type RemindResult = {
  /** Members reminded now. */
  reminded: number;
  /** Members left out because they were already reminded today. */
  alreadyToday: number;
  /** What became of the e-mails: all sent, some failed, no SMTP server, or nobody with an address. */
  mail: "sent" | "failed" | "off" | "none";
};

/**
 * The reminders of one day in the member's calendar, in one transaction with their audit row: what the
 * mail below is sent for, once they committed. Nothing is written when everyone was reminded that day.
 */
const recordReminders = (sentOn: Date) =>
  command({
    input: RemindSchema,
    load: async (tx, input) => {
      const ancestry = await getOrgAncestry(input.cellId, tx);
      return ancestry.length > 0 ? { organizationAncestry: ancestry } : null;
    },
    authorize: (actor, cell) => can(actor, "reminder:send", cell),
    write: async ({ tx, actor, input }) => {
      const cycle = await getCurrentCycle(input.cellId, tx);
      if (!cycle || cycle.status !== "SELF_REVIEW") throw new DomainError("CYCLE_CLOSED");
      const records = await tx.reviewRecord.findMany({
        where: {
          cycleId: cycle.id,
          scopeOrgId: input.cellId,
          subjectKind: "MEMBER",
          state: { in: [...NOT_SUBMITTED] },
          ...(input.recordId ? { id: input.recordId } : {}),
          // An officer does not remind themselves.
          ...(actor.memberId ? { memberId: { not: actor.memberId } } : {}),
        },
        select: { id: true, memberId: true, member: { select: { fullName: true, email: true } } },
      });
      if (input.recordId && records.length === 0) throw new DomainError("REMINDER_NOT_DUE");
      // ON CONFLICT DO NOTHING on ("memberId", "sentOn"): a concurrent send waits for the other's commit
      // and then inserts nothing, so the count below is what was really sent.
      const created = await tx.reminder.createManyAndReturn({
        data: records.map((r) => ({ memberId: r.memberId!, recordId: r.id, sentById: actor.userId, sentOn })),
        skipDuplicates: true,
        select: { id: true, memberId: true },
      });
      const reminded = new Set(created.map((c) => c.memberId));
      const data = { sentOn: sentOn.toISOString().slice(0, 10), records: records.filter((r) => reminded.has(r.memberId!)).map((r) => r.id) };
      return {
        result: { cellId: input.cellId, cycle, created, records },
        audit: created.length > 0 ? { action: "reminder.send", entityId: input.cellId, organizationId: input.cellId, data } : [],
      };
    },
  });

/** Reminds one member of the cell (recordId) or every member who has not submitted. */
export async function remindMembers(actor: Actor, raw: unknown, now: Date = new Date()): Promise<RemindResult> {
  const { cellId, cycle, created, records } = await recordReminders(vietnamDay(now))(actor, raw);
  const recipients = created.flatMap((c) => {
    const record = records.find((r) => r.memberId === c.memberId)!;
    return record.member?.email ? [{ reminderId: c.id, email: record.member.email, fullName: record.member.fullName }] : [];
  });
  let mail: RemindResult["mail"] = "none";
  if (recipients.length > 0 && !mailConfigured()) mail = "off";
  else if (recipients.length > 0) {
    const cell = await db.organization.findUniqueOrThrow({ where: { id: cellId }, select: { name: true } });
    let failed = 0;
    for (const to of recipients) {
      try {
        await sendMail({
          to: to.email,
          subject: `Nhắc nộp bản kiểm điểm năm ${cycle.year}`,
          text: [
            `Kính gửi đồng chí ${to.fullName},`,
            "",
            `${cell.name} nhắc đồng chí hoàn thành và nộp bản tự kiểm điểm năm ${cycle.year} trước ngày ${formatDate(cycle.selfReviewDue)}.`,
            'Đồng chí đăng nhập ứng dụng kiểm điểm, mở "Bản kiểm điểm của tôi" để viết tiếp và nộp.',
            "",
            `Người nhắc: ${actor.displayName}`,
          ].join("\n"),
        });
        await db.reminder.update({ where: { id: to.reminderId }, data: { mailedAt: new Date() } });
      } catch (error) {
        failed += 1;
        console.error("[reminder mail]", error instanceof Error ? error.message : error);
      }
    }
    mail = failed > 0 ? "failed" : "sent";
  }
  return { reminded: created.length, alreadyToday: records.length - created.length, mail };
}

/** The reminders a member still sees: not dismissed, on a record whose self-review is still not in. */
export async function listMyReminders(actor: Actor) {
  if (!actor.memberId) return [];
  const rows = await db.reminder.findMany({
    where: { memberId: actor.memberId, dismissedAt: null, record: { state: { in: [...NOT_SUBMITTED] }, cycle: { status: "SELF_REVIEW" } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      recordId: true,
      sentOn: true,
      sentBy: { select: { displayName: true } },
      record: { select: { cycle: { select: { year: true, selfReviewDue: true } } } },
    },
  });
  // One per record is enough to read: the newest, with its date.
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.recordId) ? false : (seen.add(r.recordId), true)))
    .map((r) => ({
      id: r.id,
      recordId: r.recordId,
      sentOn: r.sentOn,
      sentBy: r.sentBy.displayName,
      year: r.record.cycle.year,
      due: r.record.cycle.selfReviewDue,
    }));
}

/** The member puts a reminder away (and the older ones of the same record with it). */
export const dismissReminder = command({
  input: DismissReminderSchema,
  load: (tx, input) =>
    tx.reminder.findUnique({ where: { id: input.reminderId }, select: { id: true, memberId: true, recordId: true, record: { select: { scopeOrgId: true } } } }),
  authorize: (actor, reminder) => actor.memberId !== null && reminder.memberId === actor.memberId,
  write: async ({ tx, loaded: reminder }) => {
    const dismissed = await tx.reminder.updateMany({
      where: { recordId: reminder.recordId, memberId: reminder.memberId, dismissedAt: null },
      data: { dismissedAt: new Date() },
    });
    return {
      result: { dismissed: dismissed.count },
      audit:
        dismissed.count > 0
          ? { action: "reminder.dismiss", entityId: reminder.recordId, organizationId: reminder.record.scopeOrgId, data: { dismissed: dismissed.count } }
          : [],
    };
  },
});

/** For the cell's list: who was reminded today, and when each member was last reminded. */
export async function lastReminders(actor: Actor, cellId: string, recordIds: string[], now: Date = new Date()) {
  const target = await authorizeOrg(actor, "member:read", cellId);
  const canRemind = can(actor, "reminder:send", target);
  if (!canRemind || recordIds.length === 0) return { canRemind, last: new Map<string, Date>(), today: vietnamDay(now) };
  const rows = await db.reminder.groupBy({ by: ["recordId"], where: { recordId: { in: recordIds } }, _max: { sentOn: true } });
  return { canRemind, last: new Map(rows.map((r) => [r.recordId, r._max.sentOn!])), today: vietnamDay(now) };
}
