import { z } from "zod";
import { id, isoDate, line, trimmedParagraph } from "./text";

// Re-rating a decided or published result (366 Điều 15; Mẫu 03 of HD 43): the standing committee's
// decision, or the upper board's proposal of one.

const requiredLine = (max: number) => line(max).pipe(z.string().min(1, { message: "required" }));
const requiredParagraph = (max: number) => trimmedParagraph(max).pipe(z.string().min(1, { message: "required" }));

/** The decision that reopens a result: its number, date, issuer and reason, as on the paper. */
export const RerateDecisionSchema = z.object({
  decisionNo: requiredLine(100),
  decidedOn: isoDate(),
  issuer: requiredLine(300),
  reason: requiredParagraph(2_000),
});
export type RerateDecisionInput = z.input<typeof RerateDecisionSchema>;

export const OrderRerateSchema = z.object({
  recordIds: z.array(id).min(1, { message: "required" }).max(1_000, { message: "tooMany" }),
  decision: RerateDecisionSchema,
});
export type OrderRerateInput = z.input<typeof OrderRerateSchema>;

export const ProposeRerateSchema = z.object({
  recordId: id,
  reason: requiredParagraph(2_000),
});
export type ProposeRerateInput = z.input<typeof ProposeRerateSchema>;
