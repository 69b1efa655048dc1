"use server";

import { revalidatePath } from "next/cache";
import { createRemediationPlan, updateRemediationStatus } from "@/lib/data/remediation";
import type { RemediationPlanInput, RemediationStatusInput } from "@/lib/schemas/decisions";
import { runAction } from "./run";

// Remediation plans (lib/data/remediation.ts): the committee records them, the secretary follows them up.

export async function createRemediationPlanAction(input: RemediationPlanInput) {
  const result = await runAction((actor) => createRemediationPlan(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function updateRemediationStatusAction(input: RemediationStatusInput) {
  const result = await runAction((actor) => updateRemediationStatus(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
