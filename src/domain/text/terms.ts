/**
 * Search terms of a text: the tokens full-text search indexes and queries with, each as its
 * folded stem (`foldWord` + `stemFolded`), plus snippets with highlight offsets for results.
 *
 * Tokenizing rules:
 * - A word is a run of Unicode letters, digits and combining marks.
 * - An apostrophe between two word characters stays inside the word: Ukrainian п'ять,
 *   Мар'яна, the romanized soft sign of Iur'ev, O'Brien, d'Artagnan.
 * - An English possessive 's is not part of the term: Kashin's is Kashin.
 * - Bidi controls and zero-width characters inside a word are folded away (labels.ts):
 *   `Ива\u200Bнов` is the term of `Иванов`, so an invisible character hides no name.
 * - A hyphen splits, and each part is its own term with its own offsets: Нью-Йорк is found
 *   by "Йорк" and by "Нью Йорк", a double surname (Римский-Корсаков) by either half.
 *   `highlight` joins the halves back into one mark.
 */
import { foldWord } from './fold.js';
import { isInvisible, stripInvisible } from './labels.js';
import { stemFolded } from './stem.js';

/** One searchable term and where its token sits in the original text (UTF-16 offsets). */
export interface Term {
  term: string;
  start: number;
  end: number;
}

/** A snippet of the original text and the ranges in it to mark (plain text, not HTML). */
export interface Highlighted {
  snippet: string;
  highlights: Array<[number, number]>;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x2bc, 0x60, 0xb4, 0x2b9, 0x2032]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WORD_CHAR_ASTRAL = /^[\p{L}\p{N}\p{M}]$/u;
const WHITESPACE = /\s/u;
const ALL_WHITESPACE = /\s/gu;
const ELLIPSIS = '…';
const DEFAULT_MAX_LENGTH = 240;

/** Length (1 or 2 code units) of the word character at `i`, or 0 if there is none. */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) {
    const lower = code | 0x20;
    return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) ? 1 : 0;
  }
  if (code >= 0x400 && code <= 0x4ff) return 1; // Cyrillic, the common case
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    return WORD_CHAR_ASTRAL.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i]) ? 1 : 0;
}

/** Where an English possessive 's ends a token (Kashin's → Kashin), or the token's end. */
function possessiveStart(text: string, start: number, end: number): number {
  if (
    end - start > 2 &&
    (text.charCodeAt(end - 1) | 0x20) === 115 &&
    APOSTROPHES.has(text.charCodeAt(end - 2))
  ) {
    return end - 2;
  }
  return end;
}

/** Tokenizes any text into folded, stemmed terms with the offsets of their original tokens. */
export function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < text.length) {
    let step = wordCharLength(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i += step;
      if (i >= text.length) break;
      step = wordCharLength(text, i);
      if (step > 0) continue;
      // an apostrophe joins only when a word character follows it; invisible characters join
      // when the word goes on after them
      if (APOSTROPHES.has(text.charCodeAt(i)) && i + 1 < text.length) {
        const after = wordCharLength(text, i + 1);
        if (after > 0) {
          step = 1;
          continue;
        }
      }
      if (isInvisible(text[i])) {
        let next = i + 1;
        while (next < text.length && isInvisible(text[next])) next++;
        if (next < text.length && wordCharLength(text, next) > 0) {
          step = next - i;
          continue;
        }
      }
      break;
    }
    const end = possessiveStart(text, start, i);
    const folded = foldWord(stripInvisible(text.slice(start, end)));
    if (folded !== '') terms.push({ term: stemFolded(folded), start, end });
  }
  return terms;
}

/** The distinct terms of a search query, in the order they first appear. */
export function queryTerms(q: string): string[] {
  return [...new Set(termsOf(q).map((t) => t.term))];
}

