"use server";

import { dismissReminder, remindMembers } from "@/lib/data/reminders";
import type { DismissReminderInput, RemindInput } from "@/lib/schemas/reminders";
import { runMutation } from "./run";

// Reminders to submit the self-review (lib/data/reminders.ts): officers send them, members dismiss them.

export async function remindMembersAction(input: RemindInput) {
  return runMutation((actor) => remindMembers(actor, input));
}

export async function dismissReminderAction(input: DismissReminderInput) {
  return runMutation((actor) => dismissReminder(actor, input));
}
