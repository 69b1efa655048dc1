import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  const link = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pageOf", { page, pageCount })} className="mt-3 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
