"use server";

import { revalidatePath } from "next/cache";
import { returnSelfReview, saveSelfReviewDraft, submitSelfReview } from "@/lib/data/self-reviews";
import type { ReturnSelfReviewInput, SaveSelfReviewInput, SubmitSelfReviewInput } from "@/lib/schemas/self-reviews";
import { runAction } from "./run";

/** Called as the member types (debounced): no revalidation, the form holds the truth while it is open. */
export async function saveSelfReviewDraftAction(input: SaveSelfReviewInput) {
  return runAction((actor) => saveSelfReviewDraft(actor, input));
}

export async function submitSelfReviewAction(input: SubmitSelfReviewInput) {
  const result = await runAction((actor) => submitSelfReview(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function returnSelfReviewAction(input: ReturnSelfReviewInput) {
  const result = await runAction((actor) => returnSelfReview(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
