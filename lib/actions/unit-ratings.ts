"use server";

import { decideUnits, publishUnits, rateUnit, returnUnit, verifyUnit } from "@/lib/data/unit-ratings";
import type { PublishInput, ReturnUnitInput, SaveDecisionsInput, UnitSelfRatingInput, VerifyUnitInput } from "@/lib/schemas/decisions";
import { runMutation } from "./run";

// Units' ratings (lib/data/unit-ratings.ts): self-rating, verification, decision, return, publication.

export const rateUnitAction = async (input: UnitSelfRatingInput) => runMutation((actor) => rateUnit(actor, input));

export const verifyUnitAction = async (input: VerifyUnitInput) => runMutation((actor) => verifyUnit(actor, input));

export const returnUnitAction = async (input: ReturnUnitInput) => runMutation((actor) => returnUnit(actor, input));

export const decideUnitsAction = async (input: SaveDecisionsInput) => runMutation((actor) => decideUnits(actor, input));

export const publishUnitsAction = async (input: PublishInput) => runMutation((actor) => publishUnits(actor, input));
