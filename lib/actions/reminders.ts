"use server";

import { dismissReminder, remindMembers } from "@/lib/data/reminders";
import type { DismissReminderInput, RemindInput } from "@/lib/schemas/reminders";
import { runMutation } from "./run";

// Reminders to submit the self-review (lib/data/reminders.ts): officers send them, members dismiss them.

export const remindMembersAction = async (input: RemindInput) => runMutation((actor) => remindMembers(actor, input));

export const dismissReminderAction = async (input: DismissReminderInput) => runMutation((actor) => dismissReminder(actor, input));
