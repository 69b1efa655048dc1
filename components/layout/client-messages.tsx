import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_BASE_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-namespaces";

/**
 * The messages the client components under a segment read, and no others: the base namespaces and
 * `namespaces`. A segment's layout wraps its children in it (a layout, not the page, so it renders again
 * when a person navigates into the segment). It replaces the messages of a provider above it, so it
 * names everything its pages' client components read; the test in tests/unit/i18n checks that it does.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, [...CLIENT_BASE_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
