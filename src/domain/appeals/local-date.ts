import type { IsoDate } from '../deadlines/iso-date.js';
import { invalid } from '../errors.js';

/**
 * The zone deadlines are judged in unless configured (VIGIL_TZ): most users and the authorities
 * they write to keep Moscow time.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date that `now` falls on in `timeZone` (an IANA name such as 'Europe/Moscow'). */
export function localDate(now: Date, timeZone: string): IsoDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      // en-CA formats as YYYY-MM-DD; formatToParts avoids depending on that.
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw invalid(`unknown time zone "${timeZone}"`, [
        { path: '/timeZone', message: 'not an IANA time zone' },
      ]);
    }
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
