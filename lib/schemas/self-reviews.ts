import { z } from "zod";
import { CRITERION_GRADES, LEVELS } from "@/lib/grading/types";
import { id, key, paragraph, trimmedParagraph } from "./text";
import { draftOf, version } from "./versions";

// The self-review as the form sends it. Drafts are saved as typed (nothing required yet); what submit
// requires is checked by lib/review/templates.completenessProblems against the record's form.

const LONG_TEXT = 20_000;

export const SelfReviewContentSchema = z.object({
  texts: z.record(key(60), paragraph(LONG_TEXT)).refine((t) => Object.keys(t).length <= 30, { message: "tooMany" }),
  remediation: z.array(z.object({ shortcoming: paragraph(2_000), answer: paragraph(LONG_TEXT) })).max(50, { message: "tooMany" }),
  scores: z.record(key(40), z.number({ message: "scoreRange" }).min(0, { message: "scoreRange" }).max(70, { message: "scoreRange" }).nullable()),
  criteria: z.record(key(40), z.enum(CRITERION_GRADES).nullable()),
  selfLevel: z.enum(LEVELS, { message: "invalid" }).nullable(),
});
export type SelfReviewContentInput = z.infer<typeof SelfReviewContentSchema>;

/** Saved as typed, on the version it was typed on: a save on an older one is a conflict, never an overwrite. */
export const SaveSelfReviewSchema = z.object({ recordId: id, ...draftOf(SelfReviewContentSchema) });
export type SaveSelfReviewInput = z.input<typeof SaveSelfReviewSchema>;

export const SubmitSelfReviewSchema = z.object({ recordId: id, expectedVersion: version });
export type SubmitSelfReviewInput = z.input<typeof SubmitSelfReviewSchema>;

export const ReturnSelfReviewSchema = z.object({
  recordId: id,
  reason: z.string().trim().min(1, { message: "required" }).pipe(trimmedParagraph(2_000)),
});
export type ReturnSelfReviewInput = z.input<typeof ReturnSelfReviewSchema>;
