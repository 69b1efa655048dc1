import type { ActionResult } from "@/lib/actions/result";
import type { SelfReviewContent } from "@/lib/review/templates";
import type { SaveOutcome } from "./use-autosave";

/**
 * Sends a self-review draft to its route (app/(app)/reviews/[id]/draft/route.ts), the autosave's lighter
 * road than a server action. The answer is the same ActionResult an action gives, whatever the status:
 * saved, the newer text of a stale save, or a refusal's message key. What is not such an answer (the
 * proxy's plain-text refusal, a proxy's error page) throws, as an unreachable server does, so
 * useAutosave keeps the text on the device and tries again.
 */
export async function saveSelfReviewDraft(
  recordId: string,
  baseVersion: number,
  content: SelfReviewContent,
): Promise<ActionResult<SaveOutcome<SelfReviewContent>>> {
  const response = await fetch(`/reviews/${encodeURIComponent(recordId)}/draft`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ baseVersion, content }),
    cache: "no-store",
  });
  if (!response.headers.get("content-type")?.startsWith("application/json")) throw new Error(`autosave: HTTP ${response.status}`);
  const result = (await response.json()) as ActionResult<SaveOutcome<SelfReviewContent>>;
  // JSON carries the times as text; an action's answer carried Dates, and the banner formats Dates.
  if (result.ok) {
    if (result.data.saved) result.data.savedAt = new Date(result.data.savedAt);
    else result.data.conflict.savedAt = new Date(result.data.conflict.savedAt);
  }
  return result;
}
