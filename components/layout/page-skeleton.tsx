// The skeleton shown while a list page loads (see the loading.tsx files that use it).
import { getTranslations } from "next-intl/server";

export async function PageSkeleton() {
  const t = await getTranslations("common");
  return (
    <div role="status" className="animate-pulse space-y-4" aria-label={t("loading")}>
      <div className="h-8 w-1/3 rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-40 rounded-xl bg-slate-200" />
        <div className="h-40 rounded-xl bg-slate-200" />
      </div>
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}
