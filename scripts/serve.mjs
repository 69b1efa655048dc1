#!/usr/bin/env node
// The production server: `next start` with one difference. `next start` passes on whatever
// X-Forwarded-For a client sends (it adds the connection's address only when the header is missing),
// and Next gives routes no other way to learn the connection's address, so a client reaching it
// directly could choose the address the sign-in throttle counts against. Here every request's
// forwarding headers are believed only from the proxies in TRUSTED_PROXIES (scripts/client-address.mjs);
// otherwise they are dropped and X-Forwarded-For becomes the connection's own address. It also passes
// on the query as the client sent it (X-Raw-Query), which Next re-encodes before proxy.ts runs.
//
// Usage: node scripts/serve.mjs [-p PORT] [-H HOSTNAME]   (PORT and HOSTNAME from the environment too)
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { applyClientAddress, parseTrustedProxies } from "./client-address.mjs";

const args = process.argv.slice(2);
const option = (...names) => {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? process.env.HOSTNAME;
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  applyClientAddress(req.headers, req.socket.remoteAddress, trusted);
  // Next re-encodes the query before proxy.ts sees it (an undecodable "%" becomes "%25"): the query as
  // sent goes along, so proxy.ts refuses an undecodable one with 400 as it does an undecodable path.
  delete req.headers["x-raw-query"];
  const query = req.url?.indexOf("?") ?? -1;
  if (query >= 0) req.headers["x-raw-query"] = req.url.slice(query);
  handle(req, res);
});
server.listen(port, hostname, () => {
  const trustedNote = process.env.TRUSTED_PROXIES
    ? `forwarding headers believed from ${process.env.TRUSTED_PROXIES}`
    : "no trusted proxies: client addresses are the connections' own";
  console.log(`▲ ready on http://${hostname ?? "localhost"}:${port} (${trustedNote})`);
});

// SIGTERM/SIGINT: stop taking connections, let the requests in flight finish, then exit.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
