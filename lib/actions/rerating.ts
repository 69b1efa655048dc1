"use server";

import { orderRerate, proposeRerate } from "@/lib/data/rerating";
import type { OrderRerateInput, ProposeRerateInput } from "@/lib/schemas/rerating";
import { runMutation } from "./run";

// Re-rating a decided or published result (lib/data/rerating.ts): the standing committee's decision, the board's proposal.

export const orderRerateAction = async (input: OrderRerateInput) => runMutation((actor) => orderRerate(actor, input));

export const proposeRerateAction = async (input: ProposeRerateInput) => runMutation((actor) => proposeRerate(actor, input));
