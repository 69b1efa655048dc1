import { runAs } from "@/lib/actions/run-as";
import type { ActionResult } from "@/lib/actions/result";
import { getActorOfRequest } from "@/lib/auth/request";
import { saveSelfReviewDraft } from "@/lib/data/self-reviews";
import { ACTION_BODY_LIMIT, checkOrigin } from "@/lib/security/http";

// POST /reviews/<recordId>/draft (JSON: { baseVersion, content }) → the ActionResult of saveSelfReviewDraft, as JSON.
//
// The self-review's autosave, the busiest write of the review (a save a second while a member types,
// hundreds of members at once on a review evening). A route handler rather than a server action: an
// action costs the server about three times the CPU of the save itself (React's decoding of the reply,
// auth() through Auth.js's internal request and a re-encrypted cookie, the RSC answer), see
// docs/benchmarks.md "Autosave". Every guarantee of the action is kept, in the same places:
//  - origin: proxy.ts refuses a cross-origin or origin-less POST (checkOrigin); asked again here so the
//    route does not rest on the proxy's matcher;
//  - size: the action's limit (ACTION_BODY_LIMIT, 1 MB), from Content-Length, before the body is read;
//  - session: checked on every save (getActorOfRequest: the cookie, its Session row, the roles);
//  - scope, stale-save refusal, input policy: saveSelfReviewDraft itself, the one road of a draft save
//    (its zod schema, its authorization on the loaded record, its version compared in the write);
//  - refusals as the same message keys (runAs, runAction's other half). The browser keeps its own copy
//    (components/review/use-autosave) until a save answers saved.

const json = (result: ActionResult<unknown>, status: number) => Response.json(result, { status, headers: { "Cache-Control": "no-store" } });

/** The HTTP status of a refusal; the body is the ActionResult the form reads either way. */
function statusOf(result: ActionResult<unknown>): number {
  if (result.ok) return 200;
  switch (result.formError) {
    case "UNAUTHENTICATED":
      return 401;
    case "NOT_FOUND":
      return 404;
    case "INVALID_INPUT":
      return 400;
    case "generic":
      return 500;
    case "BUSY":
      return 503;
    default:
      return 409; // the record's state refuses a draft now (submitted, decided…)
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (checkOrigin(request)) return json({ ok: false, formError: "NOT_FOUND" }, 403);
  const length = Number(request.headers.get("content-length") ?? NaN);
  // Browsers always send the length of a fetch's text body; a chunked one could be of any size.
  if (!Number.isFinite(length)) return json({ ok: false, formError: "INVALID_INPUT" }, 411);
  if (length > ACTION_BODY_LIMIT) return json({ ok: false, formError: "INVALID_INPUT" }, 413);
  const actor = await getActorOfRequest(request);
  if (!actor) return json({ ok: false, formError: "UNAUTHENTICATED" }, 401);
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return json({ ok: false, formError: "INVALID_INPUT" }, 400);
  }
  const { id } = await params;
  // The record is the URL's; anything else that is not an object is the schema's to refuse.
  const input = body !== null && typeof body === "object" && !Array.isArray(body) ? { ...body, recordId: id } : body;
  const result = await runAs(actor, (a) => saveSelfReviewDraft(a, input));
  return json(result, statusOf(result));
}
