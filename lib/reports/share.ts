// Shares as the reports print them. Pure: no framework, no database.

/** A count's share of a whole, in percent with one decimal (the reports' "chiếm …%"); null when the whole is 0. */
export function shareOf(count: number, whole: number): number | null {
  return whole > 0 ? Math.round((count * 1000) / whole) / 10 : null;
}

// Formatters made once: Number#toLocaleString builds an Intl.NumberFormat on every call (about 30 µs),
// and a report page formats its shares and counts by the thousand.
const tag = (locale: string) => (locale === "vi" ? "vi-VN" : "en-US");
const SHARE_FORMATS = new Map(["vi", "en"].map((l) => [l, new Intl.NumberFormat(tag(l), { minimumFractionDigits: 1, maximumFractionDigits: 1 })]));
const COUNT_FORMATS = new Map(["vi", "en"].map((l) => [l, new Intl.NumberFormat(tag(l))]));

/** "25,0 %" in Vietnamese, "25.0 %" in English; "—" without a whole. */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return "—";
  return `${(SHARE_FORMATS.get(locale) ?? SHARE_FORMATS.get("en")!).format(share)}\u00a0%`;
}

/** "1.234" in Vietnamese, "1,234" in English. */
export function formatCount(n: number, locale: string): string {
  return (COUNT_FORMATS.get(locale) ?? COUNT_FORMATS.get("en")!).format(n);
}
