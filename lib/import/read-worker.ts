import { createHash } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { readRegisterFile, UnreadableFileError } from "./read-file";
import { parseRegister, type ParsedRegister } from "./register";

// The body of the import's worker thread (started by lib/import/run.ts through worker.mjs): reads the
// file and checks every cell, off the thread that answers the server's requests, and sends back the
// parsed register (at most MAX_IMPORT_ROWS rows of plain values) or why the file was refused.

export type ReadRequest = { name: string; bytes: Uint8Array };
export type ReadReply =
  | { type: "members"; members: ParsedRegister["members"] }
  | { type: "read"; parsed: ParsedRegister; hash: string; sheetsFound: boolean }
  | { type: "refused"; message: string };

const MEMBERS_PER_MESSAGE = 2_000;
const port = parentPort!;
const { name, bytes } = workerData as ReadRequest;
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const send = (reply: ReadReply) => port.postMessage(reply);

try {
  const sheets = await readRegisterFile(buffer, name);
  const hash = createHash("sha256").update(buffer).digest("hex").slice(0, 32);
  const parsed = parseRegister(sheets);
  // The members go over in slices: the server's thread copies each message in at once, and one message
  // of 50,000 rows held it for a noticeable time.
  for (let at = 0; at < parsed.members.length; at += MEMBERS_PER_MESSAGE) send({ type: "members", members: parsed.members.slice(at, at + MEMBERS_PER_MESSAGE) });
  send({ type: "read", parsed: { ...parsed, members: [] }, hash, sheetsFound: Boolean(sheets.organizations || sheets.members) });
} catch (error) {
  if (!(error instanceof UnreadableFileError)) throw error;
  send({ type: "refused", message: error.message });
}
