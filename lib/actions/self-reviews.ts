"use server";

import { returnSelfReview, saveSelfReviewDraft, submitSelfReview } from "@/lib/data/self-reviews";
import type { ReturnSelfReviewInput, SaveSelfReviewInput, SubmitSelfReviewInput } from "@/lib/schemas/self-reviews";
import { runAction, runMutation } from "./run";

/** Called as the member types (debounced): no revalidation, the form holds the truth while it is open. */
export async function saveSelfReviewDraftAction(input: SaveSelfReviewInput) {
  return runAction((actor) => saveSelfReviewDraft(actor, input));
}

export async function submitSelfReviewAction(input: SubmitSelfReviewInput) {
  return runMutation((actor) => submitSelfReview(actor, input));
}

export async function returnSelfReviewAction(input: ReturnSelfReviewInput) {
  return runMutation((actor) => returnSelfReview(actor, input));
}
