import { z } from "zod";
import { id, isoDate, line, paragraph, trimmedParagraph } from "./text";
import { draftOf, version } from "./versions";

// The minutes (biên bản) of a cell's review meeting, as the secretary types them. Saved as a draft as
// they are typed; what finalizing requires is checked by lib/review/meeting.finalizeProblems.

const count = z.number({ message: "wholeNumber" }).int({ message: "wholeNumber" }).min(0, { message: "wholeNumber" }).max(1_000, { message: "wholeNumber" });

export const TallySchema = z.object({ EXCELLENT: count, GOOD: count, COMPLETED: count, NOT_COMPLETED: count });

export const MinutesSchema = z.object({
  heldOn: z.union([z.literal(""), isoDate()]),
  place: line(300),
  chairName: line(200),
  recorderName: line(200),
  attendance: z.array(z.object({ memberId: id, present: z.boolean(), absenceReason: paragraph(500) })).max(500),
  /** The cell's collective review, first (366 Điều 7 k3). */
  collectiveReview: paragraph(20_000),
  reviews: z
    .array(
      z.object({
        memberId: id,
        selfReviewSummary: paragraph(10_000),
        critiques: z.array(z.object({ by: line(200), text: paragraph(5_000) })).max(50),
        /** Null until the vote is taken. */
        vote: TallySchema.nullable(),
      }),
    )
    .max(500),
});
export type MinutesContent = z.infer<typeof MinutesSchema>;

export const SaveMinutesSchema = z.object({ cellId: id, ...draftOf(MinutesSchema) });
export type SaveMinutesInput = z.input<typeof SaveMinutesSchema>;

export const FinalizeMeetingSchema = z.object({ cellId: id, expectedVersion: version });
export type FinalizeMeetingInput = z.input<typeof FinalizeMeetingSchema>;

/**
 * A record sent back by the committee, reviewed again at a cell meeting: the tally of the new vote,
 * the official members present, and what the meeting concluded (366 Điều 12 Bước 2–3).
 */
export const RereviewSchema = z.object({
  recordId: id,
  expectedVersion: z.number().int().min(0).max(1_000_000),
  heldOn: isoDate(),
  tally: TallySchema,
  votersPresent: count.min(1, { message: "wholeNumber" }),
  note: trimmedParagraph(5_000).pipe(z.string().min(1, { message: "required" })),
});
export type RereviewInput = z.input<typeof RereviewSchema>;
