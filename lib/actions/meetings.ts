"use server";

import { finalizeMeeting, recordRereview, saveMinutesDraft } from "@/lib/data/meetings";
import type { FinalizeMeetingInput, RereviewInput, SaveMinutesInput } from "@/lib/schemas/meetings";
import { runAction, runMutation } from "./run";

/** Called as the secretary types (debounced): no revalidation while the minutes are open. */
export const saveMinutesDraftAction = async (input: SaveMinutesInput) => runAction((actor) => saveMinutesDraft(actor, input));

export const finalizeMeetingAction = async (input: FinalizeMeetingInput) => runMutation((actor) => finalizeMeeting(actor, input));

export const recordRereviewAction = async (input: RereviewInput) => runMutation((actor) => recordRereview(actor, input));
