// Types for scripts/client-address.mjs, which the unit tests call.
import type { BlockList } from "node:net";
import type { IncomingHttpHeaders } from "node:http";

export const FORWARDING_HEADERS: string[];
export function normalizeAddress(value: unknown): string | null;
export function parseTrustedProxies(value: string | undefined): BlockList;
export function resolveClientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | null;
export function applyClientAddress(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trusted: BlockList): string | null;
