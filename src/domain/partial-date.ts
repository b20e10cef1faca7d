import type { IsoDate } from './deadlines/iso-date.js';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The earliest birth year Vigil accepts: anyone born before it cannot be a detained serviceman. */
export const EARLIEST_BIRTH_YEAR = 1900;

/** Days in a month (1–12) of a year, by the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first and last day a date known to the year, the month or the day can mean: "2022" is
 * 2022-01-01 … 2022-12-31, "2022-02" is 2022-02-01 … 2022-02-28. Undefined for anything else,
 * including days the calendar does not have (2023-02-29, 2023-04-31) and a month 13.
 */
export function partialDateBounds(value: unknown): { from: IsoDate; to: IsoDate } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = PARTIAL.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d) {
    const day = Number(d);
    return day >= 1 && day <= daysInMonth(Number(y), Number(mo)) ? { from: value, to: value } : undefined;
  }
  if (mo) {
    const last = daysInMonth(Number(y), Number(mo));
    return { from: `${y}-${mo}-01`, to: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** A date known to the year, the month or the day (YYYY, YYYY-MM, YYYY-MM-DD) that exists. */
export function isPartialDate(value: unknown): value is string {
  return partialDateBounds(value) !== undefined;
}

/** A full date, YYYY-MM-DD, that exists in the calendar. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10 && isPartialDate(value);
}

/**
 * A plausible birth date: a real partial date that may have begun by `today` (so a birth year
 * of the current year passes) and ends no earlier than EARLIEST_BIRTH_YEAR.
 */
export function isBirthDate(value: unknown, today: IsoDate = new Date().toISOString().slice(0, 10)): boolean {
  const bounds = partialDateBounds(value);
  return bounds !== undefined && bounds.from <= today && Number(bounds.to.slice(0, 4)) >= EARLIEST_BIRTH_YEAR;
}

/**
 * True when a range certainly ends before it starts: the latest day the end can mean is before
 * the earliest day the start can mean ("2023-05" … "2023" is fine, "2023-05" … "2023-04-30" is
 * not). False when either end is missing or not a date: those are the schema's to refuse.
 */
export function endsBeforeStart(start: unknown, end: unknown): boolean {
  const a = partialDateBounds(start);
  const b = partialDateBounds(end);
  return a !== undefined && b !== undefined && b.to < a.from;
}

/**
 * The days a period covers, from the start's first day to the end's last; a period known only by
 * one end covers just that end's days. Undefined when neither end is a date.
 */
export function periodBounds(start: unknown, end: unknown): { from: IsoDate; to: IsoDate } | undefined {
  const a = partialDateBounds(start);
  const b = partialDateBounds(end);
  if (a && b) return { from: a.from, to: b.to < a.from ? a.to : b.to };
  return a ?? b;
}
