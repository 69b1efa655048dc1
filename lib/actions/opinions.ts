"use server";

import { addOpinion, deleteOpinion, editOpinion } from "@/lib/data/opinions";
import type { AddOpinionInput, DeleteOpinionInput, EditOpinionInput } from "@/lib/schemas/opinions";
import { runMutation } from "./run";

// The secretary's opinions before the meeting (lib/data/opinions.ts). The record's page and the cell's
// list (missing opinions) both change, so the layout is revalidated.

export const addOpinionAction = async (input: AddOpinionInput) => runMutation((actor) => addOpinion(actor, input));

export const editOpinionAction = async (input: EditOpinionInput) => runMutation((actor) => editOpinion(actor, input));

export const deleteOpinionAction = async (input: DeleteOpinionInput) => runMutation((actor) => deleteOpinion(actor, input));
