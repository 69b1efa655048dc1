import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { WorkflowError } from "@/lib/review/workflow";
import type { ActionResult } from "./result";

/**
 * The one road of a server action: authenticate, run the use case, and turn what went wrong into
 * a result the form can show. Expected failures carry message keys; anything else is logged with an
 * id the person can quote.
 */
export async function runAction<T>(execute: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  const actor = await getActor();
  // About the caller only, so it leaks nothing: the session ended, sign in again.
  if (!actor) return { ok: false, formError: "UNAUTHENTICATED" };
  try {
    return { ok: true, data: await execute(actor) };
  } catch (error) {
    if (error instanceof ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      return { ok: false, formError: "INVALID_INPUT", fieldErrors };
    }
    if (error instanceof NotFoundError) return { ok: false, formError: "NOT_FOUND" };
    if (error instanceof DomainError)
      return { ok: false, formError: error.code, fieldErrors: error.fieldErrors, ...(error.values ? { formValues: error.values } : {}) };
    if (error instanceof WorkflowError) return { ok: false, formError: error.code };
    const errorId = randomUUID().slice(0, 8);
    console.error(`[action ${errorId}]`, error);
    return { ok: false, formError: "generic", errorId };
  }
}

/** What a change makes stale, as revalidatePath takes it: a path and, for a layout, every page under it. */
type Stale = [path: string, type?: "layout" | "page"];
const EVERY_PAGE: Stale = ["/", "layout"];

/**
 * A server action that changes something: runAction, then, when it succeeded, the pages that show it
 * revalidated — by default every page (most changes show on the desk, the lists and the record alike).
 */
export async function runMutation<T>(execute: (actor: Actor) => Promise<T>, ...stale: Stale | []): Promise<ActionResult<T>> {
  const result = await runAction(execute);
  if (result.ok) revalidatePath(...(stale.length === 0 ? EVERY_PAGE : stale));
  return result;
}
