"use server";

import { orderRerate, proposeRerate } from "@/lib/data/rerating";
import type { OrderRerateInput, ProposeRerateInput } from "@/lib/schemas/rerating";
import { runMutation } from "./run";

// Re-rating a decided or published result (lib/data/rerating.ts): the standing committee's decision, the board's proposal.

export async function orderRerateAction(input: OrderRerateInput) {
  return runMutation((actor) => orderRerate(actor, input));
}

export async function proposeRerateAction(input: ProposeRerateInput) {
  return runMutation((actor) => proposeRerate(actor, input));
}
