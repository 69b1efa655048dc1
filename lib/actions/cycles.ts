"use server";

import { revalidatePath } from "next/cache";
import { openCycle, startSelfReviews, updateCycleDeadlines, updateScoreSheet } from "@/lib/data/cycles";
import type { CycleDeadlinesInput, CycleIdInput, OpenCycleInput, ScoreSheetInput } from "@/lib/schemas/cycles";
import { runAction } from "./run";

export async function updateCycleDeadlinesAction(input: CycleDeadlinesInput) {
  const result = await runAction((actor) => updateCycleDeadlines(actor, input));
  if (result.ok) revalidatePath("/");
  return result;
}

export async function openCycleAction(input: OpenCycleInput) {
  const result = await runAction((actor) => openCycle(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function updateScoreSheetAction(input: ScoreSheetInput) {
  const result = await runAction((actor) => updateScoreSheet(actor, input));
  if (result.ok) revalidatePath(`/cycles/${input.cycleId}`);
  return result;
}

export async function startSelfReviewsAction(input: CycleIdInput) {
  const result = await runAction((actor) => startSelfReviews(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
