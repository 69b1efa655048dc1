import type { ReactNode } from "react";

/**
 * A titled panel. With `headingId`, the section is a region named by its title (a landmark to jump to).
 * `min-w-0`: as a grid or flex item it may shrink below its content's width, so a wide table scrolls
 * inside its own box instead of pushing the page sideways on a phone.
 */
export function Card({
  title,
  actions,
  children,
  className = "",
  headingId,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingId?: string;
}) {
  return (
    <section
      className={`min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm ${className}`}
      aria-labelledby={title && headingId ? headingId : undefined}
    >
      {(title || actions) && (
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
          {title && (
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
          )}
          {actions}
        </header>
      )}
      <div className="px-4 py-4 sm:px-5">{children}</div>
    </section>
  );
}
