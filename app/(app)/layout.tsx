import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { NavLinks } from "@/components/layout/nav-links";
import { signOutAction } from "@/lib/actions/auth";
import { subtreeRoots } from "@/lib/review/permissions";
import { requireActor } from "@/lib/auth/session";

// Every page below reads the database for the signed-in person: never prerendered.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const roles = [...new Set(actor.roles.map((r) => t(`roles.${r.role}`)))].join(", ");
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span aria-hidden className="text-amber-300">
              ★
            </span>
            {t("common.appShort")}
          </Link>
          <NavLinks
            label={t("nav.mainMenu")}
            links={[
              { href: "/", label: t("nav.home") },
              { href: "/units", label: t("nav.units") },
              // The task register: one's own, or the results to confirm from the members' and units' pages.
              ...(actor.memberId || subtreeRoots(actor, "task:confirm").length > 0 ? [{ href: "/tasks", label: t("tasks.nav.label") }] : []),
              ...(subtreeRoots(actor, "cycle:manage").length > 0 ? [{ href: "/cycles", label: t("nav.cycles") }] : []),
              ...(subtreeRoots(actor, "report:read").length > 0 ? [{ href: "/reports", label: t("reports.nav") }] : []),
            ]}
          />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-right leading-tight sm:block">
              <span className="block font-medium" data-testid="actor-name">
                {actor.displayName}
              </span>
              <span className="block text-xs text-brand-100">{roles}</span>
            </span>
            <LocaleSwitcher />
            <Link href="/account" className="rounded-md px-2 py-1.5 text-sm underline-offset-2 hover:underline">
              {t("security.account.nav")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-white/40 px-3 py-1.5 text-sm hover:bg-white/10">
                {t("common.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
