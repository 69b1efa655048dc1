"use server";

import { createRemediationPlan, updateRemediationStatus } from "@/lib/data/remediation";
import type { RemediationPlanInput, RemediationStatusInput } from "@/lib/schemas/decisions";
import { runMutation } from "./run";

// Remediation plans (lib/data/remediation.ts): the committee records them, the secretary follows them up.

export async function createRemediationPlanAction(input: RemediationPlanInput) {
  return runMutation((actor) => createRemediationPlan(actor, input));
}

export async function updateRemediationStatusAction(input: RemediationStatusInput) {
  return runMutation((actor) => updateRemediationStatus(actor, input));
}
