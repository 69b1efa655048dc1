import { describe, expect, it } from "vitest";
import { applyClientAddress, parseTrustedProxies, resolveClientAddress } from "@/scripts/client-address.mjs";

// Whose address a request comes from (scripts/serve.mjs applies this to every request of `npm start`).

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1");

describe("the client address", () => {
  it("is the connection's own when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forged of ["198.51.100.7", "garbage", "1.2.3.4, 5.6.7.8", "", undefined]) {
      expect(resolveClientAddress("203.0.113.9", forged, none)).toBe("203.0.113.9");
    }
    // Node's dual-stack sockets name IPv4 peers as IPv4-mapped IPv6.
    expect(resolveClientAddress("::ffff:203.0.113.9", "198.51.100.7", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::1", "198.51.100.7", none)).toBe("::1");
  });

  it("is the connection's own when the peer is not a trusted proxy", () => {
    expect(resolveClientAddress("192.0.2.5", "198.51.100.7", proxies)).toBe("192.0.2.5");
  });

  it("is read from X-Forwarded-For, right to left past trusted proxies, when a trusted proxy forwards", () => {
    expect(resolveClientAddress("127.0.0.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client wrote the first entry itself; the proxies appended the rest.
    expect(resolveClientAddress("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("::1", "2001:DB8::7", proxies)).toBe("2001:db8::7");
    // Garbage stops the walk at the last address believed; nothing forwarded: the proxy itself.
    expect(resolveClientAddress("127.0.0.1", "garbage, 10.1.2.3", proxies)).toBe("10.1.2.3");
    expect(resolveClientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
  });

  it("refuses a TRUSTED_PROXIES entry that is no address or range", () => {
    for (const wrong of ["localhost", "10.0.0.0/33", "10.0.0.0/8/1", "1.2.3"]) expect(() => parseTrustedProxies(wrong), wrong).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("2001:db8::/32, 192.168.1.1")).not.toThrow();
  });

  it("drops every forwarding header from a client and keeps them from a proxy, with X-Forwarded-For the address believed", () => {
    const direct: Record<string, string> = {
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=1.2.3.4",
      host: "app",
    };
    expect(applyClientAddress(direct, "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(direct).toEqual({ "x-forwarded-for": "203.0.113.9", host: "app" });
    const proxied: Record<string, string> = { "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-forwarded-proto": "https", host: "app" };
    applyClientAddress(proxied, "127.0.0.1", proxies);
    expect(proxied).toEqual({ "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https", host: "app" });
  });
});
