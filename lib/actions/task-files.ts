"use server";

import { removeTaskFile } from "@/lib/data/task-files";
import type { RemoveTaskFileInput } from "@/lib/schemas/tasks";
import { runMutation } from "./run";

// A task's evidence files (lib/data/task-files.ts). Adding one is the upload route's
// (app/(app)/tasks/[taskId]/files/route.ts): a file of up to 10 MB is no server action's body.

export const removeTaskFileAction = async (input: RemoveTaskFileInput) => runMutation((actor) => removeTaskFile(actor, input));
