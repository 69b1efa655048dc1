// Starts the import's worker thread: the reading is TypeScript (lib/import/read-worker.ts and the pure
// modules it imports), loaded from the sources with tsx, the same in `next start` and in the tests.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
