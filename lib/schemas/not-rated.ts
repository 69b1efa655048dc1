import { z } from "zod";
import { id, trimmedParagraph } from "./text";
import { MEMBER_NOT_RATED_REASONS } from "./values";

// The cell secretary sets a member's record aside from the rating (không xếp loại, rating-rules §2.1)
// or takes it back into the review. NEW_ORGANIZATION concerns organizations only.

export { MEMBER_NOT_RATED_REASONS };

export const MarkNotRatedSchema = z
  .object({
    recordId: id,
    expectedVersion: z.number().int().min(0),
    reason: z.enum(MEMBER_NOT_RATED_REASONS, { message: "required" }),
    /** What the decision rests on (a decision number, the date of admission…); required for OTHER. */
    note: trimmedParagraph(1_000),
  })
  .superRefine((value, ctx) => {
    if (value.reason === "OTHER" && value.note === "") ctx.addIssue({ code: "custom", path: ["note"], message: "required" });
  });
export type MarkNotRatedInput = z.input<typeof MarkNotRatedSchema>;

export const ReinstateSchema = z.object({
  recordId: id,
  expectedVersion: z.number().int().min(0),
  reason: z.string().trim().min(1, { message: "required" }).pipe(trimmedParagraph(1_000)),
});
export type ReinstateInput = z.input<typeof ReinstateSchema>;

/** The grassroots committee confirms a cell's proposal to leave a member unrated (OTHER), or turns it down: with its grounds either way. */
export const ConfirmNotRatedSchema = z.object({
  recordId: id,
  expectedVersion: z.number().int().min(0),
  confirm: z.boolean({ message: "invalid" }),
  grounds: z.string().trim().min(1, { message: "required" }).pipe(trimmedParagraph(1_000)),
});
export type ConfirmNotRatedInput = z.input<typeof ConfirmNotRatedSchema>;
