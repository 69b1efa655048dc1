"use server";

import { revalidatePath } from "next/cache";
import { decideUnits, publishUnits, rateUnit, returnUnit, verifyUnit } from "@/lib/data/unit-ratings";
import type { PublishInput, ReturnUnitInput, SaveDecisionsInput, UnitSelfRatingInput, VerifyUnitInput } from "@/lib/schemas/decisions";
import { runAction } from "./run";

// Units' ratings (lib/data/unit-ratings.ts): self-rating, verification, decision, return, publication.

export async function rateUnitAction(input: UnitSelfRatingInput) {
  const result = await runAction((actor) => rateUnit(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function verifyUnitAction(input: VerifyUnitInput) {
  const result = await runAction((actor) => verifyUnit(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function returnUnitAction(input: ReturnUnitInput) {
  const result = await runAction((actor) => returnUnit(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function decideUnitsAction(input: SaveDecisionsInput) {
  const result = await runAction((actor) => decideUnits(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function publishUnitsAction(input: PublishInput) {
  const result = await runAction((actor) => publishUnits(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
