import type { Random } from "./random";

// Calendar dates of the demo data. A date column (@db.Date) holds a day, so every date here is midnight
// UTC: the day never shifts with the machine's time zone.

const DAY_MS = 86_400_000;

/**
 * One Date object per instant: a province has millions of rows stamped with a few thousand instants, and
 * sharing them saves hundreds of megabytes. The demo code never mutates a Date, so sharing is safe.
 */
const instants = new Map<number, Date>();
function instant(time: number): Date {
  let date = instants.get(time);
  if (!date) instants.set(time, (date = new Date(time)));
  return date;
}

export function day(year: number, month: number, dayOfMonth: number): Date {
  return instant(Date.UTC(year, month - 1, dayOfMonth));
}

/** A moment of a day, for timestamps (submittedAt, decidedAt…), in UTC. */
export function moment(date: Date, hours: number, minutes = 0): Date {
  return instant(date.getTime() + hours * 3_600_000 + minutes * 60_000);
}

export function addDays(date: Date, days: number): Date {
  return instant(date.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/**
 * Calendar months later, clamped to the last day of the target month (2024-08-31 + 6 → 2025-02-28),
 * the count rating-rules §2.2 uses for new members and new organizations.
 */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return instant(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

export function addYears(date: Date, years: number): Date {
  return addMonths(date, 12 * years);
}

/** A day in [from, to], both included. */
export function randomDay(rng: Random, from: Date, to: Date): Date {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

/** Whole years from `birth` to `on`. */
export function ageOn(birth: Date, on: Date): number {
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday = on.getUTCMonth() < birth.getUTCMonth() || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** `dd/mm/yyyy`, the way Vietnamese documents write a date. */
export function formatVi(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}
