import { invalid } from '../../../domain/errors.js';

/** Uwazi's separator of the values of one cell (app/api/csv/csvDefinitions.ts, multiValueSeparator). */
export const MULTI_VALUE = '|';

/** Values joined into one cell. */
export function joinValues(values: Array<string | undefined>): string {
  return values.filter((v): v is string => typeof v === 'string' && v !== '').join(MULTI_VALUE);
}

/** The values of one cell: split at "|", trimmed, without blanks or repeats. */
export function splitValues(cell: string): string[] {
  return [...new Set(cell.split(MULTI_VALUE).map((v) => v.trim()))].filter(Boolean);
}

/**
 * A date range as Uwazi's CSV import reads it ("from:to", either side may be empty). Uwazi's own
 * CSV export writes "from~to" instead (csvDefinitions.ts), which `decodeRange` reads too.
 */
export function encodeRange(from: unknown, to: unknown): string {
  const f = typeof from === 'string' ? from : '';
  const t = typeof to === 'string' ? to : '';
  return f || t ? `${f}:${t}` : '';
}

/** Date formats an Uwazi instance may export in (its "date format" setting). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

function pattern(format: DateFormat): RegExp {
  const body = format
    .replace(/[./]/g, (c) => `\\${c}`)
    .replace('YYYY', '(?<y>\\d{4})')
    .replace('MM', '(?<m>\\d{1,2})')
    .replace('DD', '(?<d>\\d{1,2})');
  return new RegExp(`^${body}$`);
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * A Vigil partial date from an Uwazi date cell: YYYY, YYYY-MM and YYYY-MM-DD as Vigil writes them,
 * YYYY/MM/DD and "YYYY MM DD" as Uwazi's import accepts them (typeParsers.ts), and the instance's
 * own format. Throws a message naming the column for anything else.
 */
export function decodeDate(cell: string, format: DateFormat, column: string): string {
  const value = cell.trim().replace(/[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?Z?$/, '');
  const partial = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (partial)
    return [partial[1], partial[2] && pad(partial[2]), partial[3] && pad(partial[3])]
      .filter(Boolean)
      .join('-');
  const m =
    pattern(format).exec(value) ??
    pattern('YYYY/MM/DD').exec(value) ??
    /^(?<y>\d{4}) (?<m>\d{1,2}) (?<d>\d{1,2})$/.exec(value);
  if (m?.groups) return `${m.groups.y}-${pad(m.groups.m)}-${pad(m.groups.d)}`;
  throw invalid(`column ${column} is not a date in ${format}`);
}

/**
 * Uwazi writes an open end of a range as the Unix epoch (a null timestamp formatted as a date),
 * so its own export says "01/01/1970" where the range has no end.
 */
const OPEN_END = '1970-01-01';

/** The two ends of a date range cell ("from:to" or "from~to"); Uwazi's 1970 ends are open. */
export function decodeRange(cell: string, format: DateFormat, column: string): [string?, string?] {
  const value = cell.trim();
  if (!value) return [];
  const cut = value.search(/[:~]/);
  const [from, to] = cut < 0 ? [value, value] : [value.slice(0, cut), value.slice(cut + 1)];
  const end = (text: string) => {
    const date = text.trim() ? decodeDate(text, format, column) : undefined;
    return date === OPEN_END ? undefined : date;
  };
  return [end(from), end(to)];
}

/** How much of a Vigil date is known. Uwazi keeps whole dates only, so a column says it. */
export const PRECISIONS = ['year', 'month', 'day'] as const;
export type Precision = (typeof PRECISIONS)[number] | '';

function precisionOf(date: string): Precision {
  return /^\d{4}$/.test(date) ? 'year' : /^\d{4}-\d{2}$/.test(date) ? 'month' : date ? 'day' : '';
}

/** A partial date as the whole date Uwazi can hold: its first day ("2024-02" → "2024-02-01"). */
export function firstDay(date: string): string {
  const p = precisionOf(date);
  return p === 'year' ? `${date}-01-01` : p === 'month' ? `${date}-01` : date;
}

/** A partial date as the last whole day it covers, for the end of a range ("2024-02" → "2024-02-29"). */
export function lastDay(date: string): string {
  const p = precisionOf(date);
  if (p === 'year') return `${date}-12-31`;
  if (p !== 'month') return date;
  const [y, m] = date.split('-').map(Number);
  return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The precision cell of one date or of a range's two ends ("month", "year/day"): empty when every
 * date is known to the day, so a file from a group that types whole dates needs no such column.
 */
export function encodePrecision(dates: string[]): string {
  const precisions = dates.map(precisionOf);
  return precisions.every((p) => p === 'day' || p === '') ? '' : precisions.join('/');
}

/** The precisions a cell gives, one per date; "" (to the day) for an empty cell. */
export function decodePrecision(cell: string, count: number, column: string): Precision[] {
  const parts = cell.trim() ? cell.trim().toLowerCase().split('/') : [];
  if (parts.length > count || parts.some((p) => p !== '' && !(PRECISIONS as readonly string[]).includes(p)))
    throw invalid(`column ${column} is not "${PRECISIONS.join('", "')}" for each date`);
  return Array.from({ length: count }, (_, i) => (parts[i] ?? '') as Precision);
}

/** A whole date cut to what is known of it ("2024-02-01", "month" → "2024-02"). */
export function cutToPrecision(date: string, precision: Precision): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

/** A geolocation cell: "lat|lon" (typeParsers/geolocation.ts and typeFormatters.ts). */
export function encodeGeo(lat: unknown, lon: unknown): string {
  return typeof lat === 'number' && typeof lon === 'number' ? `${lat}${MULTI_VALUE}${lon}` : '';
}

/** The coordinates of a geolocation cell; throws for anything but two numbers. */
export function decodeGeo(cell: string, column: string): { lat: number; lon: number } | undefined {
  if (!cell.trim()) return undefined;
  const parts = cell.split(MULTI_VALUE).map((v) => v.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length !== 2 || parts.includes('') || !Number.isFinite(lat) || !Number.isFinite(lon))
    throw invalid(`column ${column} is not "latitude|longitude"`);
  return { lat, lon };
}
