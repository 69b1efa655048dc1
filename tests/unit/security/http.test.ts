import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkAction, checkActionBody, checkOrigin, checkUrl, contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security/http";

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
  it("over 1 MB are refused with 413, of unknown length with 411", () => {
    expect(checkAction(request("POST", { ...same, "content-length": String(ACTION_BODY_LIMIT + 1) }))?.status).toBe(413);
    expect(checkAction(request("POST", { ...same, "content-length": "-1" }))?.status).toBe(413);
    const { "content-length": _, ...chunked } = same;
    expect(checkAction(request("POST", { ...chunked, "transfer-encoding": "chunked" }))?.status).toBe(411);
  });
  it("other requests are not actions", () => {
    expect(checkAction(request("GET", { ...same, "content-length": String(ACTION_BODY_LIMIT + 1) }))).toBeNull();
  });
});

describe("requests that change state (actions and route handlers alike)", () => {
  const host = { host: "app.example:3000" };
  it("from the app's own origin pass", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(checkOrigin(request(method, { ...host, origin: "http://app.example:3000" }))).toBeNull();
    // Behind a trusted proxy the host the browser used arrives as X-Forwarded-Host.
    expect(checkOrigin(request("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "kiemdiem.example", origin: "https://kiemdiem.example" }))).toBeNull();
  });
  it("from another origin, an opaque one or none are refused with 403", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkOrigin(request(method, { ...host, origin: "http://evil.example" }))?.status, method).toBe(403);
      expect(checkOrigin(request(method, host))?.status, method).toBe(403);
    }
    expect(checkOrigin(request("POST", { ...host, origin: "null" }))?.status).toBe(403);
    expect(checkOrigin(request("POST", { ...host, origin: "not a url" }))?.status).toBe(403);
    expect(checkOrigin(request("POST", { ...host, origin: "http://app.example:3001" }))?.status).toBe(403);
    expect(checkOrigin(request("POST", { origin: "http://app.example:3000" }))?.status).toBe(403);
  });
  it("reading is never refused for its origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(checkOrigin(request(method, { ...host, origin: "http://evil.example" }))).toBeNull();
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
    expect(securityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": expect.any(String),
      "Permissions-Policy": expect.stringContaining("camera=()"),
    });
  });
  it("a nonce is fresh every time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("server action bodies Next would fail to parse", () => {
  const ID = "40".repeat(21);
  const post = (body: string, headers: Record<string, string>) =>
    new Request("http://app.example/sign-in", { method: "POST", body, headers: { "content-length": String(Buffer.byteLength(body)), ...headers } });
  const text = { "next-action": ID, "content-type": "text/plain;charset=UTF-8" };
  const multipart = { "content-type": "multipart/form-data; boundary=XyZ" };
  const form =
    '--XyZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--XyZ\r\nContent-Disposition: form-data; name="1_username"\r\n\r\nbithu\r\n--XyZ--\r\n';

  it("well-formed bodies pass", async () => {
    for (const body of ['["vi"]', '[{"a":"$$dollar","d":"$D2026-01-01T00:00:00.000Z","u":"$undefined","n":"$n12"}]', "{}"])
      expect(await checkActionBody(post(body, text)), body).toBeNull();
    expect(await checkActionBody(post(form, { ...multipart, "next-action": ID }))).toBeNull();
    expect(await checkActionBody(post(form, multipart))).toBeNull();
  });
  it("garbage, truncated or dangling bodies and malformed ids are refused with 400", async () => {
    for (const body of ["{{{garbage", '["vi', '["$Q99"]', '[{"a":"$1"}]', '["$nope"]', '["$@0"]'])
      expect((await checkActionBody(post(body, text)))?.status, body).toBe(400);
    expect((await checkActionBody(post(form.slice(0, 60), { ...multipart, "next-action": ID })))?.status).toBe(400);
    expect((await checkActionBody(post("garbage", { "next-action": ID, "content-type": "multipart/form-data" })))?.status).toBe(400);
    // Without Next-Action, a multipart POST is still a form's action to Next.
    expect((await checkActionBody(post(form.slice(0, 60), multipart)))?.status).toBe(400);
    expect((await checkActionBody(post('["vi"]', { ...text, "next-action": "<script>" })))?.status).toBe(400);
  });
  it("other requests are not read", async () => {
    expect(await checkActionBody(post("{{{", { "content-type": "text/plain" }))).toBeNull();
    expect(await checkActionBody(new Request("http://app.example/", { method: "GET" }))).toBeNull();
  });
});
