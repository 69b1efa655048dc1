"use server";

import { finalizeMeeting, recordRereview, saveMinutesDraft } from "@/lib/data/meetings";
import type { FinalizeMeetingInput, RereviewInput, SaveMinutesInput } from "@/lib/schemas/meetings";
import { runAction, runMutation } from "./run";

/** Called as the secretary types (debounced): no revalidation while the minutes are open. */
export async function saveMinutesDraftAction(input: SaveMinutesInput) {
  return runAction((actor) => saveMinutesDraft(actor, input));
}

export async function finalizeMeetingAction(input: FinalizeMeetingInput) {
  return runMutation((actor) => finalizeMeeting(actor, input));
}

export async function recordRereviewAction(input: RereviewInput) {
  return runMutation((actor) => recordRereview(actor, input));
}
