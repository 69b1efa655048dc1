import { NextResponse, type NextRequest } from "next/server";
import { checkAction, checkActionBody, checkOrigin, checkUrl, contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security/http";

// Runs before every route (Next 16's "proxy", formerly middleware): refuses what no route should see
// (undecodable URLs, state-changing requests from another origin or none, oversized server actions) and puts the security headers, with a
// fresh CSP nonce, on every response. No database and no session here: those stay with the routes.

const dev = process.env.NODE_ENV === "development";
const TASK_FILE_PATH = /^\/tasks\/[^/]+\/files\/[^/]+$/;
const TASK_FILE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

export async function proxy(request: NextRequest) {
  // Behind a TLS-terminating proxy the scheme arrives in X-Forwarded-Proto.
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const headers = securityHeaders({ https });

  // The path as it arrived (nextUrl re-encodes what it cannot decode). Next has already re-encoded the
  // query by now (an undecodable "%" arrives as "%25"): the server (scripts/serve.mjs) passes the
  // query as the client sent it in X-Raw-Query.
  const raw = new URL(request.url);
  const rawQuery = request.headers.get("x-raw-query") ?? raw.search;
  const refusal = checkUrl(raw.pathname, rawQuery) ?? checkOrigin(request) ?? checkAction(request) ?? (await checkActionBody(request));
  if (refusal) {
    return new NextResponse(`${refusal.status} ${refusal.reason}\n`, {
      status: refusal.status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" },
    });
  }

  const nonce = newNonce();
  // A task's evidence file (app/(app)/tasks/[taskId]/files/[fileId]/route.ts) is served sandboxed, never under the pages' policy.
  const csp = TASK_FILE_PATH.test(raw.pathname) ? TASK_FILE_CSP : contentSecurityPolicy(nonce, { dev, https });
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every path: pages, actions, the auth routes, and the static files (which get the same headers).
  matcher: "/:path*",
};
