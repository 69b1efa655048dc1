"use server";

import { createRemediationPlan, updateRemediationStatus } from "@/lib/data/remediation";
import type { RemediationPlanInput, RemediationStatusInput } from "@/lib/schemas/decisions";
import { runMutation } from "./run";

// Remediation plans (lib/data/remediation.ts): the committee records them, the secretary follows them up.

export const createRemediationPlanAction = async (input: RemediationPlanInput) => runMutation((actor) => createRemediationPlan(actor, input));

export const updateRemediationStatusAction = async (input: RemediationStatusInput) => runMutation((actor) => updateRemediationStatus(actor, input));
