import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/review/permissions";

/** For pages: a target that is missing or outside the actor's scope renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
