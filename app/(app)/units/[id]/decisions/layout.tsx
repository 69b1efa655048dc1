import { ClientMessages } from "@/components/layout/client-messages";

// The message namespaces the client components of the pages below read (beside the base ones);
// tests/unit/i18n/client-messages.test.ts checks the list against the sources.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["decide", "grading", "notRated", "tasks"]}>{children}</ClientMessages>;
}
