import type { Language } from '../domain/vocabularies.js';
import { bestPlace, type Place, placesInTier, regionNamed } from './gazetteer.js';
import { lemmaCandidates } from './morphology/lemmas.js';
import { analyzeRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';
import { FACILITY_WORD, ORIGIN_WORD, REGION_ALIASES, REGION_WORD, SETTLEMENT_WORD } from './site-cues.js';
import { type Doc, normalize, type Token } from './text.js';

/** A place named in the text: its tokens, and the gazetteer entry if one was found. */
export interface PlaceMention {
  first: number;
  last: number;
  place: Place | null;
  /** how it was recognised, for --explain */
  rule: string;
  /** every namesake the gazetteer offered */
  candidates?: Place[];
}

// Settles namesakes left without a region named in the text by the regions of the places the
// text names unambiguously ("Zaitseve near Horlivka" is the Zaitseve of Donetsk Oblast).
function settleByNeighbours(mentions: PlaceMention[], hints: RegionHints): void {
  const context = new Map<string, number[]>();
  for (const m of mentions) {
    if (m.candidates?.length === 1 && m.place)
      context.set(m.place.admin1, [...(context.get(m.place.admin1) ?? []), m.first]);
  }
  for (const m of mentions) {
    if (!m.candidates || m.candidates.length < 2 || m.candidates.some((p) => hints.mentions.has(p.admin1)))
      continue;
    const near = new Map<string, number>();
    for (const [admin1, where] of context)
      near.set(admin1, Math.min(...where.map((w) => Math.abs(w - m.first))));
    const best = bestPlace(m.candidates, near);
    if (best && best !== m.place) {
      m.place = best;
      m.rule = `gazetteer: ${best.nameEn} (${best.id}), namesake settled by places named nearby`;
    }
  }
}

/** Regions the text names, with the token index of each mention (to prefer the nearest). */
export interface RegionHints {
  mentions: Map<string, number[]>;
  tokens: Set<number>;
}

const NOT_PLACES =
  /^(?:russia|russian|russians|республик\p{L}*|республі\p{L}*|republic|ukraine|ukrainian|ukrainians|россия|россии|российск\p{L}*|украин\p{L}*|україн\p{L}*|росі\p{L}*|росій\p{L}*|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|this|that|they|then|when|after|before|since|according|but|and|in|on|at|a|an|he|she|it|we|i|if|as|no|one|our|their|his|her|god|war)$/iu;

const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'ADVB', 'PRED', 'INTJ']);

