"use server";

import { revalidatePath } from "next/cache";
import { updateCycleDeadlines } from "@/lib/data/cycles";
import type { CycleDeadlinesInput } from "@/lib/schemas/cycles";
import { runAction } from "./run";

export async function updateCycleDeadlinesAction(input: CycleDeadlinesInput) {
  const result = await runAction((actor) => updateCycleDeadlines(actor, input));
  if (result.ok) revalidatePath("/");
  return result;
}
