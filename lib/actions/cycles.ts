"use server";

import { openCycle, startSelfReviews, updateCycleDeadlines, updateScoreSheet } from "@/lib/data/cycles";
import type { CycleDeadlinesInput, CycleIdInput, OpenCycleInput, ScoreSheetInput } from "@/lib/schemas/cycles";
import { runMutation } from "./run";

export const updateCycleDeadlinesAction = async (input: CycleDeadlinesInput) => runMutation((actor) => updateCycleDeadlines(actor, input), "/");

export const openCycleAction = async (input: OpenCycleInput) => runMutation((actor) => openCycle(actor, input));

export const updateScoreSheetAction = async (input: ScoreSheetInput) => runMutation((actor) => updateScoreSheet(actor, input), `/cycles/${input.cycleId}`);

export const startSelfReviewsAction = async (input: CycleIdInput) => runMutation((actor) => startSelfReviews(actor, input));
