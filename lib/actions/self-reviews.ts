"use server";

import { returnSelfReview, submitSelfReview } from "@/lib/data/self-reviews";
import type { ReturnSelfReviewInput, SubmitSelfReviewInput } from "@/lib/schemas/self-reviews";
import { runMutation } from "./run";

// The draft, saved as the member types, goes through its own route (app/(app)/reviews/[id]/draft/route.ts):
// no action, the lighter road for the busiest write.

export const submitSelfReviewAction = async (input: SubmitSelfReviewInput) => runMutation((actor) => submitSelfReview(actor, input));

export const returnSelfReviewAction = async (input: ReturnSelfReviewInput) => runMutation((actor) => returnSelfReview(actor, input));
