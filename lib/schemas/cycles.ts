import { z } from "zod";
import { id, isoDate as plausibleDate, key, line } from "./text";
import { checkScoreSheet, SCORE_FRAMEWORKS, SCORE_GROUPS, type SheetProblem } from "@/lib/grading/score-sheet";
import { ADOPTION_BASES } from "@/lib/review/meeting";

const isoDate = plausibleDate();

export const CycleDeadlinesSchema = z
  .object({
    cycleId: id,
    expectedVersion: z.number({ message: "invalid" }).int().min(0),
    selfReviewDue: isoDate,
    meetingsDue: isoDate,
    grassrootsDue: isoDate,
    upperDecisionDue: isoDate,
    /** What the cells' votes are counted against (lib/review/meeting.ts); unchanged when absent. */
    adoptionBase: z.enum(ADOPTION_BASES, { message: "invalid" }).optional(),
  })
  // The guidance orders the work: members, then cells, then the grassroots, then the upper level.
  .refine((d) => d.selfReviewDue <= d.meetingsDue, { path: ["meetingsDue"], message: "deadlineOrder" })
  .refine((d) => d.meetingsDue <= d.grassrootsDue, { path: ["grassrootsDue"], message: "deadlineOrder" })
  .refine((d) => d.grassrootsDue <= d.upperDecisionDue, { path: ["upperDecisionDue"], message: "deadlineOrder" });
export type CycleDeadlinesInput = z.input<typeof CycleDeadlinesSchema>;

/** Opening the review of a year for an upper committee (the rule set follows from the year). */
export const OpenCycleSchema = z.object({
  upperOrgId: id,
  year: z.coerce.number({ message: "invalid" }).int({ message: "invalid" }),
});
export type OpenCycleInput = z.input<typeof OpenCycleSchema>;

const SHEET_PROBLEM_MESSAGES: Record<Exclude<SheetProblem["code"], "GROUP_SUM">, string> = {
  GROUPS_SHAPE: "sheetGroupsShape",
  EMPTY_GROUP: "sheetEmptyGroup",
  ITEM_LABEL_EMPTY: "required",
  ITEM_POINTS: "sheetItemPoints",
  DUPLICATE_KEY: "sheetDuplicateKey",
};

const messageOf = (problem: SheetProblem) =>
  problem.code === "GROUP_SUM" ? (problem.path[1] === 0 ? "sheetGeneralSum" : "sheetResultsSum") : SHEET_PROBLEM_MESSAGES[problem.code];

const scoreItem = z.object({
  key: key(40).min(1),
  label: line(500),
  maxPoints: z.coerce.number({ message: "sheetItemPoints" }),
});

/**
 * A score sheet as the upper committee edits it. The checks of lib/grading/score-sheet (sums of 30 and
 * 70, no empty item, points above 0 with one decimal at most) run here, so the form and the server
 * give the same messages at the same fields.
 */
export const ScoreSheetSchema = z
  .object({
    cycleId: id,
    framework: z.enum(SCORE_FRAMEWORKS, { message: "invalid" }),
    expectedVersion: z.number({ message: "invalid" }).int().min(0),
    groups: z
      .array(z.object({ key: z.enum(SCORE_GROUPS), items: z.array(scoreItem).max(40, { message: "tooMany" }) }))
      .length(2, { message: "sheetGroupsShape" }),
  })
  .superRefine((sheet, ctx) => {
    for (const problem of checkScoreSheet(sheet)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: messageOf(problem) });
    }
  });
export type ScoreSheetInput = z.input<typeof ScoreSheetSchema>;

export const CycleIdSchema = z.object({
  cycleId: id,
  expectedVersion: z.number({ message: "invalid" }).int().min(0),
});
export type CycleIdInput = z.input<typeof CycleIdSchema>;
