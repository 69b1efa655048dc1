import { describe, expect, it } from "vitest";
import { runAs } from "@/lib/actions/run-as";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/review/permissions";

// What a form is told when the use case could not run: a busy server (no connection came free within the
// transaction's maxWait) is said to be busy — nothing was saved, save again — not an error id to report.

const actor = { userId: "u1" } as Actor;
const busy = new Prisma.PrismaClientKnownRequestError("Unable to start a transaction in the given time.", {
  code: "P2028",
  clientVersion: Prisma.prismaVersion.client,
});

describe("runAs", () => {
  it("answers BUSY when the transaction could not start in time", async () => {
    expect(await runAs(actor, async () => Promise.reject(busy))).toEqual({ ok: false, formError: "BUSY" });
  });

  it("keeps an id for anything unexpected", async () => {
    const result = await runAs(actor, async () => Promise.reject(new Error("boom")));
    expect(result).toMatchObject({ ok: false, formError: "generic", errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
  });
});
