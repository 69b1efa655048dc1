import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";

/**
 * The heading of a page opened from another one (a unit's desk from the unit, a self-review from the
 * member, a score sheet from its cycle): the way back above the title, named as a breadcrumb so a
 * screen reader announces it as the page's place.
 */
export async function SubpageHeader({ back, ...header }: { back: { href: string; label: ReactNode } } & ComponentProps<typeof PageHeader>) {
  const t = await getTranslations("units");
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={back.href} className="text-brand-700 underline hover:text-brand-800">
          {back.label}
        </Link>
      </nav>
      <PageHeader {...header} />
    </>
  );
}
