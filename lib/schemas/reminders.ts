import { z } from "zod";
import { id } from "./text";

// Reminders to members whose self-review is not in (lib/data/reminders.ts).

/** One member's record, or (without recordId) every member of the cell who has not submitted. */
export const RemindSchema = z.object({
  cellId: id,
  recordId: id.optional(),
});
export type RemindInput = z.input<typeof RemindSchema>;

export const DismissReminderSchema = z.object({ reminderId: id });
export type DismissReminderInput = z.input<typeof DismissReminderSchema>;
