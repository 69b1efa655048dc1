import type { ReactNode } from "react";

export type Tone = "neutral" | "brand" | "green" | "amber" | "blue" | "red";

/** A short label in a pill; its look is the `.badge` classes of app/globals.css. */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
