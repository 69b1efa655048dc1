"use server";

import { publishDecisions, recordQuotaOverride, saveDecisions, sendBackRecords } from "@/lib/data/decisions";
import type { PublishInput, QuotaOverrideInput, SaveDecisionsInput, SendBackInput } from "@/lib/schemas/decisions";
import { runMutation } from "./run";

// The committees' decisions (lib/data/decisions.ts). Every one changes what several pages show (the
// desk, the records, the cells' lists, the members' results), so the layout is revalidated.

export const saveDecisionsAction = async (input: SaveDecisionsInput) => runMutation((actor) => saveDecisions(actor, input));

export const recordQuotaOverrideAction = async (input: QuotaOverrideInput) => runMutation((actor) => recordQuotaOverride(actor, input));

export const publishDecisionsAction = async (input: PublishInput) => runMutation((actor) => publishDecisions(actor, input));

export const sendBackRecordsAction = async (input: SendBackInput) => runMutation((actor) => sendBackRecords(actor, input));
