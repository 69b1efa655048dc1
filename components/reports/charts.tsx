// Charts beside their tables: the table carries the figures for screen readers and for copying; the
// chart is a picture of the same numbers, named by its figure caption. Drawn on the server as plain boxes
// sized in percent: a bar chart needs no script, and the chart library this replaced (Recharts) was about
// 100 KB of gzip JavaScript on the statistics page alone. The boxes follow the width of the phone or the
// screen, and their labels stay at the text's own size.

const COLORS = ["#991b1b", "#64748b"];
/** About this many gridlines above zero. */
const TICKS = 4;

export type SeriesChartProps = {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
};

/** A whole-number step of 1, 2 or 5 × 10ⁿ that reaches `max` in about TICKS steps, and the axis's top. */
export function axisScale(max: number): { step: number; top: number } {
  if (!(max > 0)) return { step: 1, top: TICKS };
  const rough = max / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude);
  return { step, top: Math.ceil(max / step) * step };
}

const percent = (value: number, top: number) => `${Math.min(100, Math.max(0, (value / top) * 100))}%`;

export function BarSeriesChart({ title, categories, series }: SeriesChartProps) {
  const { step, top } = axisScale(Math.max(0, ...series.flatMap((s) => s.values)));
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return (
    <figure className="m-0">
      <div role="img" aria-label={title} className="w-full text-[11px] text-slate-700 sm:text-xs">
        <div className="flex h-56 pt-2">
          <div className="relative w-11 shrink-0" aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick} className="absolute right-1.5 translate-y-1/2 tabular-nums" style={{ bottom: percent(tick, top) }}>
                {tick}
              </span>
            ))}
          </div>
          <div className="relative flex-1 border-b border-slate-400">
            {ticks.slice(1).map((tick) => (
              <div key={tick} className="absolute inset-x-0 border-t border-dashed border-slate-200" style={{ bottom: percent(tick, top) }} />
            ))}
            <div className="absolute inset-0 flex items-end">
              {categories.map((category, i) => (
                <div key={category} className="flex h-full flex-1 items-end justify-center gap-0.5 px-0.5 sm:px-2">
                  {series.map((s, j) => (
                    <div
                      key={s.name}
                      title={`${category} · ${s.name}: ${s.values[i]}`}
                      className="max-w-14 min-w-0 flex-1 rounded-t-[3px]"
                      style={{ height: percent(s.values[i] ?? 0, top), backgroundColor: COLORS[j % COLORS.length] }}
                    />
                  ))}
                </div>
              ))}
            </div>
          </div>
        </div>
        <div className="ml-11 flex">
          {categories.map((category) => (
            <div key={category} className="min-w-0 flex-1 px-0.5 pt-1 text-center leading-tight [overflow-wrap:anywhere]">
              {category}
            </div>
          ))}
        </div>
        {series.length > 1 && (
          <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1">
            {series.map((s, j) => (
              <li key={s.name} className="flex items-center gap-1.5">
                <span className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: COLORS[j % COLORS.length] }} />
                {s.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <figcaption className="mt-1 text-center text-xs text-slate-600">{title}</figcaption>
    </figure>
  );
}
