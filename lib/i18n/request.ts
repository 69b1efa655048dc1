import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LocaleSchema, type Locale } from "@/lib/schemas/auth";
import { loadMessages } from "./messages";

export const LOCALE_COOKIE = "NEXT_LOCALE";

// Vietnamese first; English when the person switched. No locale in the URL: links stay shareable.
export default getRequestConfig(async () => {
  const store = await cookies();
  const parsed = LocaleSchema.safeParse(store.get(LOCALE_COOKIE)?.value);
  const locale: Locale = parsed.success ? parsed.data : "vi";
  return { locale, messages: loadMessages(locale), timeZone: "Asia/Ho_Chi_Minh" };
});
