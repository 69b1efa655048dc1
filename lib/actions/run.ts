import "server-only";
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/review/permissions";
import { getActor } from "@/lib/auth/session";
import type { ActionResult } from "./result";
import { runAs } from "./run-as";

/**
 * The one road of a server action: authenticate, run the use case, and turn what went wrong into
 * a result the form can show. Expected failures carry message keys; anything else is logged with an
 * id the person can quote.
 */
export async function runAction<T>(execute: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  return runAs(await getActor(), execute);
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
