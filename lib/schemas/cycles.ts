import { z } from "zod";

const isoDate = z.iso.date({ message: "invalidDate" });

export const CycleDeadlinesSchema = z
  .object({
    cycleId: z.string().min(1, { message: "required" }),
    expectedVersion: z.number({ message: "invalid" }).int().min(0),
    selfReviewDue: isoDate,
    meetingsDue: isoDate,
    grassrootsDue: isoDate,
    upperDecisionDue: isoDate,
  })
  // The guidance orders the work: members, then cells, then the grassroots, then the upper level.
  .refine((d) => d.selfReviewDue <= d.meetingsDue, { path: ["meetingsDue"], message: "deadlineOrder" })
  .refine((d) => d.meetingsDue <= d.grassrootsDue, { path: ["grassrootsDue"], message: "deadlineOrder" })
  .refine((d) => d.grassrootsDue <= d.upperDecisionDue, { path: ["upperDecisionDue"], message: "deadlineOrder" });
export type CycleDeadlinesInput = z.input<typeof CycleDeadlinesSchema>;
