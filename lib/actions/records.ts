"use server";

import { revalidatePath } from "next/cache";
import { updateMemberRatingFacts } from "@/lib/data/record-facts";
import type { MemberRatingFactsInput } from "@/lib/schemas/record-facts";
import { runAction } from "./run";

export async function updateMemberRatingFactsAction(input: MemberRatingFactsInput) {
  const result = await runAction((actor) => updateMemberRatingFacts(actor, input));
  if (result.ok) revalidatePath("/members", "layout");
  return result;
}
