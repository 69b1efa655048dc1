"use server";

import { revalidatePath } from "next/cache";
import { markNotRated, reinstate, ruleOnNotRated } from "@/lib/data/not-rated";
import type { ConfirmNotRatedInput, MarkNotRatedInput, ReinstateInput } from "@/lib/schemas/not-rated";
import { runAction } from "./run";

export async function markNotRatedAction(input: MarkNotRatedInput) {
  const result = await runAction((actor) => markNotRated(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function reinstateAction(input: ReinstateInput) {
  const result = await runAction((actor) => reinstate(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function ruleOnNotRatedAction(input: ConfirmNotRatedInput) {
  const result = await runAction((actor) => ruleOnNotRated(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
