import { z } from "zod";

// Optimistic concurrency, as the forms send it: the version of the row the person saw. A write on an
// older one is refused as stale (STALE_EDIT), never applied over someone else's.

/** The version the person saw (a finalize, a submit: `expectedVersion`). */
export const version = z.number().int().min(0);

/** A text saved as it is typed (a draft): the version it was typed on, and its content. */
export const draftOf = <Content extends z.ZodType>(content: Content) => ({ baseVersion: version, content });
