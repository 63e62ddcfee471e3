/**
 * Calendar days as `YYYY-MM-DD` text. The domain never holds a `Date`: ISO text compares correctly as
 * a string, survives `google.script.run` and JSON, and has no time zone to drift through.
 */

import { formatDay } from './i18n';

export type IsoDay = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "16 September 2026", "16 сентября 2026 г.": a day as running text writes it, in the execution's language. */
export function longDay(day: string | null): string {
  return formatDay(day);
}

export function isIsoDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * The years a network's dates may fall in. Anything else is a typo (0026 for 2026), and a spreadsheet
 * would not even keep it: a date cell of year 0026 is stored as 1926.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** A calendar day YYYY-MM-DD in the years FIRST_YEAR to LAST_YEAR. */
export function isDayInYears(text: string): boolean {
  return isIsoDay(text) && isYearInRange(Number(text.slice(0, 4)));
}

/** A year from FIRST_YEAR to LAST_YEAR. */
export function isYearInRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(day: IsoDay): [number, number, number] {
  const m = DAY.exec(day);
  // @i18n-exempt: a fault of the caller, which passes only days it has checked; no person can cause it.
  if (!m) throw new Error(`not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): IsoDay {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar day of a `Date` as the runtime's local clock shows it (the script's time zone in Apps Script). */
/** Past this many distinct days the store starts again: three centuries of days fit. */
const DAYS_KEPT = 100_000;
const daysOf = new Map<number, IsoDay>();

/** The day of a date cell, one string for each day however many cells hold it (a large network has hundreds of thousands). */
export function dayOfDate(date: Date): IsoDay {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  const d = date.getDate();
  const key = (y * 100 + m) * 100 + d;
  let day = daysOf.get(key);
  if (day === undefined) {
    if (daysOf.size >= DAYS_KEPT) daysOf.clear();
    day = format(y, m, d);
    daysOf.set(key, day);
  }
  return day;
}

/** Local midnight of a calendar day: what a spreadsheet date cell holds. */
export function dateOfDay(day: IsoDay): Date {
  const [y, m, d] = parts(day);
  return new Date(y, m - 1, d);
}

/** Calendar-month arithmetic: Jan 31 + 1 month = the last day of February. */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const [y, m, d] = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

export function yearOf(day: IsoDay): number {
  return parts(day)[0];
}

/** A timestamp as ISO 8601 text in the runtime's local time, without a zone suffix. */
export function timestampOfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayOfDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
