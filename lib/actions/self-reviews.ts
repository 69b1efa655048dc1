"use server";

import { returnSelfReview, saveSelfReviewDraft, submitSelfReview } from "@/lib/data/self-reviews";
import type { ReturnSelfReviewInput, SaveSelfReviewInput, SubmitSelfReviewInput } from "@/lib/schemas/self-reviews";
import { runAction, runMutation } from "./run";

/** Called as the member types (debounced): no revalidation, the form holds the truth while it is open. */
export const saveSelfReviewDraftAction = async (input: SaveSelfReviewInput) => runAction((actor) => saveSelfReviewDraft(actor, input));

export const submitSelfReviewAction = async (input: SubmitSelfReviewInput) => runMutation((actor) => submitSelfReview(actor, input));

export const returnSelfReviewAction = async (input: ReturnSelfReviewInput) => runMutation((actor) => returnSelfReview(actor, input));
