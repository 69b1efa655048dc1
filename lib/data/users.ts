import "server-only";
import { LocaleSchema } from "@/lib/schemas/auth";
import { command } from "./command";

/** A person's own interface language: their own account is the whole scope. Choosing the same one writes nothing. */
export const setUserLocale = command({
  input: LocaleSchema,
  load: (tx, _locale, actor) => tx.user.findUnique({ where: { id: actor.userId }, select: { locale: true } }),
  authorize: () => true,
  write: async ({ tx, actor, input: locale, loaded: before }) => {
    if (before.locale === locale) return { result: undefined, audit: [] };
    await tx.user.update({ where: { id: actor.userId }, data: { locale } });
    return {
      result: undefined,
      audit: { action: "user.locale", entityId: actor.userId, organizationId: null, data: { before: before.locale, after: locale } },
    };
  },
});
