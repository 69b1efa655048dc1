import { z } from "zod";
import { COLLECTIVE_REPORT_SECTIONS, type CollectiveReportSection } from "@/lib/review/collective-report";
import { LEVELS } from "@/lib/grading/types";
import { RerateDecisionSchema } from "./rerating";
import { id, isoDate, key, line, trimmedParagraph } from "./text";

// The committees' decisions: levels per record, quota overrides per peer group, publication, sending
// back, and remediation plans. Shared by the desk's forms and the server actions.

export const DECISION_REASON_MAX = 2_000;
/** A committee decides at most this many records in one save (a grassroots organization of ~1,000 members saves in pages). */
export const DECISIONS_PER_SAVE_MAX = 1_000;

const level = z.enum(LEVELS, { message: "required" });
const reason = trimmedParagraph(DECISION_REASON_MAX);
/** Required text under the input policy (lib/schemas/text.ts): trimmed, bounded, no control characters. */
const requiredLine = (max: number) => line(max).pipe(z.string().min(1, { message: "required" }));
const requiredParagraph = (max: number) => trimmedParagraph(max).pipe(z.string().min(1, { message: "required" }));
const version = z.number().int().min(0).max(1_000_000);

export const DecisionSchema = z.object({
  recordId: id,
  /** The record's version as the desk read it: a decision on a record changed since is refused. */
  expectedVersion: version,
  level,
  /** Required when the level differs from the cell's proposal (checked by the use case, which knows the proposal). */
  reason: reason.optional().default(""),
});

export const SaveDecisionsSchema = z.object({
  /** The deciding organization: the grassroots organization (members, subordinate units) or the upper committee. */
  organizationId: id,
  decisions: z.array(DecisionSchema).min(1).max(DECISIONS_PER_SAVE_MAX, { message: "tooMany" }),
});
export type SaveDecisionsInput = z.input<typeof SaveDecisionsSchema>;

export const QuotaOverrideSchema = z.object({
  peerGroupId: id,
  decisionNo: requiredLine(100),
  decidedOn: isoDate(),
  issuer: requiredLine(300),
  reason: requiredParagraph(DECISION_REASON_MAX),
  /** Under QD366_HD43 the decision raises the rate to 21–25 % (25 when not given); ignored before. */
  ratePercent: z.number().int().min(21, { message: "ratePercentRange" }).max(25, { message: "ratePercentRange" }).optional(),
});
export type QuotaOverrideInput = z.input<typeof QuotaOverrideSchema>;

export const PublishSchema = z.object({ organizationId: id });
export type PublishInput = z.input<typeof PublishSchema>;

export const SendBackSchema = z
  .object({
    organizationId: id,
    /** Either records, or a whole cell (every record of it that reached the committee). */
    recordIds: z.array(id).max(DECISIONS_PER_SAVE_MAX).optional(),
    cellId: id.optional(),
    reason: requiredParagraph(DECISION_REASON_MAX),
    /** Required to reopen a published result (366 Điều 15): the decision to rate it again. */
    decision: RerateDecisionSchema.optional(),
  })
  .refine((v) => (v.recordIds?.length ?? 0) > 0 || v.cellId !== undefined, { message: "required", path: ["recordIds"] });
export type SendBackInput = z.input<typeof SendBackSchema>;

export const RemediationItemSchema = z.object({
  shortcoming: requiredParagraph(DECISION_REASON_MAX),
  measures: requiredParagraph(DECISION_REASON_MAX),
  responsible: requiredLine(300),
  deadline: isoDate(),
});

export const RemediationPlanSchema = z.object({
  recordId: id,
  items: z.array(RemediationItemSchema).min(1, { message: "required" }).max(20, { message: "tooMany" }),
});
export type RemediationPlanInput = z.input<typeof RemediationPlanSchema>;

export const RemediationStatusSchema = z.object({
  itemId: id,
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE"]),
});
export type RemediationStatusInput = z.input<typeof RemediationStatusSchema>;

