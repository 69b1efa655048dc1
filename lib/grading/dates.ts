import type { IsoDate } from "./types";

// Calendar dates as integers (year, month, day): no Date object, so no time zone or DST can shift a day.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DASH = 45;
const ZERO = 48;

/** The number written by the ASCII digits text[from, to), or -1 if any is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses `YYYY-MM-DD`; null unless it is a real calendar date (2024-02-30 is not). Hand-rolled rather than
 * a regular expression because it runs once per subject in a country-sized evaluation.
 */
export function parseIsoDate(text: string): CalendarDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

export function parseIsoDateOrThrow(text: IsoDate): CalendarDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(text)}`);
  return parsed;
}

/** Adds calendar months, clamping the day to the last day of the target month (2024-08-31 + 6 → 2025-02-28). */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Orders dates as one integer, YYYYMMDD. */
export function dateKey(date: CalendarDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/**
 * `hasCompletedMonths(parseIsoDateOrThrow(start), asOf, months)` without the two date objects: it runs for
 * every member of a country-sized evaluation. Throws as parseIsoDateOrThrow does on a date that is not.
 */
export function hasCompletedMonthsSince(start: IsoDate, asOf: CalendarDate, months: number): boolean {
  const year = digitsAt(start, 0, 4);
  const month = digitsAt(start, 5, 7);
  const day = digitsAt(start, 8, 10);
  if (start.length !== 10 || start.charCodeAt(4) !== DASH || start.charCodeAt(7) !== DASH || year < 0 || month < 1 || month > 12 || day < 1) {
    parseIsoDateOrThrow(start);
  }
  if (day > daysInMonth(year, month)) parseIsoDateOrThrow(start);
  // addCalendarMonths, inlined.
  const monthIndex = year * 12 + (month - 1) + months;
  const endYear = Math.floor(monthIndex / 12);
  const endMonth = monthIndex - endYear * 12 + 1;
  const endDay = Math.min(day, daysInMonth(endYear, endMonth));
  return endYear * 10_000 + endMonth * 100 + endDay <= dateKey(asOf);
}

/**
 * True when `months` calendar months have passed from `start` to `asOf`: `start` plus the months, clamped
 * to the end of the month, falls on or before `asOf` (rating-rules §2.2).
 */
export function hasCompletedMonths(start: CalendarDate, asOf: CalendarDate, months: number): boolean {
  return dateKey(addCalendarMonths(start, months)) <= dateKey(asOf);
}
