"use server";

import { revalidatePath } from "next/cache";
import { addOpinion, deleteOpinion, editOpinion } from "@/lib/data/opinions";
import type { AddOpinionInput, DeleteOpinionInput, EditOpinionInput } from "@/lib/schemas/opinions";
import { runAction } from "./run";

// The secretary's opinions before the meeting (lib/data/opinions.ts). The record's page and the cell's
// list (missing opinions) both change, so the layout is revalidated.

export async function addOpinionAction(input: AddOpinionInput) {
  const result = await runAction((actor) => addOpinion(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function editOpinionAction(input: EditOpinionInput) {
  const result = await runAction((actor) => editOpinion(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function deleteOpinionAction(input: DeleteOpinionInput) {
  const result = await runAction((actor) => deleteOpinion(actor, input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
