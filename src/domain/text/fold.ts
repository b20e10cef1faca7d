/**
 * Transliteration folding: one lower-case ASCII "skeleton" per word, whatever the script
 * (Russian, Ukrainian, English/Latin) and whatever romanization a journalist, a passport
 * office or a relative used. `Кашина`, `Kashina`, `Kaŝina` fold alike; `Щербаков`,
 * `Shcherbakov`, `Scherbakov`, `Shherbakov` fold alike.
 *
 * The skeleton is a matching key, not a readable transliteration. It deliberately merges
 * sounds that romanizations confuse, and accepts the rare false friend that brings:
 * search ranks and a person reviews, a missed record is worse than an extra hit.
 *
 * Pipeline, in one pass over the word with no allocation but the result:
 * 1. Letters map to internal codes: Cyrillic through one table, Latin through a small
 *    digraph scanner (kh, zh, ch, sh, shh, ph, tch, x, ...). Case, diacritics (NFKD, only
 *    when the word holds something outside ASCII/Cyrillic), apostrophes and the soft and
 *    hard signs go here.
 * 2. Every code is appended through `push`, which applies the folds that must hold for
 *    both scripts alike (glides, ie/io, ts, ikavism iv→ov, doubled letters).
 * 3. Internal single codes for ч, ш/щ, ж are spelled out as ch, sh, zh.
 *
 * The output alphabet is [a-z0-9] plus, untouched, letters of other scripts: safe for
 * SQLite FTS5 and PostgreSQL tokenizers, which will not split or re-fold it.
 */

// Internal codes. ASCII lower-case letters stand for themselves; upper-case letters are the
// three sounds that romanizations spell with digraphs, kept as one code so the folds in
// `push` never have to look inside a digraph.
const A = 97;
const C = 99;
const E = 101;
const G = 103;
const I = 105;
const K = 107;
const O = 111;
const S = 115;
const T = 116;
const V = 118;
const Z = 122;
const CH = 67; // ч  (output "ch")
const SH = 83; // ш, щ  (output "sh")
const ZH = 90; // ж  (output "zh")

/**
 * Cyrillic → internal codes. Choices that matter:
 * - ё→е, є→е, э→е: ё is written е in most Russian text; є and э are е with a glide or
 *   without one, which romanizations render as e, ye or ie; the ie→e fold merges those.
 * - и, і, ї, й, ы → i: Ukrainian и is romanized y, Russian и i, ы y, й y/i/j, ї yi/i;
 *   Ukrainian і is Russian и in cognates (Камінський/Каминский).
 * - г, ґ, х → g: Ukrainian г is romanized h (Horlivka), Russian г is g (Gorlovka), х is
 *   kh or h (Khabarovsk/Habarovsk); only a single letter for all three makes all meet.
 * - щ → ш: shch/sch/shh/щ/ш are spelled inconsistently enough that keeping them apart
 *   would miss more than it would distinguish.
 * - я, ю → ia, iu: the glide is spelled y/i/j in romanizations, all folded to i.
 * - ь, ъ: dropped, but before a vowel they are the glide romanizations write as y, i or an
 *   apostrophe (Юрьев/Yuryev, Сьомін/Syomin), so there they become i; see `SIGN`.
 */
// biome-ignore format: a table reads better as a table
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'Z', з: 'z',
  и: 'i', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'g', ц: 'c', ч: 'C', ш: 'S', щ: 'S', ы: 'i',
  э: 'e', ю: 'iu', я: 'ia', ь: '', ъ: '',
};
const CYR_BASE = 0x400;
const CYR_END = 0x4a0;
const SIGN = -1;
/** First and second internal code per Cyrillic code unit (0: none; SIGN: soft/hard sign). */
const CYR1 = new Int16Array(CYR_END - CYR_BASE);
const CYR2 = new Int16Array(CYR_END - CYR_BASE);
/** 1 for Cyrillic vowels, for the soft-sign lookahead. */
const CYR_VOWEL = new Uint8Array(CYR_END - CYR_BASE);
for (const [letter, codes] of Object.entries(CYRILLIC)) {
  for (const form of [letter, letter.toUpperCase()]) {
    const at = form.charCodeAt(0) - CYR_BASE;
    if (codes === '') CYR1[at] = SIGN;
    else {
      CYR1[at] = codes.charCodeAt(0);
      CYR2[at] = codes.length > 1 ? codes.charCodeAt(1) : 0;
    }
    if ('аеёєиіїоуыэюя'.includes(letter)) CYR_VOWEL[at] = 1;
  }
}

