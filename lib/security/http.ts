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

/**
 * A server action (a POST with the Next-Action header) from another origin is refused with 403, and
 * one whose body is larger than the limit with 413, before Next parses it (which answered 500).
 * Browsers send Origin on every POST; a request without it is no cross-site request.
 */
export function checkAction(request: { method: string; headers: { get(name: string): string | null } }): Refusal | null {
  if (request.method !== "POST" || !request.headers.get("next-action")) return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (origin !== null) {
    let originHost: string | null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) return { status: 403, reason: "cross-origin action" };
  }
  const length = request.headers.get("content-length");
  if (length === null) {
    // A chunked body could be of any size; browsers always send the length of an action's body.
    if (request.headers.get("transfer-encoding")) return { status: 411, reason: "length required" };
    return null;
  }
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT) return { status: 413, reason: "action body too large" };
  return null;
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
