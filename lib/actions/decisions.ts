"use server";

import { publishDecisions, recordQuotaOverride, saveDecisions, sendBackRecords } from "@/lib/data/decisions";
import type { PublishInput, QuotaOverrideInput, SaveDecisionsInput, SendBackInput } from "@/lib/schemas/decisions";
import { runMutation } from "./run";

// The committees' decisions (lib/data/decisions.ts). Every one changes what several pages show (the
// desk, the records, the cells' lists, the members' results), so the layout is revalidated.

export async function saveDecisionsAction(input: SaveDecisionsInput) {
  return runMutation((actor) => saveDecisions(actor, input));
}

export async function recordQuotaOverrideAction(input: QuotaOverrideInput) {
  return runMutation((actor) => recordQuotaOverride(actor, input));
}

export async function publishDecisionsAction(input: PublishInput) {
  return runMutation((actor) => publishDecisions(actor, input));
}

export async function sendBackRecordsAction(input: SendBackInput) {
  return runMutation((actor) => sendBackRecords(actor, input));
}
