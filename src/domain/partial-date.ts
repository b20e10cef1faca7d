import type { IsoDate } from './deadlines/iso-date.js';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The first and last day a date known to the year, the month or the day can mean: "2022" is
 * 2022-01-01 … 2022-12-31, "2022-02" is 2022-02-01 … 2022-02-28. Undefined for anything else.
 */
export function partialDateBounds(value: unknown): { from: IsoDate; to: IsoDate } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = PARTIAL.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return { from: value, to: value };
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { from: `${y}-${mo}-01`, to: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
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
