import { z } from "zod";
import { id as rowId, isoDate, line, rawLine, trimmedParagraph } from "./text";
import { OPINION_SOURCES, type OpinionSource } from "@/lib/review/opinions";
import { OPINION_TEXT_MAX } from "./values";

// An opinion (ý kiến nhận xét) as the secretary records it. The date's window depends on the record's
// review year and on today: the server checks it with givenOnProblem once it has loaded the record. The
// form sends its values as typed and shows what the server refuses beside the field (no zod in the browser).

export { OPINION_TEXT_MAX };
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

/** The form's fields as typed (the date yyyy-mm-dd). */
export type OpinionFormValues = { source: OpinionSource; text: string; givenOn: string; givenBy: string };