// A sentence's first word is capitalised whatever it is: one that is a preposition, conjunction,
// pronoun or adverb as written ("Серед затриманих", "Среди них") is not read as a place.
function functionWordAtStart(doc: Doc, i: number, lang: Language): boolean {
  const t = doc.tokens[i];
  if (doc.sentences[t.sentence].firstToken !== i) return false;
  const lower = t.norm;
  if (lang === 'uk' || /[іїєґ]/.test(lower)) {
    const readings = analyzeUkrainian(lower);
    return (
      readings.some((r) => r.known && !r.proper && r.lemma === lower) &&
      !readings.some((r) => r.proper && r.lemma.toLowerCase() === lower)
    );
  }
  if (lang === 'ru') return analyzeRussian(lower).some((r) => r.fromDictionary && FUNCTION_POS.has(r.pos));
  return false;
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

/**
 * The first-level region a short text such as a table cell names ("Луганская обл.", "ЛНР",
 * "Donetsk region"), or null: the unrecognised "republics" by their aliases, else the first word
 * that names a region.
 */
export function regionOfText(text: string): string | null {
  return regionsOfText(text)[0] ?? null;
}

/** Every first-level region a text names, in the order it first names them. */
export function regionsOfText(text: string): string[] {
  const out = new Set<string>();
  for (const word of normalize(text).split(/[^\p{L}'’]+/u)) {
    const region = REGION_ALIASES[word] ?? (word ? regionNamed(word) : null);
    if (region) out.add(region);
  }
  return [...out];
}

/** Finds the regions the text names ("Donetsk region", "Луганської області", "ДНР"). */
export function findRegions(doc: Doc): RegionHints {
  const mentions = new Map<string, number[]>();
  const tokens = new Set<number>();
  const note = (admin1: string, i: number, j: number) => {
    mentions.set(admin1, [...(mentions.get(admin1) ?? []), i]);
    for (let k = i; k <= j; k++) tokens.add(k);
  };
  doc.tokens.forEach((t, i) => {
    const alias = REGION_ALIASES[t.norm];
    if (alias) note(alias, i, i);
    // Ukrainian region names in -щина/-ччина ("на Луганщині", "Донеччина").
    const shchyna = t.cap ? /^(\p{L}{3,})(?:щин|ччин)[аиіуою]{1,2}$/u.exec(t.norm) : null;
    const fromShchyna = shchyna ? regionNamed(shchyna[1]) : null;
    if (fromShchyna) note(fromShchyna, i, i);
    const next = doc.tokens[i + 1];
    if (t.cap && next && next.sentence === t.sentence && REGION_WORD.test(next.norm)) {
      const admin1 = regionNamed(stripPossessive(t.text));
      if (admin1) note(admin1, i, i + 1);
    }
    // "Donetsk and Luhansk regions", "Донецкой и Луганской областей": the first of two regions
    // shares the region word of the second.
    const [second, word] = [doc.tokens[i + 2], doc.tokens[i + 3]];
    if (
      t.cap &&
      next?.sentence === t.sentence &&
      /^(?:and|или|и|і|та|й|or)$/.test(next.norm) &&
      second?.cap &&
      word?.sentence === t.sentence &&
      REGION_WORD.test(word.norm)
    ) {
      const admin1 = regionNamed(stripPossessive(t.text));
      if (admin1) note(admin1, i, i);
    }
  });
  return { mentions, tokens };
}

function regionDistances(hints: RegionHints, at: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [admin1, where] of hints.mentions)
    out.set(admin1, Math.min(...where.map((w) => Math.abs(w - at))));
  return out;
}

// Every reading of the words (as written, and their dictionary forms) is looked up; attested
// names win over derived ones, and among the places found the region the text names decides.
function lookup(tokens: Token[], lang: Language): Place[] {
  const options = tokens.map((t) =>
    lemmaCandidates(stripPossessive(t.text), lang, tokens.length > 1 ? 2 : 4),
  );
  let keys = [''];
  for (const opts of options) keys = keys.flatMap((k) => opts.map((o) => (k ? `${k} ${o}` : o)));
  for (const tier of ['attested', 'derived', 'folded'] as const) {
    const found = keys.flatMap((key) => placesInTier(key, tier));
    if (found.length) return [...new Set(found)];
  }
  return [];
}

function adjacent(doc: Doc, a: Token, b: Token): boolean {
  return a.sentence === b.sentence && /^[\s-]*$/.test(doc.text.slice(a.end, b.start));
}

/** Finds the places named in the text, settled against the gazetteer where possible. */
export function findPlaces(
  doc: Doc,
  lang: Language,
  blocked: ReadonlySet<number>,
  hints: RegionHints,
): PlaceMention[] {
  const out: PlaceMention[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (
      !t.cap ||
      t.num ||
      blocked.has(i) ||
      hints.tokens.has(i) ||
      NOT_PLACES.test(stripPossessive(t.norm)) ||
      functionWordAtStart(doc, i, lang)
    )
      continue;
    let found: PlaceMention | null = null;
    for (let len = 3; len >= 1 && !found; len--) {
      const span = tokens.slice(i, i + len);
      if (
        span.length < len ||
        span.some((s, k) => !s.cap || blocked.has(i + k) || (k > 0 && !adjacent(doc, span[k - 1], s)))
      )
        continue;
      const places = lookup(span, lang);
      if (places.length) {
        const best = bestPlace(places, regionDistances(hints, i));
        found = {
          first: i,
          last: i + len - 1,
          place: best,
          rule: `gazetteer: ${best?.nameEn} (${best?.id})`,
          candidates: places,
        };
      }
    }
    if (!found) {
      // A place the gazetteer lacks, recognised by its frame: "the village of X", "в селе X",
      // "полигон X", "X training ground", "X in the Y region".
      const prev = tokens[i - 1];
      const prev2 = tokens[i - 2];
      const next = tokens[i + 1];
      const afterIn = tokens[i + 2];
      const sameSentence = (x?: Token) => x !== undefined && x.sentence === t.sentence;
      const settlement =
        sameSentence(prev) &&
        (SETTLEMENT_WORD.test(prev.norm) ||
          (prev.norm === 'of' && sameSentence(prev2) && SETTLEMENT_WORD.test(prev2.norm)));
      const facilityBefore =
        sameSentence(prev) &&
        FACILITY_WORD.test(prev.norm) &&
        !/^(?:the|a)$/.test(prev.norm) &&
        lang !== 'en';
      const facilityAfter =
        sameSentence(next) && /^(?:training|camp|base|range|prison|colony)$/i.test(next.norm);
      const inRegion =
        sameSentence(next) &&
        /^(?:in|в|у)$/.test(next.norm) &&
        sameSentence(afterIn) &&
        hints.tokens.has(i + 2 + (afterIn.norm === 'the' ? 1 : 0));
      const rule = settlement
        ? 'settlement word before a name'
        : facilityBefore
          ? 'facility word before a name'
          : facilityAfter
            ? 'name before a facility word'
            : inRegion
              ? 'name followed by a region'
              : '';
      if (rule && t.text.length > 2) found = { first: i, last: i, place: null, rule: `frame: ${rule}` };
    }
    if (found) {
      out.push(found);
      i = found.last;
    }
  }
  settleByNeighbours(out, hints);
  return out;
}

/** Whether a mention names a place someone comes from rather than where someone is. */
export function isOrigin(doc: Doc, m: PlaceMention): boolean {
  // Walks back over settlement words and a list of names ("from Novosibirsk and Tomsk").
  for (let k = m.first - 1; k >= Math.max(0, m.first - 7); k--) {
    const t = doc.tokens[k];
    if (t.sentence !== doc.tokens[m.first].sentence) return false;
    if (ORIGIN_WORD.test(t.norm)) return true;
    const listed = t.cap || /^(?:and|или|и|і|та|й|or)$/.test(t.norm);
    if (!(listed || SETTLEMENT_WORD.test(t.norm) || /^(?:the|of|a|town|nearby|small)$/.test(t.norm)))
      return false;
  }
  return false;
}
