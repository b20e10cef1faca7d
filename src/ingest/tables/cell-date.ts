import { monthOf } from '../dates.js';
import { normalize } from '../text.js';

/** How a slashed date (01/02/2022) reads: day first, as in Russia and Ukraine, or month first. */
export type DateOrder = 'dmy' | 'mdy';

/** Month names whose beginning (three letters or more) may stand for them: "сент", "жовт", "Sept". */
const MONTH_WORDS: string[][] = [
  ['january', 'январь', 'січень'],
  ['february', 'февраль', 'лютий'],
  ['march', 'март', 'березень'],
  ['april', 'апрель', 'квітень'],
  ['may', 'май', 'травень'],
  ['june', 'июнь', 'червень'],
  ['july', 'июль', 'липень'],
  ['august', 'август', 'серпень'],
  ['september', 'сентябрь', 'вересень'],
  ['october', 'октябрь', 'жовтень'],
  ['november', 'ноябрь', 'листопад'],
  ['december', 'декабрь', 'грудень'],
];

function month(word: string): number | undefined {
  const exact = monthOf(word);
  if (exact) return exact;
  if (word.length < 3) return undefined;
  const hits = MONTH_WORDS.flatMap((words, i) => (words.some((w) => w.startsWith(word)) ? [i + 1] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(y: string, today: Date): number {
  if (y.length === 4) return Number(y);
  // Two digits: this century up to this year, the last one after (31 → 1931, 05 → 2005).
  const n = Number(y);
  return n <= today.getUTCFullYear() % 100 ? 2000 + n : 1900 + n;
}

function partial(year: number, m?: number, d?: number): string | undefined {
  if (year < 1850 || year > 2100) return undefined;
  if (m === undefined) return String(year);
  if (m < 1 || m > 12) return undefined;
  if (d === undefined) return `${year}-${pad(m)}`;
  if (d < 1 || d > new Date(Date.UTC(year, m, 0)).getUTCDate()) return undefined;
  return `${year}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as people type it into a spreadsheet — `12.10.2022`, `2022-10-12`, `12/10/2022`,
 * `12 октября 2022 г.`, `12 жовтня 2022 р.`, `October 12, 2022`, `окт. 2022`, `1990` — as a
 * partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD); undefined when the text is not a date that
 * exists (31.02.2022 is not).
 */
export function parseCellDate(
  text: string,
  order: DateOrder = 'dmy',
  today = new Date(),
): string | undefined {
  let s = normalize(text).trim().replace(/\s+/g, ' ');
  // A time after the date, and the year words that follow a year ("г.", "года", "р.", "року").
  s = s.replace(/(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)$/, '');
  s = s.replace(/\s*(?:г\.?|гг\.?|года|год|р\.?|рр\.?|року|рік)$/, '').trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s);
  if (m) return partial(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(s);
  if (m) return partial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const year = fullYear(m[4], today);
    const [a, b] = [Number(m[1]), Number(m[3])];
    return m[2] === '/' && order === 'mdy' ? partial(year, a, b) : partial(year, b, a);
  }
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return partial(Number(m[2]), Number(m[1]));
  const words = s.split(/[\s,.]+/).filter((w) => w !== '');
  const num = (w: string | undefined) => (w !== undefined && /^\d{1,2}$/.test(w) ? Number(w) : undefined);
  const year = (w: string | undefined) => (w !== undefined && /^\d{4}$/.test(w) ? Number(w) : undefined);
  if (words.length === 3) {
    const [a, b, c] = words;
    const y = year(c);
    if (y !== undefined && num(a) !== undefined && month(b)) return partial(y, month(b), num(a));
    if (y !== undefined && month(a) && num(b) !== undefined) return partial(y, month(a), num(b));
    const first = year(a);
    if (first !== undefined && month(b) && num(c) !== undefined) return partial(first, month(b), num(c));
  }
  if (words.length === 2) {
    const [a, b] = words;
    if (year(b) !== undefined && month(a)) return partial(Number(b), month(a));
    if (year(a) !== undefined && month(b)) return partial(Number(a), month(b));
  }
  return undefined;
}
