import { z } from "zod";
import { hasBidiControls, hasControlCharacters, hasLoneSurrogate } from "@/lib/text/clean";

// The one input policy for text and dates, used by every schema in lib/schemas (forms and actions).
// PostgreSQL refuses NUL in text and JSON, and a lone UTF-16 surrogate is no character at all: both
// used to reach the database and come back as an unexpected error. Here they are refused at the field,
// with a message, like any other invalid value. Bidirectional controls (U+202A–U+202E, U+2066–U+2069,
// U+200E, U+200F, U+061C) are refused too, not stripped: a text is stored as typed or not at all, and the
// form says why. Messages are keys of "errors.*".

function policed(max: number, multiline: boolean, trim: boolean) {
  const base = z.string({ message: "invalid" });
  return (trim ? base.trim() : base)
    .max(max, { message: "tooLong" })
    .refine((v) => !hasControlCharacters(v, multiline), { message: "controlCharacters", abort: true })
    .refine((v) => !hasLoneSurrogate(v), { message: "invalidCharacters", abort: true })
    .refine((v) => !hasBidiControls(v), { message: "bidiControls" });
}

/** One line of text (a name, a place, a post), trimmed, at most `max` characters. */
export const line = (max: number) => policed(max, false, true);

/** One line as typed, not trimmed (a password, a version token). */
export const rawLine = (max: number) => policed(max, false, false);

/** Multi-line text as typed (a self-review, minutes): line feeds and tabs allowed, at most `max` characters. */
export const paragraph = (max: number) => policed(max, true, false);

/** Multi-line text, trimmed (an opinion, a reason). */
export const trimmedParagraph = (max: number) => policed(max, true, true);

/**
 * A row id as the database makes them (cuid, uuid, the demo's cuid-like ids): letters, digits, - and _.
 * Anything else cannot name a row, so it is refused before a query is made.
 */
export const id = z
  .string({ message: "required" })
  .min(1, { message: "required" })
  .max(40, { message: "invalid" })
  .regex(/^[A-Za-z0-9_-]+$/, { message: "invalid" });

/** Names that would reach an object's prototype if used as a key. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A key inside a JSON document of the app (a score item, a form section): the alphabet of ids, plus dots. */
export const key = (max = 60) =>
  z
    .string({ message: "invalid" })
    .max(max, { message: "invalid" })
    .regex(/^[A-Za-z0-9_.-]+$/, { message: "invalid" })
    .refine((k) => !PROTOTYPE_KEYS.has(k), { message: "invalid" });

/** The years a date of this application may fall in: births from 1900, plans up to 2100. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Whether a yyyy-mm-dd string is a real calendar day within the plausible years. */
export function isPlausibleIsoDate(value: string, min = MIN_YEAR, max = MAX_YEAR): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < min || year > max) return false;
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar day, yyyy-mm-dd, between MIN_YEAR and MAX_YEAR (or narrower bounds): year 0000 or 9999 is a
 * typing slip, never a date of a review.
 */
export function isoDate(bounds: { minYear?: number; maxYear?: number } = {}) {
  const min = bounds.minYear ?? MIN_YEAR;
  const max = bounds.maxYear ?? MAX_YEAR;
  return z
    .string({ message: "invalidDate" })
    .refine((v) => isPlausibleIsoDate(v, 0, 9999), { message: "invalidDate", abort: true })
    .refine((v) => isPlausibleIsoDate(v, min, max), { message: "dateOutOfRange" });
}
