import "server-only";
import { DomainError } from "@/lib/errors";
import { todayInVietnam } from "@/lib/i18n/format";
import { canConfirmTasks, canKeepTasks } from "@/lib/review/permissions";
import { quarterBounds, type Quarter } from "@/lib/review/tasks";
import { AssessQuarterSchema, ConfirmQuarterSchema } from "@/lib/schemas/tasks";
import { command, rowAudit } from "./command";
import { loadTaskSubject, type LoadedSubject } from "./tasks";

// The quarters of a leader's or an organization's year (Kết luận 198-KL/TW evaluates leaders and managers
// every quarter): the subject's own assessment — a level and a note — and the committee's confirmation.
// They are shown beside the year-end review; no rule turns them into the year's level.

/** Quarters are assessed for leaders and managers, and for organizations; an ordinary member's year has none. */
const assessed = (subject: LoadedSubject) => subject.kind === "ORGANIZATION" || subject.leader;

const subjectColumns = (subject: LoadedSubject) =>
  subject.kind === "MEMBER"
    ? { subjectKind: "MEMBER" as const, memberId: subject.memberId }
    : { subjectKind: "ORGANIZATION" as const, organizationId: subject.organizationId };

/** The subject's assessment of a quarter that has begun: written, or rewritten until the committee confirms it. */
export const assessQuarter = command({
  input: AssessQuarterSchema,
  load: async (tx, input) => {
    const subject = await loadTaskSubject(
      tx,
      input.subject.kind === "MEMBER" ? { memberId: input.subject.memberId } : { organizationId: input.subject.organizationId },
    );
    if (!subject) return null;
    const where =
      subject.kind === "MEMBER"
        ? { memberId_year_quarter: { memberId: subject.memberId, year: input.year, quarter: input.quarter } }
        : { organizationId_year_quarter: { organizationId: subject.organizationId, year: input.year, quarter: input.quarter } };
    const existing = await tx.taskQuarterReview.findUnique({ where, select: { id: true, version: true, selfLevel: true, selfNote: true, confirmedAt: true } });
    return { subject, existing };
  },
  authorize: (actor, { subject }) => canKeepTasks(actor, subject),
  write: async ({ tx, input, loaded: { subject, existing } }) => {
    if (!assessed(subject)) throw new DomainError("INVALID_INPUT", { quarter: "invalid" });
    if (quarterBounds(input.year, input.quarter as Quarter).from > todayInVietnam()) throw new DomainError("INVALID_INPUT", { quarter: "quarterNotBegun" });
    if (existing?.confirmedAt) throw new DomainError("TASK_STATE");
    if ((existing?.version ?? null) !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const values = { selfLevel: input.level, selfNote: input.note, selfAt: new Date() };
    const row = existing
      ? await tx.taskQuarterReview.update({ where: { id: existing.id }, data: { ...values, version: { increment: 1 } }, select: { id: true, version: true } })
      : await tx.taskQuarterReview.create({
          data: { ...subjectColumns(subject), year: input.year, quarter: input.quarter, ...values },
          select: { id: true, version: true },
        });
    const before = existing?.selfLevel ? { year: input.year, quarter: input.quarter, level: existing.selfLevel, note: existing.selfNote ?? "" } : null;
    return {
      result: row,
      audit: rowAudit({ id: row.id, organizationId: subject.unitId }, "taskQuarter.assess", {
        before,
        after: { year: input.year, quarter: input.quarter, level: input.level, note: input.note },
      }),
    };
  },
});

/** The committee confirms a quarter's assessment, with its own level and note; the assessment is then fixed. */
export const confirmQuarter = command({
  input: ConfirmQuarterSchema,
  load: async (tx, input) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TaskQuarterReview" WHERE id = ${input.quarterId} FOR UPDATE`;
    if (locked.length === 0) return null;
    const row = await tx.taskQuarterReview.findUniqueOrThrow({
      where: { id: input.quarterId },
      select: {
        id: true,
        memberId: true,
        organizationId: true,
        year: true,
        quarter: true,
        selfLevel: true,
        selfNote: true,
        confirmedLevel: true,
        confirmedNote: true,
        version: true,
      },
    });
    const subject = await loadTaskSubject(tx, row);
    return subject ? { row, subject } : null;
  },
  authorize: (actor, { subject }) => canConfirmTasks(actor, subject),
  write: async ({ tx, actor, input, loaded: { row, subject } }) => {
    if (!row.selfLevel) throw new DomainError("TASK_STATE");
    if (row.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const updated = await tx.taskQuarterReview.update({
      where: { id: row.id },
      data: { confirmedLevel: input.level, confirmedNote: input.note, confirmedAt: new Date(), confirmedById: actor.userId, version: { increment: 1 } },
      select: { id: true, version: true },
    });
    return {
      result: updated,
      audit: rowAudit({ id: row.id, organizationId: subject.unitId }, "taskQuarter.confirm", {
        before: { level: row.confirmedLevel, note: row.confirmedNote },
        after: { level: input.level, note: input.note },
        self: { year: row.year, quarter: row.quarter, level: row.selfLevel, note: row.selfNote ?? "" },
      }),
    };
  },
});
