"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

// Charts beside their tables: the table carries the figures for screen readers and for copying; the
// chart is a picture of the same numbers, named by its figure caption.

const COLORS = ["#991b1b", "#64748b"];

export type SeriesChartProps = {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
};

export function BarSeriesChart({ title, categories, series }: SeriesChartProps) {
  const data = categories.map((category, i) => ({ category, ...Object.fromEntries(series.map((s) => [s.name, s.values[i]])) }));
  return (
    <figure className="m-0">
      <div role="img" aria-label={title} className="w-full">
        <BarChart responsive style={{ width: "100%", height: 256 }} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="category" tick={{ fontSize: 12, fill: "#334155" }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={44} />
          <Tooltip />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s, i) => (
            <Bar key={s.name} dataKey={s.name} fill={COLORS[i % COLORS.length]} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <figcaption className="mt-1 text-center text-xs text-slate-600">{title}</figcaption>
    </figure>
  );
}
