import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/review/permissions";
import { verifyPassword } from "@/lib/security/password";
import { accountKey, throttleKeys } from "@/lib/security/throttle";
import { db } from "@/lib/data/db";
import { changeOwnPassword } from "@/lib/data/passwords";
import { claimSignInAttempt } from "@/lib/data/sign-in-throttle";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { actorFor, ensureDemoDistrict } from "./fixtures";

// A signed-in person's password change, on the real database: never held back by strangers' guesses
// at the sign-in form, held back by the person's own wrong attempts, and refusing guessable passwords.

const STRONG = "Mật khẩu tạm 2026";
const change = (actor: Actor, currentPassword: string, newPassword: string) =>
  changeOwnPassword(actor, { currentPassword, newPassword, confirmPassword: newPassword }, null);

let owner: Actor;
let seeded: string;
beforeAll(async () => {
  await ensureDemoDistrict();
  owner = await actorFor("bithu2");
  seeded = (await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).passwordHash;
});

async function restore() {
  await db.user.update({ where: { id: owner.userId }, data: { passwordHash: seeded } });
  await db.signInThrottle.deleteMany({ where: { key: { in: [accountKey(owner.userId), "user:bithu2"] } } });
}
afterAll(restore);

describe("changing one's own password", () => {
  it("is not held back by guesses at the username from many addresses", async () => {
    await restore();
    // Strangers guess at bithu2 from rotating addresses until the username's key makes a fresh browser wait.
    let refused = false;
    for (let i = 0; i < 40 && !refused; i++) refused = !(await claimSignInAttempt(throttleKeys("bithu2", `203.0.113.${i}`).map((k) => k.key))).allowed;
    expect(refused).toBe(true);
    // The signed-in owner changes the password all the same.
    await change(owner, DEMO_PASSWORD, STRONG);
    const after = await db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(await verifyPassword(after.passwordHash, STRONG)).toBe(true);
    await restore();
  });

  it("is held back by the person's own wrong current passwords (a borrowed session cannot guess it)", async () => {
    await restore();
    for (let i = 0; i < 5; i++) {
      await expect(change(owner, `sai-${i}`, STRONG)).rejects.toMatchObject({ fieldErrors: { currentPassword: "wrongPassword" } });
    }
    await expect(change(owner, DEMO_PASSWORD, STRONG)).rejects.toMatchObject({ code: "TRY_LATER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).passwordHash).toBe(seeded);
    await restore();
  });

  it("refuses guessable passwords and ones containing the username, with the reason", async () => {
    await restore();
    for (const weak of ["12345678", "password", "        ", "Password1", "qwertyuiop", "bithu2bithu2"]) {
      const reason = weak.includes("bithu2") ? "passwordHasUsername" : "passwordWeak";
      await expect(change(owner, DEMO_PASSWORD, weak), JSON.stringify(weak)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { newPassword: reason },
      });
    }
    // The username in any case, inside an otherwise strong password.
    await expect(change(owner, DEMO_PASSWORD, "Ngày mới BITHU2 tươi sáng")).rejects.toMatchObject({ fieldErrors: { newPassword: "passwordHasUsername" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).passwordHash).toBe(seeded);
    await restore();
  });

  it("the seeded demo accounts keep the demo password (the seed sets it, not this check)", async () => {
    expect(await verifyPassword(seeded, DEMO_PASSWORD)).toBe(true);
  });
});
