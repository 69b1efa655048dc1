"use server";

import { markNotRated, reinstate, ruleOnNotRated } from "@/lib/data/not-rated";
import type { ConfirmNotRatedInput, MarkNotRatedInput, ReinstateInput } from "@/lib/schemas/not-rated";
import { runMutation } from "./run";

export async function markNotRatedAction(input: MarkNotRatedInput) {
  return runMutation((actor) => markNotRated(actor, input));
}

export async function reinstateAction(input: ReinstateInput) {
  return runMutation((actor) => reinstate(actor, input));
}

export async function ruleOnNotRatedAction(input: ConfirmNotRatedInput) {
  return runMutation((actor) => ruleOnNotRated(actor, input));
}
