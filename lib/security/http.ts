// What every response carries and which requests are refused before any route runs. PURE: no
// framework, no database; proxy.ts applies it to each request, and the unit tests read it directly.

import { isCleanText } from "@/lib/text/clean";

/** The largest server-action body accepted, as Next's own limit (serverActions.bodySizeLimit, 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next puts it on
 * its own scripts) or when loaded by such a script ('strict-dynamic'); no eval outside development,
 * where React's debugging needs it. Styles: the app's stylesheets and Next's nonced style elements;
 * inline style attributes (a progress bar's width) are allowed, as they cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers of every response besides the CSP: no framing, no sniffing, no referrer abroad, no powerful features. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // The CSP's frame-ancestors says the same to current browsers; this is for older ones.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export type Refusal = { status: 400 | 403 | 411 | 413; reason: string };

/**
 * A URL whose path or query cannot be decoded, or decodes to control characters or lone surrogates,
 * names nothing this application has: 400 here, before a route could pass it to the database.
 */
export function checkUrl(rawPath: string, rawSearch: string): Refusal | null {
  const parts = [rawPath, ...rawSearch.replace(/^\?/, "").split(/[&=]/)];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return { status: 400, reason: "malformed percent-encoding" };
    }
    if (!isCleanText(decoded)) return { status: 400, reason: "control characters in the URL" };
  }
  return null;
}

type RequestLike = { method: string; headers: { get(name: string): string | null } };

/** The methods that change state; every other one (GET, HEAD, OPTIONS) only reads. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A request that changes state (POST, PUT, PATCH, DELETE: server actions, the import's run, Auth.js's
 * sign-in and sign-out) must come from a page of this application: its Origin must name this host,
 * or it is refused with 403 before any route or action runs. Browsers send Origin on every such
 * request (fetch and form posts alike), so a missing or "null" one is refused too; scripts that post
 * on purpose send the application's origin.
 */
export function checkOrigin(request: RequestLike): Refusal | null {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin === null) return { status: 403, reason: "missing Origin" };
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) return { status: 403, reason: "cross-origin request" };
  return null;
}

/**
 * A server action (a POST with the Next-Action header) whose body is larger than the limit is refused
 * with 413 before Next parses it (which answered 500); its origin is checkOrigin's.
 */
export function checkAction(request: RequestLike): Refusal | null {
  if (request.method !== "POST" || !request.headers.get("next-action")) return null;
  const length = request.headers.get("content-length");
  if (length === null) {
    // A chunked body could be of any size; browsers always send the length of an action's body.
    if (request.headers.get("transfer-encoding")) return { status: 411, reason: "length required" };
    return null;
  }
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT) return { status: 413, reason: "action body too large" };
  return null;
}

/** The ids Next gives server actions: hex, 42 characters in Next 16 (a little slack for other versions). */
const ACTION_ID = /^[0-9a-f]{40,64}$/i;

// The "$" strings React's decodeReply reads without another part of the body: an escaped "$", a date,
// undefined, Infinity, -Infinity, -0, NaN, a temporary reference, and a bigint (digits only, as
// BigInt() throws on anything else). Every other "$" string points into a multipart body's parts.
const SELF_CONTAINED_REFERENCE = /^\$(?:\$|D|undefined$|Infinity$|-Infinity$|-0$|NaN$|T|n-?\d+$)/;

function hasDanglingReference(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === "string") return value.startsWith("$") && !SELF_CONTAINED_REFERENCE.test(value);
  if (Array.isArray(value)) return value.some((v) => hasDanglingReference(v, depth + 1));
  if (value && typeof value === "object") return Object.values(value).some((v) => hasDanglingReference(v, depth + 1));
  return false;
}

/**
 * A server action's body that Next would fail to parse (and answer 500, logging a stack trace each
 * time) is refused with 400 here: an action id that is not one, a text body that is not JSON or
 * refers to parts it cannot have, a multipart body that does not parse. Only bodies within the
 * action limit are read (larger ones are checkAction's 413); a multipart POST without Next-Action is
 * read too, as Next takes it for a form's action when JavaScript is off.
 */
export async function checkActionBody(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const actionId = request.headers.get("next-action");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (actionId === null && !multipart) return null;
  if (actionId !== null && !ACTION_ID.test(actionId)) return { status: 400, reason: "malformed action id" };
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!(length <= ACTION_BODY_LIMIT)) return null;
  if (multipart) {
    try {
      await request.clone().formData();
    } catch {
      return { status: 400, reason: "malformed multipart body" };
    }
    return null;
  }
  if (actionId !== null && type.startsWith("text/plain")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await request.clone().text());
    } catch {
      return { status: 400, reason: "malformed action body" };
    }
    if (hasDanglingReference(parsed)) return { status: 400, reason: "malformed action body" };
  }
  return null;
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
