"use server";

import { decideUnits, publishUnits, rateUnit, returnUnit, verifyUnit } from "@/lib/data/unit-ratings";
import type { PublishInput, ReturnUnitInput, SaveDecisionsInput, UnitSelfRatingInput, VerifyUnitInput } from "@/lib/schemas/decisions";
import { runMutation } from "./run";

// Units' ratings (lib/data/unit-ratings.ts): self-rating, verification, decision, return, publication.

export async function rateUnitAction(input: UnitSelfRatingInput) {
  return runMutation((actor) => rateUnit(actor, input));
}

export async function verifyUnitAction(input: VerifyUnitInput) {
  return runMutation((actor) => verifyUnit(actor, input));
}

export async function returnUnitAction(input: ReturnUnitInput) {
  return runMutation((actor) => returnUnit(actor, input));
}

export async function decideUnitsAction(input: SaveDecisionsInput) {
  return runMutation((actor) => decideUnits(actor, input));
}

export async function publishUnitsAction(input: PublishInput) {
  return runMutation((actor) => publishUnits(actor, input));
}
