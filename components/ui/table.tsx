import type { ReactNode } from "react";

// A plain accessible table: the server pages and filters, so no client table library is needed here.
// `align` right-aligns the columns of figures; `className` styles the body's cells once on the table
// (a report's thousand cells need no class each).
export function Table({
  caption,
  head,
  children,
  align = [],
  testId,
  className = "",
}: {
  caption: string;
  head: ReactNode[];
  children: ReactNode;
  align?: ("left" | "right")[];
  testId?: string;
  className?: string;
}) {
  return (
    // A table wider than a phone scrolls in its box; the box takes the keyboard's focus (and is named by
    // the caption) so that its hidden columns can be reached without a mouse.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${className}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={`px-3 py-2 ${align[i] === "right" ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-top ${className}`}>{children}</td>;
}
