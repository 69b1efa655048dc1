import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkAction, checkUrl, contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security/http";

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe("URLs no route should see", () => {
  it.each([
    ["/members/%C0%AF", "", 400],
    ["/members/%E0%A4%A", "", 400],
    ["/units/%00", "", 400],
    ["/units/abc", "?q=%00", 400],
    ["/units/abc", "?q=%ZZ", 400],
    ["/units/abc", "?q=%1B", 400],
    ["/units/abc", "?q=nguy%E1%BB%85n+v%C4%83n&page=2", null],
    ["/members/cm3x9k2lq0000abcd", "", null],
    ["/", "", null],
  ])("%s%s", (path, search, status) => {
    expect(checkUrl(path, search)?.status ?? null).toBe(status);
  });
});

describe("server actions", () => {
  const same = { "next-action": "7f00", host: "app.example:3000", origin: "http://app.example:3000", "content-length": "120" };
  it("from the app's own origin, within the limit, pass", () => {
    expect(checkAction(request("POST", same))).toBeNull();
    expect(checkAction(request("POST", { ...same, "content-length": String(ACTION_BODY_LIMIT) }))).toBeNull();
  });
  it("from another origin are refused with 403", () => {
    expect(checkAction(request("POST", { ...same, origin: "http://evil.example" }))?.status).toBe(403);
    expect(checkAction(request("POST", { ...same, origin: "null" }))?.status).toBe(403);
    expect(checkAction(request("POST", { ...same, origin: "not a url" }))?.status).toBe(403);
  });
  it("over 1 MB are refused with 413, of unknown length with 411", () => {
    expect(checkAction(request("POST", { ...same, "content-length": String(ACTION_BODY_LIMIT + 1) }))?.status).toBe(413);
    expect(checkAction(request("POST", { ...same, "content-length": "-1" }))?.status).toBe(413);
    const { "content-length": _, ...chunked } = same;
    expect(checkAction(request("POST", { ...chunked, "transfer-encoding": "chunked" }))?.status).toBe(411);
  });
  it("other requests are not actions", () => {
    expect(checkAction(request("GET", { ...same, origin: "http://evil.example" }))).toBeNull();
    expect(checkAction(request("POST", { host: "a", origin: "http://evil.example" }))).toBeNull();
  });
});

describe("headers", () => {
  it("the CSP allows scripts by nonce only, never eval in production, and no framing", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy("abc", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("abc", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
  it("HSTS only over HTTPS; nosniff, referrer and permissions always", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": expect.any(String), "Permissions-Policy": expect.stringContaining("camera=()") });
  });
  it("a nonce is fresh every time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
