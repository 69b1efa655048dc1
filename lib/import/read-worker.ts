import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { readRegisterFile, readSheets, UnreadableFileError } from "./read-file";
import { parseRegister, type ParsedRegister } from "./register";
import { findTaskSheet, parseTasks, type ParsedTasks } from "./tasks";

// The body of the import's worker thread (started by lib/data/import-run.ts through worker.mjs): reads a file
// and checks every cell, off the thread that answers the server's requests, and sends back the parsed
// register (at most MAX_IMPORT_ROWS rows of plain values) or why the file was refused. The same thread
// reads the task register's files (`kind: "tasks"`, lib/data/task-import-run.ts). One file at a
// time; the thread stays for the next file (starting it costs a second of loading).

export type ReadRequest = { id: number; kind?: "register" | "tasks"; name: string; bytes: Uint8Array };
export type ReadReply =
  | { id: number; type: "members"; members: ParsedRegister["members"] }
  | { id: number; type: "read"; parsed: ParsedRegister; hash: string; sheetsFound: boolean }
  | { id: number; type: "tasks"; parsed: ParsedTasks; hash: string; sheetsFound: boolean }
  | { id: number; type: "refused"; message: string };

const MEMBERS_PER_MESSAGE = 2_000;
const port = parentPort!;

port.on("message", async ({ id, kind, name, bytes }: ReadRequest) => {
  const send = (reply: ReadReply) => port.postMessage(reply);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === "tasks") {
      const sheet = findTaskSheet(await readSheets(buffer, name));
      const hash = createHash("sha256").update(buffer).digest("hex").slice(0, 32);
      return send({ id, type: "tasks", parsed: sheet ? parseTasks(sheet) : { tasks: [], errors: [], rows: 0 }, hash, sheetsFound: Boolean(sheet) });
    }
    const sheets = await readRegisterFile(buffer, name);
    const hash = createHash("sha256").update(buffer).digest("hex").slice(0, 32);
    const parsed = parseRegister(sheets);
    // The members go over in slices: the server's thread copies each message in at once, and one message
    // of 50,000 rows held it for a noticeable time.
    for (let at = 0; at < parsed.members.length; at += MEMBERS_PER_MESSAGE)
      send({ id, type: "members", members: parsed.members.slice(at, at + MEMBERS_PER_MESSAGE) });
    send({ id, type: "read", parsed: { ...parsed, members: [] }, hash, sheetsFound: Boolean(sheets.organizations || sheets.members) });
  } catch (error) {
    // Anything else is a bug: thrown, it ends the thread, and the server reports it as a system error.
    if (!(error instanceof UnreadableFileError)) throw error;
    send({ id, type: "refused", message: error.message });
  }
});
