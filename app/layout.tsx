import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CLIENT_BASE_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-namespaces";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s · ${t("appShort")}` },
    // public/: the icon, and the manifest that lets a member add the app to a phone's home screen.
    icons: { icon: "/icon.svg", apple: "/icons/apple-touch-icon.png" },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#991b1b" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        {/* Only the messages every page's browser code reads: a segment whose client components read more
            adds them (components/layout/client-messages.tsx), so a page does not carry the whole catalogue. */}
        <NextIntlClientProvider messages={pickNamespaces(messages, CLIENT_BASE_NAMESPACES)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