/** Latin letters that NFKD does not decompose, and the scholarly č/š/ž/ŝ (ISO 9, Czech). */
// biome-ignore format: a table reads better as a table
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss', ł: 'l', ø: 'o', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 't',
  č: 'C', š: 'S', ž: 'Z', ŝ: 'S', ĉ: 'C',
};
const EXTRA = new Map<number, string>();
for (const [letter, codes] of Object.entries(LATIN_EXTRA)) {
  EXTRA.set(letter.charCodeAt(0), codes);
  EXTRA.set(letter.toUpperCase().charCodeAt(0), codes);
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x2bc, 0x60, 0xb4, 0x2b9, 0x2ba, 0x2032]);
const CARON = 0x30c;
const CIRCUMFLEX = 0x302;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const IS_VOWEL = new Uint8Array(128);
for (const v of 'aeiou') IS_VOWEL[v.charCodeAt(0)] = 1;

// One reusable buffer: folding is synchronous, so no two calls can interleave.
let buf = new Uint16Array(64);
let n = 0;

function isConsonant(code: number): boolean {
  return (code >= A && code <= Z && IS_VOWEL[code] === 0) || code === CH || code === SH || code === ZH;
}

/**
 * Ukrainian ikavism: о/е of a closed syllable became і (Горлівка/Горловка, Харків/Харьков,
 * Львів/Львов, Петрів/Петров). Consonant + iv before a consonant or the word end folds to
 * ov. It also merges Ukrainian Ivaniv with Ivanov, which is the same family name.
 */
function foldIkavism(): void {
  if (n >= 3 && buf[n - 1] === V && buf[n - 2] === I && isConsonant(buf[n - 3])) buf[n - 2] = O;
}

/** Appends one internal code, applying the folds shared by all scripts. */
function push(code: number): void {
  if (n > 0) {
    const last = buf[n - 1];
    // Doubled letters collapse: Анна/Ana, Kaminskii/Kaminski, Mariia/Maria, Andreev/Andreyev.
    // Digits never collapse (1000 is not 10).
    if (code === last && code < 128 && (code < 48 || code > 57)) return;
    if (last === I && (code === E || code === O)) {
      // ye/ie/je → e: the iotated е after a vowel, a soft sign or at the start
      // (Yevgeny/Evgeny, Alekseyev/Alekseev, Yuriev/Юрьев). yo/io/jo → e: ё written as
      // yo/jo/io (Fyodor/Фёдор/Fedor, Yolkin/Ёлкин/Elkin).
      n--;
      push(E);
      return;
    }
    // ts → c: ц is ts, tz, c in romanizations, and Cyrillic тс sounds and is spelled alike
    // (Bratsk/Братск).
    if (code === S && last === T) {
      n--;
      push(C);
      return;
    }
    // сч/шч and Latin sch/shch are щ (расчёт/raschet, Shchukin/Schukin); сш is ш
    // (бесшумный/besshumny).
    if ((code === CH || code === SH) && (last === S || last === SH)) {
      n--;
      push(SH);
      return;
    }
    // German tsch is ч (Tschaikowsky/Чайковский): t+s has already become c.
    if (code === CH && last === C) {
      n--;
      push(CH);
      return;
    }
    if (code < 128 && isConsonant(code)) foldIkavism();
  }
  if (n === buf.length) {
    const grown = new Uint16Array(buf.length * 2);
    grown.set(buf);
    buf = grown;
  }
  buf[n++] = code;
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}

/** True when the word holds something outside ASCII, Cyrillic and apostrophes (needs NFKD). */
function needsNormalizing(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80 && (code < CYR_BASE || code >= CYR_END) && !APOSTROPHES.has(code)) return true;
  }
  return false;
}

/** Handles a character that is neither ASCII nor Cyrillic (rare: accents, other scripts). */
function pushOther(word: string, i: number, code: number): void {
  // NFKD has split accented letters into base + mark; marks go, except the caron and
  // circumflex that make č, š, ž, ŝ (ISO 9 and Czech spellings of ч, ш, ж, щ).
  if (code >= 0x300 && code <= 0x36f) {
    if ((code === CARON || code === CIRCUMFLEX) && n > 0) {
      const last = buf[n - 1];
      const upgraded = last === C ? CH : last === S ? SH : last === Z ? ZH : 0;
      if (upgraded !== 0) {
        n--;
        push(upgraded); // re-pushed so šč folds to щ like shch
      }
    }
    return;
  }
  const extra = EXTRA.get(code);
  if (extra !== undefined) {
    for (let k = 0; k < extra.length; k++) push(extra.charCodeAt(k));
    return;
  }
  if (APOSTROPHES.has(code)) return;
  // Other scripts are kept as they are (lower-cased), so they stay searchable.
  if (code >= 0xd800 && code <= 0xdfff) {
    push(code);
    return;
  }
  const ch = word[i];
  if (LETTER_OR_DIGIT.test(ch)) push(ch.toLowerCase().charCodeAt(0));
}