/** Index of the best run of matches: most distinct terms, then most matches, then shortest. */
function bestCluster(matches: Term[], budget: number): { first: number; last: number } {
  const counts = new Map<string, number>();
  let best = { first: 0, last: 0, distinct: 0, total: 0, span: Number.POSITIVE_INFINITY };
  let first = 0;
  for (let last = 0; last < matches.length; last++) {
    const added = matches[last].term;
    counts.set(added, (counts.get(added) ?? 0) + 1);
    while (first < last && matches[last].end - matches[first].start > budget) {
      const removed = matches[first].term;
      const left = (counts.get(removed) ?? 1) - 1;
      if (left === 0) counts.delete(removed);
      else counts.set(removed, left);
      first++;
    }
    const distinct = counts.size;
    const total = last - first + 1;
    const span = matches[last].end - matches[first].start;
    if (
      distinct > best.distinct ||
      (distinct === best.distinct && (total > best.total || (total === best.total && span < best.span)))
    ) {
      best = { first, last, distinct, total, span };
    }
  }
  return { first: best.first, last: best.last };
}

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && wordCharLength(text, i) > 0;
}

/** Picks [start, end) of at most `budget` units around [from, to), not cutting words where avoidable. */
function windowAround(text: string, from: number, to: number, budget: number): [number, number] {
  const slack = Math.max(0, budget - (to - from));
  // a third of the slack before the matches, the rest after: a sentence reads forward
  let start = Math.max(0, Math.min(from - Math.floor(slack / 3), text.length - budget));
  let end = Math.min(text.length, start + budget);
  while (start < from && start > 0 && isWordAt(text, start - 1) && isWordAt(text, start)) start++;
  while (start < from && WHITESPACE.test(text[start])) start++;
  while (end > to && end < text.length && isWordAt(text, end - 1) && isWordAt(text, end)) end--;
  while (end > to && WHITESPACE.test(text[end - 1])) end--;
  // never split a surrogate pair
  const first = text.charCodeAt(start);
  if (start > 0 && first >= 0xdc00 && first <= 0xdfff) start++;
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
  return [start, Math.max(start, end)];
}

/** Ranges of the matches inside [start, end), shifted by `shift`, hyphen-joined halves merged. */
function marks(
  text: string,
  matches: Term[],
  start: number,
  end: number,
  shift: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let previousEnd = -1;
  for (const m of matches) {
    const from = Math.max(m.start, start);
    const to = Math.min(m.end, end);
    if (from >= to) continue;
    const joined = previousEnd >= 0 && from === previousEnd + 1 && HYPHENS.has(text.charCodeAt(previousEnd));
    if (joined) ranges[ranges.length - 1][1] = to - start + shift;
    else ranges.push([from - start + shift, to - start + shift]);
    previousEnd = to;
  }
  return ranges;
}

/**
 * Cuts a plain-text snippet of at most `maxLength` UTF-16 units (ellipses included) around the
 * best cluster of query-term matches, with the matches' ranges in the snippet. Line breaks
 * become spaces one for one, so ranges stay exact; the caller escapes and renders the marks.
 */
export function highlight(
  text: string,
  queryTerms: readonly string[],
  options: { maxLength?: number } = {},
): Highlighted {
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? DEFAULT_MAX_LENGTH));
  const wanted = new Set(queryTerms);
  const matches = wanted.size === 0 ? [] : termsOf(text).filter((t) => wanted.has(t.term));
  let start = 0;
  let end = text.length;
  if (text.length > maxLength) {
    const budget = Math.max(1, maxLength - 2); // room for an ellipsis on each side
    if (matches.length === 0) [start, end] = windowAround(text, 0, 0, budget);
    else {
      const { first, last } = bestCluster(matches, budget);
      [start, end] = windowAround(
        text,
        matches[first].start,
        Math.min(matches[last].end, matches[first].start + budget),
        budget,
      );
    }
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const body = text.slice(start, end).replace(ALL_WHITESPACE, ' ');
  return {
    snippet: prefix + body + suffix,
    highlights: marks(text, matches, start, end, prefix.length),
  };
}
