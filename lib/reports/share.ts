// Shares as the reports print them. Pure: no framework, no database.

/** A count's share of a whole, in percent with one decimal (the reports' "chiếm …%"); null when the whole is 0. */
export function shareOf(count: number, whole: number): number | null {
  return whole > 0 ? Math.round((count * 1000) / whole) / 10 : null;
}

/** "25,0 %" in Vietnamese, "25.0 %" in English; "—" without a whole. */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return "—";
  return `${share.toLocaleString(locale === "vi" ? "vi-VN" : "en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%`;
}