/** Scans one Latin letter at `i`, with its digraphs; returns how many code units it used. */
function pushLatin(word: string, i: number, code: number): number {
  const next = i + 1 < word.length ? lowerAscii(word.charCodeAt(i + 1)) : 0;
  switch (code) {
    case 99: // c: ch → ч; c alone is ц (Polish/scholarly c, and ts/tz fold to it).
      if (next === 104) {
        push(CH);
        return 2;
      }
      push(C);
      return 1;
    case 107: // k: kh → х → g (see the table comment on г/х).
      if (next === 104) {
        push(G);
        return 2;
      }
      push(K);
      return 1;
    case 115: // s: sh → ш; shh is GOST 7.79 for щ; s+ch folds to щ in push.
      if (next === 104) {
        const third = i + 2 < word.length ? lowerAscii(word.charCodeAt(i + 2)) : 0;
        push(SH);
        return third === 104 ? 3 : 2;
      }
      push(S);
      return 1;
    case 122: // z: zh → ж; German tz → ц (Zaitzev).
      if (next === 104) {
        push(ZH);
        return 2;
      }
      if (n > 0 && buf[n - 1] === T) {
        n--;
        push(C);
        return 1;
      }
      push(Z);
      return 1;
    case 112: // p: ph → f (Stephan/Стефан).
      if (next === 104) {
        push(102);
        return 2;
      }
      push(code);
      return 1;
    case 116: // t: tch → ч (French-style Tchaikovsky).
      if (next === C && i + 2 < word.length && lowerAscii(word.charCodeAt(i + 2)) === 104) {
        push(CH);
        return 3;
      }
      push(T);
      return 1;
    case 104: // h: Ukrainian г (Horlivka) and x/kh (Habarovsk) → g.
      push(G);
      return 1;
    case 120: // x: Alexei/Aleksei; х written x is far rarer than ks written x.
      push(K);
      push(S);
      return 1;
    case 119: // w: German/Polish spelling of в (Kaminski/Wasilewski).
      push(V);
      return 1;
    case 113: // q: only in foreign spellings; sounds k.
      push(K);
      return 1;
    case 106: // j, y: the glide й, and ы/и; all romanizations disagree, so all are i.
    case 121:
      push(I);
      return 1;
    default:
      push(code);
      return 1;
  }
}

function scan(word: string): void {
  for (let i = 0; i < word.length; ) {
    const raw = word.charCodeAt(i);
    if (raw < 128) {
      const code = lowerAscii(raw);
      if (code >= A && code <= Z) i += pushLatin(word, i, code);
      else {
        if (code >= 48 && code <= 57) push(code);
        i++; // apostrophes, hyphens and other ASCII punctuation are dropped
      }
      continue;
    }
    if (raw >= CYR_BASE && raw < CYR_END) {
      const at = raw - CYR_BASE;
      const first = CYR1[at];
      if (first === SIGN) {
        const next = i + 1 < word.length ? word.charCodeAt(i + 1) - CYR_BASE : -1;
        if (next >= 0 && next < CYR_VOWEL.length && CYR_VOWEL[next] === 1) push(I);
      } else if (first !== 0) {
        push(first);
        if (CYR2[at] !== 0) push(CYR2[at]);
      } else pushOther(word, i, raw);
      i++;
      continue;
    }
    pushOther(word, i, raw);
    i++;
  }
  foldIkavism();
}

/** Spells the internal codes out; ч, ш, ж become two ASCII letters. */
function spell(): string {
  let out = '';
  for (let k = 0; k < n; k++) {
    const code = buf[k];
    if (code === CH) out += 'ch';
    else if (code === SH) out += 'sh';
    else if (code === ZH) out += 'zh';
    else out += String.fromCharCode(code);
  }
  return out;
}

/** Folds one word, in any script or romanization, to its lower-case Latin matching skeleton. */
export function foldWord(word: string): string {
  n = 0;
  scan(needsNormalizing(word) ? word.normalize('NFKD') : word);
  return spell();
}
