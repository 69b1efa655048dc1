"use server";

import { markNotRated, reinstate, ruleOnNotRated } from "@/lib/data/not-rated";
import type { ConfirmNotRatedInput, MarkNotRatedInput, ReinstateInput } from "@/lib/schemas/not-rated";
import { runMutation } from "./run";

export const markNotRatedAction = async (input: MarkNotRatedInput) => runMutation((actor) => markNotRated(actor, input));

export const reinstateAction = async (input: ReinstateInput) => runMutation((actor) => reinstate(actor, input));

export const ruleOnNotRatedAction = async (input: ConfirmNotRatedInput) => runMutation((actor) => ruleOnNotRated(actor, input));
