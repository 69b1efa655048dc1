// npm run audit:verify — recomputes the audit log's hash chain and names the first row that breaks it.
// Exit code 0 when the chain holds, 1 when it is broken. Prints the head hash, to keep elsewhere.
import { db } from "@/lib/data/db";
import { verifyAuditChain } from "@/lib/data/audit";

const started = performance.now();
const report = await verifyAuditChain();
const ms = Math.round(performance.now() - started);
if (report.firstBroken) {
  console.error(`Audit chain BROKEN at row ${report.firstBroken.id} (${report.firstBroken.reason} does not match); ${report.rows} rows checked in ${ms} ms.`);
  process.exitCode = 1;
} else {
  console.log(`Audit chain holds: ${report.rows} rows in ${ms} ms. Head hash: ${report.head ?? "(empty log)"}`);
}
await db.$disconnect();
