import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The app (lib/data/db) connects as a role that owns nothing; what only the schema's owner may do (tamper
// with the audit log around its triggers, TRUNCATE, create databases) the tests do through this
// connection. `scripts/with-db.mjs --test` passes its URL.

export const ownerUrl = (() => {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error("DATABASE_OWNER_URL is not set: run the tests through scripts/with-db.mjs --test");
  return url;
})();

export const ownerDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl, max: 2 }) });
