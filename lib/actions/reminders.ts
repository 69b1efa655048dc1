"use server";

import { revalidatePath } from "next/cache";
import { dismissReminder, remindMembers } from "@/lib/data/reminders";
import type { DismissReminderInput, RemindInput } from "@/lib/schemas/reminders";
import { runAction } from "./run";

// Reminders to submit the self-review (lib/data/reminders.ts): officers send them, members dismiss them.

export async function remindMembersAction(input: RemindInput) {
  const result = await runAction((actor) => remindMembers(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function dismissReminderAction(input: DismissReminderInput) {
  const result = await runAction((actor) => dismissReminder(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
