// The review calendar (HD 43 Mục 4): a year's review is held at the year's end and closes before
// 31 December; its results go up to the upper levels in January. Pure: no framework, no database.

const VIETNAM_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh, UTC+7 all year (no daylight saving)

/** The calendar day in Vietnam of an instant, as a UTC-midnight Date. */
export function vietnamDay(instant: Date): Date {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/**
 * The review year under way on an instant: the calendar year in Vietnam, except in January, when the
 * previous year's results are still being decided and sent up (so 15/01/2027 → 2026).
 */
export function reviewYearOn(instant: Date): number {
  const day = vietnamDay(instant);
  return day.getUTCMonth() === 0 ? day.getUTCFullYear() - 1 : day.getUTCFullYear();
}
