"use server";

import { openCycle, startSelfReviews, updateCycleDeadlines, updateScoreSheet } from "@/lib/data/cycles";
import type { CycleDeadlinesInput, CycleIdInput, OpenCycleInput, ScoreSheetInput } from "@/lib/schemas/cycles";
import { runMutation } from "./run";

export async function updateCycleDeadlinesAction(input: CycleDeadlinesInput) {
  return runMutation((actor) => updateCycleDeadlines(actor, input), "/");
}

export async function openCycleAction(input: OpenCycleInput) {
  return runMutation((actor) => openCycle(actor, input));
}

export async function updateScoreSheetAction(input: ScoreSheetInput) {
  return runMutation((actor) => updateScoreSheet(actor, input), `/cycles/${input.cycleId}`);
}

export async function startSelfReviewsAction(input: CycleIdInput) {
  return runMutation((actor) => startSelfReviews(actor, input));
}
