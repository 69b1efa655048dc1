"use server";

import { updateMemberRatingFacts } from "@/lib/data/record-facts";
import type { MemberRatingFactsInput } from "@/lib/schemas/record-facts";
import { runMutation } from "./run";

export const updateMemberRatingFactsAction = async (input: MemberRatingFactsInput) =>
  runMutation((actor) => updateMemberRatingFacts(actor, input), "/members", "layout");
