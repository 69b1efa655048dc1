// Dates as the users write them: dd/mm/yyyy in both languages.
// Date-only columns are stored as UTC midnight, so they are formatted in UTC (no day shift);
// "today" is the calendar day in Vietnam.

const dateFormat = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "—";
}

const isoDayInVietnam = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });

/** Today's calendar date in Vietnam as yyyy-mm-dd, to compare with date-only values (deadlines). */
export function todayInVietnam(now: Date = new Date()): string {
  return isoDayInVietnam.format(now);
}

/** yyyy-mm-dd of a date-only value, for <input type="date">. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** dd/mm/yyyy of a yyyy-mm-dd date, as the users write it. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return day && month && year ? `${day}/${month}/${year}` : iso;
}

const timeFormat = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" });

/** A moment (not a date-only value) as dd/mm/yyyy hh:mm in Vietnam, in both languages. */
export function formatDateTime(at: Date): string {
  return `${formatIsoDate(todayInVietnam(at))} ${timeFormat.format(at)}`;
}

/**
 * When something was saved, as the person reads it: the time in Vietnam, and the date (dd/mm/yyyy)
 * unless it is today there — "17:10" alone for a draft saved days ago reads as this afternoon.
 */
export function formatSavedAt(at: Date, now: Date = new Date()): { time: string; date: string | null } {
  const day = todayInVietnam(at);
  return { time: timeFormat.format(at), date: day === todayInVietnam(now) ? null : formatIsoDate(day) };
}
