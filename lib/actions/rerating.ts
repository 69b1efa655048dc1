"use server";

import { revalidatePath } from "next/cache";
import { orderRerate, proposeRerate } from "@/lib/data/rerating";
import type { OrderRerateInput, ProposeRerateInput } from "@/lib/schemas/rerating";
import { runAction } from "./run";

// Re-rating a decided or published result (lib/data/rerating.ts): the standing committee's decision, the board's proposal.

export async function orderRerateAction(input: OrderRerateInput) {
  const result = await runAction((actor) => orderRerate(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function proposeRerateAction(input: ProposeRerateInput) {
  const result = await runAction((actor) => proposeRerate(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
