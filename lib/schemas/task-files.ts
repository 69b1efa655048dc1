import { z } from "zod";
import { id, line } from "./text";

// An evidence file of a task's product (lib/review/tasks.ts: TASK_FILE_TYPES, taskFileProblem). The bytes
// come from the upload route (app/(app)/tasks/[taskId]/files/route.ts), never from a server action.

/** A file name as the person's computer gave it: one clean line, required. Its type is judged by taskFileProblem. */
const fileName = z.string({ message: "required" }).trim().min(1, { message: "required" }).pipe(line(255));

export const AddTaskFileSchema = z.object({ taskId: id, fileName, bytes: z.instanceof(Uint8Array, { message: "required" }) });
export type AddTaskFileInput = z.input<typeof AddTaskFileSchema>;
