import { getLocale, getTranslations } from "next-intl/server";
import type { LevelCounts } from "@/lib/data/statistics";
import { formatShare, shareOf } from "@/lib/reports/share";

const LEVELS = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] as const;

/** Rows of counts per level with their shares of the rated, as the year-end reports print them. */
export async function LevelTable({ caption, firstColumn, rows, testId }: { caption: string; firstColumn: string; rows: (LevelCounts & { display?: string })[]; testId?: string }) {
  const [t, tg, locale] = await Promise.all([getTranslations("reports.statistics"), getTranslations("grading"), getLocale()]);
  const th = "px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600";
  // The cells' look is set once on the table, not repeated on each of a province's thousands of cells:
  // the page's HTML and its React payload shrink by half.
  const cells =
    "[&_tbody_td]:whitespace-nowrap [&_tbody_td]:px-3 [&_tbody_td]:py-2 [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_tbody_th]:text-slate-900 [&_td_span]:block [&_td_span]:text-xs [&_td_span]:text-slate-500";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${cells}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-left`}>{firstColumn}</th>
            <th scope="col" className={`${th} text-right`}>{t("all")}</th>
            <th scope="col" className={`${th} text-right`}>{t("notRated")}</th>
            <th scope="col" className={`${th} text-right`}>{t("rated")}</th>
            {LEVELS.map((level) => (
              <th key={level} scope="col" className={`${th} text-right`}>
                <abbr title={tg(`levels.${level}`)} className="no-underline">{tg(`levelsShort.${level}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.display ?? row.label}</th>
              <td>{row.total}</td>
              <td>{row.notRated}</td>
              <td>{row.rated}</td>
              {LEVELS.map((level) => (
                <td key={level}>
                  {row[level]}
                  <span>{formatShare(shareOf(row[level], row.rated), locale)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
