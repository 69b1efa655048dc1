"use server";

import { addOpinion, deleteOpinion, editOpinion } from "@/lib/data/opinions";
import type { AddOpinionInput, DeleteOpinionInput, EditOpinionInput } from "@/lib/schemas/opinions";
import { runMutation } from "./run";

// The secretary's opinions before the meeting (lib/data/opinions.ts). The record's page and the cell's
// list (missing opinions) both change, so the layout is revalidated.

export async function addOpinionAction(input: AddOpinionInput) {
  return runMutation((actor) => addOpinion(actor, input));
}

export async function editOpinionAction(input: EditOpinionInput) {
  return runMutation((actor) => editOpinion(actor, input));
}

export async function deleteOpinionAction(input: DeleteOpinionInput) {
  return runMutation((actor) => deleteOpinion(actor, input));
}
