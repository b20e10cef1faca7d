import { invalid } from '../errors.js';

/**
 * Calendar dates as 'YYYY-MM-DD' strings. Deadlines are whole days, so they never carry a time
 * or a zone: arithmetic runs on UTC midnights, where no day is 23 or 25 hours long.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Checks that a string is a real calendar date and returns it unchanged. */
export function parseIsoDate(value: string, field = 'date'): IsoDate {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [, y, m, d] = match;
    const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
    if (toIso(time) === value) return value;
  }
  throw invalid(`${field} must be a date as YYYY-MM-DD`, [
    { path: `/${field}`, message: `not a date: ${value}` },
  ]);
}

function toTime(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function toIso(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

/** Adds (or with a negative number subtracts) whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIso(toTime(date) + days * DAY_MS);
}

/** Day of the week, 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(date: IsoDate): number {
  return new Date(toTime(date)).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** The year of a date, as a number. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Formats a date the Russian way, DD.MM.YYYY, as letters and explanations show it. */
export function formatRuDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
