import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Select } from "@/components/forms/field";
import { Options } from "@/components/forms/options";
import { buttonClass } from "@/components/ui/button";
import { reportHref } from "./report-href";

export type ReportTab = "progress" | "statistics" | "quota" | "lists" | "import";

const PATHS: Record<ReportTab, string> = {
  progress: "/reports",
  statistics: "/reports/statistics",
  quota: "/reports/quota",
  lists: "/reports/lists",
  import: "/reports/import",
};

export function reportPath(tab: ReportTab) {
  return PATHS[tab];
}

/** Tabs, the unit's path (each step a link to the same report one level up) and the year chooser. */
export async function ReportFrame({
  tab,
  unit,
  breadcrumbs,
  years,
  year,
  canImport,
  actions,
  children,
}: {
  tab: ReportTab;
  unit: { id: string; name: string };
  breadcrumbs: { id: string; name: string }[];
  years: number[];
  year: number | null;
  canImport: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations("reports");
  const tabs: ReportTab[] = ["progress", "statistics", "quota", "lists", ...(canImport ? (["import"] as const) : [])];
  return (
    <>
      <nav aria-label={t("tabs.label")} className="no-print -mx-4 mb-4 overflow-x-auto border-b border-slate-200 px-4">
        <ul className="flex min-w-max gap-1">
          {tabs.map((key) => (
            <li key={key}>
              <Link
                href={key === "import" ? PATHS.import : reportHref(PATHS[key], { unit: unit.id })}
                aria-current={key === tab ? "page" : undefined}
                className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm text-slate-700 hover:text-brand-800 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
              >
                {t(`tabs.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab !== "import" && (
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
            <ol className="flex flex-wrap items-center gap-1">
              {breadcrumbs.map((b) => (
                <li key={b.id} className="after:ml-1 after:content-['›']">
                  <Link href={reportHref(PATHS[tab], { unit: b.id, year })} className="text-brand-800 hover:underline">
                    {b.name}
                  </Link>
                </li>
              ))}
              <li aria-current="location" className="font-medium text-slate-900">
                {unit.name}
              </li>
            </ol>
          </nav>
          <div className="flex flex-wrap items-end gap-2">
            {years.length > 0 && (
              <form method="get" action={PATHS[tab]} className="flex items-end gap-2">
                <input type="hidden" name="unit" value={unit.id} />
                <label className="text-sm text-slate-700">
                  <span className="mb-1 block text-xs font-medium text-slate-600">{t("year")}</span>
                  <Select name="year" defaultValue={year ?? undefined} widthClass="w-auto">
                    <Options values={years} label={(y) => y} />
                  </Select>
                </label>
                <button type="submit" className={buttonClass("secondary")}>
                  {t("show")}
                </button>
              </form>
            )}
            {actions}
          </div>
        </div>
      )}
      {children}
    </>
  );
}

/** A download link (a route handler answers with the file). */
export function DownloadLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  return (
    <a href={href} className={buttonClass("secondary")} data-testid={testId} download>
      <span aria-hidden>⤓</span>
      {children}
    </a>
  );
}
