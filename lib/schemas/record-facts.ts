import { z } from "zod";
import { id, key } from "./text";

// The facts of a member's record under QD366_HD43 (docs/rating-rules.md §7), as the cell or the committee
// enters them. Scores are checked against the cycle's sheet by the use case, which has the sheet.

const count = z.number({ message: "wholeNumber" }).int({ message: "wholeNumber" }).min(0, { message: "wholeNumber" }).max(100_000, { message: "wholeNumber" });

export const MemberRatingFactsSchema = z
  .object({
    recordId: id,
    expectedVersion: z.number({ message: "invalid" }).int().min(0),
    scoreItems: z.record(key(40), z.number({ message: "scoreRange" }).nullable()),
    tasks: z.object({ assigned: count, completed: count, onTime: count, exceeded: count }),
    shortcomings: z.object({ named: count, remedied: count }),
    degradationConcluded: z.boolean(),
    prohibitedActsConcluded: z.boolean(),
    ledUnits: z.object({ count, notCompleted: count }),
    lowConfidenceOver50: z.boolean(),
    corruptionInScope: z.boolean(),
    fiveTargetsMissed: z.boolean(),
    forceMajeure: z.boolean(),
  })
  // The counts keep their order (a task is completed before it is on time or exceeded).
  .refine((f) => f.tasks.completed <= f.tasks.assigned, { path: ["tasks", "completed"], message: "completedOverAssigned" })
  .refine((f) => f.tasks.onTime <= f.tasks.completed, { path: ["tasks", "onTime"], message: "onTimeOverCompleted" })
  .refine((f) => f.tasks.exceeded <= f.tasks.completed, { path: ["tasks", "exceeded"], message: "exceededOverCompleted" })
  .refine((f) => f.shortcomings.remedied <= f.shortcomings.named, { path: ["shortcomings", "remedied"], message: "remediedOverNamed" })
  .refine((f) => f.ledUnits.notCompleted <= f.ledUnits.count, { path: ["ledUnits", "notCompleted"], message: "notCompletedOverCount" });
export type MemberRatingFactsInput = z.input<typeof MemberRatingFactsSchema>;
