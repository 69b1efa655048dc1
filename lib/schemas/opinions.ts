import { z } from "zod";
import { isIsoDate } from "@/lib/grading/dates";
import { id as rowId, isoDate, line, rawLine, trimmedParagraph } from "./text";
import { givenOnProblem, OPINION_SOURCES } from "@/lib/review/opinions";

// An opinion (ý kiến nhận xét) as the secretary records it. The date's window depends on the record's
// review year and on today: the server checks it with givenOnProblem once it has loaded the record; the
// form checks the same with opinionFormSchema, built with the year and today the page was rendered with.

export const OPINION_TEXT_MAX = 5_000;
export const OPINION_GIVER_MAX = 300;

const fields = {
  text: z.string().trim().min(1, { message: "required" }).max(OPINION_TEXT_MAX, { message: "opinionTextTooLong" }).pipe(trimmedParagraph(OPINION_TEXT_MAX)),
  givenOn: z.string({ message: "invalidDate" }).trim().pipe(isoDate()),
  givenBy: z.string().trim().min(1, { message: "required" }).pipe(line(OPINION_GIVER_MAX)),
};
const source = z.enum(OPINION_SOURCES, { message: "required" });
const id = rowId;
/** An opinion's version as the page read it: a stale edit or delete is refused, never applied. */
const expectedVersion = rawLine(64).pipe(z.string().min(1));

export const AddOpinionSchema = z.object({ recordId: id, source, ...fields });
export type AddOpinionInput = z.input<typeof AddOpinionSchema>;

export const EditOpinionSchema = z.object({ opinionId: id, expectedVersion, ...fields });
export type EditOpinionInput = z.input<typeof EditOpinionSchema>;

export const DeleteOpinionSchema = z.object({ opinionId: id, expectedVersion });
export type DeleteOpinionInput = z.input<typeof DeleteOpinionSchema>;

/** The form's fields, with the date checked against the review year and today (yyyy-mm-dd in Vietnam). */
export function opinionFormSchema(bounds: { year: number; today: string }) {
  return z.object({ source, ...fields }).superRefine((value, ctx) => {
    if (!isIsoDate(value.givenOn.trim())) return; // already reported by the field itself
    const problem = givenOnProblem(value.givenOn.trim(), bounds);
    if (problem) ctx.addIssue({ code: "custom", path: ["givenOn"], message: problem });
  });
}
export type OpinionFormValues = z.input<ReturnType<typeof opinionFormSchema>>;
