// Whose address a request comes from, for the sign-in throttle. PURE (node:net only): the server
// (scripts/serve.mjs) applies it to every request before Next sees it, and the unit tests read it.
//
// A forwarding header is anyone's to write: it is believed only from the proxies named in
// TRUSTED_PROXIES. Otherwise the address is the connection's own, whatever the request says.
import { BlockList, isIP } from "node:net";

/** The headers through which a proxy tells what it forwarded; none is passed on from anyone else. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** An address as the throttle keys it: IPv4-mapped IPv6 as IPv4, lower case; null when not an address. */
export function normalizeAddress(value) {
  if (typeof value !== "string") return null;
  let address = value.trim().toLowerCase();
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address : null;
}

/**
 * The trusted proxies from TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 or IPv6, separated by
 * commas or spaces. An entry that is neither is an error (a typo must not silently trust nobody, or
 * everybody).
 */
export function parseTrustedProxies(value) {
  const list = new BlockList();
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [base, bits, extra] = entry.split("/");
    const address = normalizeAddress(base);
    const family = address ? (isIP(address) === 4 ? "ipv4" : "ipv6") : null;
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === "ipv4" ? 32 : 128;
    if (!address || extra !== undefined || (prefix !== null && (!/^\d{1,3}$/.test(bits) || prefix > max))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`);
    }
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

function isTrusted(address, trusted) {
  return trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the connection's peer, unless that peer is a trusted proxy; then
 * X-Forwarded-For is read from the right (each proxy appends the address it was reached from),
 * skipping trusted proxies, and the first address that is not one is the client. An entry that is not
 * an address stops the walk at the last one believed (only a trusted proxy's client could have
 * written it). Null only when the socket has no address (it closed).
 */
export function resolveClientAddress(remoteAddress, forwardedFor, trusted) {
  let client = normalizeAddress(remoteAddress);
  if (!client || !isTrusted(client, trusted)) return client;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header.split(",").reverse();
  for (const hop of hops) {
    const address = normalizeAddress(hop);
    if (!address) break;
    client = address;
    if (!isTrusted(address, trusted)) break;
  }
  return client;
}

/**
 * Rewrites a Node request's headers in place: from an untrusted peer every forwarding header is
 * dropped (Next then fills in the connection's own host, scheme and address); from a trusted proxy
 * they stay, and X-Forwarded-For is replaced by the one client address believed, which is what the
 * application reads.
 */
export function applyClientAddress(headers, remoteAddress, trusted) {
  const peer = normalizeAddress(remoteAddress);
  const fromProxy = peer !== null && isTrusted(peer, trusted);
  const client = resolveClientAddress(remoteAddress, headers["x-forwarded-for"], trusted);
  if (!fromProxy) for (const name of FORWARDING_HEADERS) delete headers[name];
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
  return client;
}