const count = z.number({ message: "wholeNumber" }).int({ message: "wholeNumber" }).min(0, { message: "wholeNumber" }).max(100_000, { message: "wholeNumber" });
/** A score in points with at most one decimal, up to its group's maximum (rating-rules §7.11). */
/** One section of a collective's report (Mẫu 01): free text under the input policy, bounded. */
const REPORT_SECTION_MAX = 20_000;
const reportSection = () => trimmedParagraph(REPORT_SECTION_MAX).optional();

/**
 * A unit's own rating: the cell at its meeting, or the grassroots committee for its organization — the
 * level and the facts the organization rules read (rating-rules §4, §7): the collective's score item by
 * item on the cycle's collective sheet (the totals are computed, never typed), the year's tasks, the
 * shortcomings named last year; and its report in the sections of Mẫu 01.
 */
export const UnitSelfRatingSchema = z
  .object({
    recordId: id,
    expectedVersion: version,
    level,
    scoreItems: z
      .record(key(40), z.number({ message: "scoreRange" }).nullable())
      .optional()
      .default({}),
    report: z
      .object(
        Object.fromEntries(COLLECTIVE_REPORT_SECTIONS.map((section) => [section, reportSection()])) as Record<
          CollectiveReportSection,
          ReturnType<typeof reportSection>
        >,
      )
      .strict()
      .optional()
      .default({}),
    tasks: z.object({ assigned: count, completed: count, onTime: count, exceeded: count }),
    shortcomings: z.object({ named: count, remedied: count }),
    // Read by the older rule sets only (rating-rules §4); a QD366_HD43 form does not ask them.
    targetsCompletedPercent: z
      .number({ message: "percentRange" })
      .int({ message: "percentRange" })
      .min(0, { message: "percentRange" })
      .max(100, { message: "percentRange" })
      .nullable()
      .optional()
      .default(null),
    localBodiesAtLeastGood: z.boolean().optional().default(true),
    leadershipDisciplined: z.boolean(),
    disunityConcluded: z.boolean(),
    leadershipMemberDegraded: z.boolean(),
    forceMajeure: z.boolean(),
    // rating-rules §7.7: the five basic socio-economic targets, for an organization that answers for them.
    fiveTargetsMissed: z.boolean().optional().default(false),
    // The committee's answer on each discipline of its leadership the register holds (366 Điều 11 k4).
    leadershipDisciplineAnswers: z
      .array(z.object({ disciplineId: id, atFormerUnit: z.boolean(), unrelatedToDuties: z.boolean() }))
      .max(100, { message: "tooMany" })
      .optional()
      .default([]),
    note: trimmedParagraph(DECISION_REASON_MAX).optional().default(""),
  })
  .refine((f) => f.tasks.completed <= f.tasks.assigned, { path: ["tasks", "completed"], message: "completedOverAssigned" })
  .refine((f) => f.tasks.onTime <= f.tasks.completed, { path: ["tasks", "onTime"], message: "onTimeOverCompleted" })
  .refine((f) => f.tasks.exceeded <= f.tasks.completed, { path: ["tasks", "exceeded"], message: "exceededOverCompleted" })
  .refine((f) => f.shortcomings.remedied <= f.shortcomings.named, { path: ["shortcomings", "remedied"], message: "remediedOverNamed" });
export type UnitSelfRatingInput = z.input<typeof UnitSelfRatingSchema>;

/** The upper board's verification (thẩm định): its proposed level and comment. */
export const VerifyUnitSchema = z.object({
  recordId: id,
  expectedVersion: version,
  level,
  note: requiredParagraph(DECISION_REASON_MAX),
});
export type VerifyUnitInput = z.input<typeof VerifyUnitSchema>;

/** Sending a unit's rating back (to the committee that rated itself, or to the cell), with a reason. */
export const ReturnUnitSchema = z.object({
  recordId: id,
  expectedVersion: version,
  reason: requiredParagraph(DECISION_REASON_MAX),
  /** Required to reopen a published result (366 Điều 15): the decision to rate it again. */
  decision: RerateDecisionSchema.optional(),
});
export type ReturnUnitInput = z.input<typeof ReturnUnitSchema>;
