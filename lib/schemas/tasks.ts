import { z } from "zod";
import { id, isoDate, line, trimmedParagraph } from "./text";
import { version } from "./versions";
import { QUARTERS } from "@/lib/review/tasks";

// The forms of the task register (lib/review/tasks.ts). Messages are keys of "errors.*".

const required = (max: number) => z.string({ message: "required" }).trim().min(1, { message: "required" }).pipe(line(max));
const requiredText = (max: number) => z.string({ message: "required" }).trim().min(1, { message: "required" }).pipe(trimmedParagraph(max));
const day = isoDate({ minYear: 2000, maxYear: 2100 });

/** A link to where a product lives: http or https only (never javascript: or data:). */
const productLink = z
  .string({ message: "invalid" })
  .trim()
  .max(1_000, { message: "tooLong" })
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), { message: "invalidLink" });

export const TaskSubjectSchema = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("MEMBER"), memberId: id }), z.object({ kind: z.literal("ORGANIZATION"), organizationId: id })],
  { message: "invalid" },
);
export type TaskSubjectInput = z.input<typeof TaskSubjectSchema>;

/** What a task is: its title, where it comes from, when it was given and is due, what it must produce and how its quality is judged. */
export const TaskFieldsSchema = z
  .object({
    title: required(300),
    source: required(300),
    assignedOn: day,
    dueOn: day,
    expectedProduct: requiredText(1_000),
    qualityMeasure: requiredText(1_000),
  })
  .refine((task) => task.assignedOn <= task.dueOn, { path: ["dueOn"], message: "dueBeforeAssigned" });
export type TaskFieldsInput = z.input<typeof TaskFieldsSchema>;

export const DeclareTaskSchema = z.object({ subject: TaskSubjectSchema, task: TaskFieldsSchema });
export type DeclareTaskInput = z.input<typeof DeclareTaskSchema>;

export const EditTaskSchema = z.object({ taskId: id, expectedVersion: version, task: TaskFieldsSchema });
export type EditTaskInput = z.input<typeof EditTaskSchema>;

/** A result: done (when, the product, whether it exceeded what was asked and on what grounds) or not done (why, and whether force majeure). */
export const TaskResultSchema = z.discriminatedUnion(
  "outcome",
  [
    z.object({
      outcome: z.literal("DONE"),
      doneOn: day,
      product: requiredText(2_000),
      productLink: productLink.default(""),
      exceeded: z.boolean({ message: "invalid" }),
      exceededGrounds: trimmedParagraph(1_000).default(""),
    }),
    z.object({
      outcome: z.literal("NOT_DONE"),
      notDoneReason: requiredText(1_000),
      forceMajeure: z.boolean({ message: "invalid" }),
    }),
  ],
  { message: "required" },
);
export type TaskResultInput = z.input<typeof TaskResultSchema>;
export type TaskResult = z.output<typeof TaskResultSchema>;

/** Exceeding what was asked needs its grounds. */
function groundsForExceeding(value: { result: TaskResult }, ctx: z.RefinementCtx) {
  if (value.result.outcome === "DONE" && value.result.exceeded && value.result.exceededGrounds === "") {
    ctx.addIssue({ code: "custom", path: ["result", "exceededGrounds"], message: "required" });
  }
}

export const ReportTaskSchema = z.object({ taskId: id, expectedVersion: version, result: TaskResultSchema }).superRefine(groundsForExceeding);
export type ReportTaskInput = z.input<typeof ReportTaskSchema>;

/** The confirmer changes a confirmed result: the corrected result, and why. */
export const CorrectTaskSchema = z
  .object({ taskId: id, expectedVersion: version, reason: requiredText(1_000), result: TaskResultSchema })
  .superRefine(groundsForExceeding);
export type CorrectTaskInput = z.input<typeof CorrectTaskSchema>;

export const ConfirmTaskSchema = z.object({ taskId: id, expectedVersion: version });
export type ConfirmTaskInput = z.input<typeof ConfirmTaskSchema>;

/** Several results confirmed at once from the confirmer's list, each at the version the list showed. */
export const ConfirmTasksSchema = z.object({ tasks: z.array(ConfirmTaskSchema).min(1, { message: "required" }).max(200, { message: "tooMany" }) });
export type ConfirmTasksInput = z.input<typeof ConfirmTasksSchema>;

export const ReturnTaskSchema = z.object({ taskId: id, expectedVersion: version, reason: requiredText(1_000) });
export type ReturnTaskInput = z.input<typeof ReturnTaskSchema>;

/** A task declared by mistake, withdrawn before any result: with a reason, kept in the history. */
export const WithdrawTaskSchema = z.object({ taskId: id, expectedVersion: version, reason: requiredText(1_000) });
export type WithdrawTaskInput = z.input<typeof WithdrawTaskSchema>;

export const RemoveTaskFileSchema = z.object({ taskId: id, fileId: id });
export type RemoveTaskFileInput = z.input<typeof RemoveTaskFileSchema>;

const level = z.enum(["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"], { message: "required" });
const quarter = z
  .number({ message: "invalid" })
  .int({ message: "invalid" })
  .refine((q) => (QUARTERS as readonly number[]).includes(q), { message: "invalid" });

/** A leader's or a unit's own assessment of a quarter (Kết luận 198-KL/TW): a level and a note. */
export const AssessQuarterSchema = z.object({
  subject: TaskSubjectSchema,
  year: z.number({ message: "invalid" }).int().min(2000).max(2100),
  quarter,
  expectedVersion: version.nullable(),
  level,
  note: trimmedParagraph(2_000),
});
export type AssessQuarterInput = z.input<typeof AssessQuarterSchema>;

/** The committee's confirmation of a quarter's assessment: its level and note. */
export const ConfirmQuarterSchema = z.object({ quarterId: id, expectedVersion: version, level, note: trimmedParagraph(2_000) });
export type ConfirmQuarterInput = z.input<typeof ConfirmQuarterSchema>;

/** The upper committee chooses whether a cycle counts task facts from the register. */
export const SetTaskRegisterSchema = z.object({ cycleId: id, expectedVersion: version, enabled: z.boolean({ message: "invalid" }) });
export type SetTaskRegisterInput = z.input<typeof SetTaskRegisterSchema>;
