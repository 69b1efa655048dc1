import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import { WorkflowError } from "@/lib/review/workflow";
import type { ActionResult } from "./result";

/**
 * runAction's second half, for an actor already read (runAction reads it with getActor; the autosave's
 * route with getActorOfRequest): run the use case and turn what went wrong into a result the form can
 * show. Expected failures carry message keys; anything else is logged with an id the person can quote.
 * No framework import here, so that a route using it can be tested as it runs.
 */
export async function runAs<T>(actor: Actor | null, execute: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
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
    // No connection came free in the transaction's maxWait (many writers waiting on one lock, e.g. a
    // committee's decisions sent all at once): nothing was written, and saving again is the answer.
    if (isBusy(error)) return { ok: false, formError: "BUSY" };
    const errorId = randomUUID().slice(0, 8);
    console.error(`[action ${errorId}]`, error);
    return { ok: false, formError: "generic", errorId };
  }
}

/** Prisma's P2028: the transaction could not start (no pooled connection within maxWait). */
function isBusy(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "P2028";
}
