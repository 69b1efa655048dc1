import type { ReactNode } from "react";

/** A panel that asks for attention (proposals waiting for a decision): a region named by its heading. */
export function NoticePanel({ headingId, title, testId, children }: { headingId: string; title: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid={testId}>
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
