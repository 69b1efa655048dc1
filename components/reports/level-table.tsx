import { getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { LEVEL_KEYS, type LevelCounts } from "@/lib/data/statistics";
import { formatShare, shareOf } from "@/lib/reports/share";

/** Rows of counts per level with their shares of the rated, as the year-end reports print them. */
export async function LevelTable({
  caption,
  firstColumn,
  rows,
  testId,
}: {
  caption: string;
  firstColumn: string;
  rows: (LevelCounts & { display?: string })[];
  testId?: string;
}) {
  const [t, tg, locale] = await Promise.all([getTranslations("reports.statistics"), getTranslations("grading"), getLocale()]);
  // The cells' look is set once on the table, not repeated on each of a province's thousands of cells:
  // the page's HTML and its React payload shrink by half.
  const cells =
    "[&_tbody_td]:whitespace-nowrap [&_tbody_td]:px-3 [&_tbody_td]:py-2 [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_tbody_th]:text-slate-900 [&_td_span]:block [&_td_span]:text-xs [&_td_span]:text-slate-500";
  const head = [
    firstColumn,
    t("all"),
    t("notRated"),
    t("rated"),
    ...LEVEL_KEYS.map((level) => (
      <abbr key={level} title={tg(`levels.${level}`)} className="no-underline">
        {tg(`levelsShort.${level}`)}
      </abbr>
    )),
  ];
  return (
    <Table caption={caption} head={head} align={["left", ...head.slice(1).map(() => "right" as const)]} testId={testId} className={cells}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.display ?? row.label}</th>
          <td>{row.total}</td>
          <td>{row.notRated}</td>
          <td>{row.rated}</td>
          {LEVEL_KEYS.map((level) => (
            <td key={level}>
              {row[level]}
              <span>{formatShare(shareOf(row[level], row.rated), locale)}</span>
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
