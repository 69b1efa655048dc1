import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/schemas/auth";
import { writeAudit } from "./audit";
import { db } from "./db";

/** A person's own interface language: their own account is the whole scope. */
export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } });
    if (before.locale === locale) return;
    await tx.user.update({ where: { id: actor.userId }, data: { locale } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "user.locale",
      entityId: actor.userId,
      organizationId: null,
      data: { before: before.locale, after: locale },
    });
  });
}
