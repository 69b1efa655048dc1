"use server";

import { revalidatePath } from "next/cache";
import { publishDecisions, recordQuotaOverride, saveDecisions, sendBackRecords } from "@/lib/data/decisions";
import type { PublishInput, QuotaOverrideInput, SaveDecisionsInput, SendBackInput } from "@/lib/schemas/decisions";
import { runAction } from "./run";

// The committees' decisions (lib/data/decisions.ts). Every one changes what several pages show (the
// desk, the records, the cells' lists, the members' results), so the layout is revalidated.

export async function saveDecisionsAction(input: SaveDecisionsInput) {
  const result = await runAction((actor) => saveDecisions(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function recordQuotaOverrideAction(input: QuotaOverrideInput) {
  const result = await runAction((actor) => recordQuotaOverride(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function publishDecisionsAction(input: PublishInput) {
  const result = await runAction((actor) => publishDecisions(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function sendBackRecordsAction(input: SendBackInput) {
  const result = await runAction((actor) => sendBackRecords(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
