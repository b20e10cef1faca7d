/**
 * Hygiene for the text people read as a label: names and titles. Bidirectional controls can make
 * a name display as another (an RLO reverses what follows) and zero-width characters make two
 * names that look the same differ, hiding a duplicate from search and review; so labels lose
 * them and are NFC-normalized. NUL and lone surrogates are not text at all: every string field
 * refuses them. Verbatim evidence (a source's text, a claim's quote) is never rewritten: a quote
 * must equal its source byte for byte.
 */

/** Bidirectional embedding, override and isolate controls, and the directional marks. */
export const BIDI_CONTROLS = '\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C';
/** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark. */
export const ZERO_WIDTH = '\u200B-\u200D\u2060\uFEFF';

const INVISIBLE = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`, 'gu');
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether one UTF-16 unit is a bidi control or a zero-width character: the classes above, as
 * code comparisons because the search tokenizer asks this at every word's end.
 */
export function isInvisible(char: string): boolean {
  const c = char.charCodeAt(0);
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069 && (c === 0x2060 || c >= 0x2066)) ||
    c === 0x061c ||
    c === 0xfeff
  );
}

/** The text without bidi controls and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A name or title as it is stored: invisible controls removed, NFC-normalized, trimmed. */
export function cleanLabel(text: string): string {
  return stripInvisible(text).normalize('NFC').trim();
}

/** True when text holds no NUL and no lone surrogate: what every stored string must meet. */
export function isWellFormedText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}
