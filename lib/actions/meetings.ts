"use server";

import { revalidatePath } from "next/cache";
import { finalizeMeeting, recordRereview, saveMinutesDraft } from "@/lib/data/meetings";
import type { FinalizeMeetingInput, RereviewInput, SaveMinutesInput } from "@/lib/schemas/meetings";
import { runAction } from "./run";

/** Called as the secretary types (debounced): no revalidation while the minutes are open. */
export async function saveMinutesDraftAction(input: SaveMinutesInput) {
  return runAction((actor) => saveMinutesDraft(actor, input));
}

export async function finalizeMeetingAction(input: FinalizeMeetingInput) {
  const result = await runAction((actor) => finalizeMeeting(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function recordRereviewAction(input: RereviewInput) {
  const result = await runAction((actor) => recordRereview(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
