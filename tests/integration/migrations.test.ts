import { describe, expect, it } from "vitest";
import { drift } from "../../scripts/migrate.mjs";
import { ownerUrl } from "./owner";

describe("migrations", () => {
  it("prisma/migrations produce exactly the schema of prisma/schema.prisma", async () => {
    // Replays the committed migrations on a shadow database and diffs them against the schema:
    // a model change without its migration fails here, with the SQL that is missing.
    expect(await drift(ownerUrl)).toBe("");
  });
});
