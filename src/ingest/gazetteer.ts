import { commonPrefix, fold } from './fold.js';
import { type GazetteerIndex, loadGazetteerIndex, type NameTier, placeKey } from './gazetteer-index.js';
import { analyzeRussian } from './morphology/russian.js';

export type { NameTier };

/** One place of the shipped gazetteer (data/gazetteer/places.tsv, CC BY-SA 4.0). */
export interface Place {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  admin1: string;
  country: string;
  lat: number | null;
  lon: number | null;
  population: number;
  coordQuality: string;
  /** How many of the gazetteer's sources gave the row: two agreeing sources make a namesake less likely wrong. */
  sourceCount: number;
  /** Spellings that may be the Russian name (see russianNameOf), attested and rule-made. */
  ruCandidates: { attested: string[]; derived: string[] };
}

const QUALITY: Record<string, number> = {
  'geonames-point': 4,
  'dadata-point': 4,
  'postal-matched': 3,
  'approx-raion': 2,
  'suspect-outside-oblast': 0,
};
const KIND: Record<string, number> = { city: 4, town: 3, village: 2, settlement: 1, other: 0 };

let index: GazetteerIndex | null = null;
/** Places parsed so far, by row: each is parsed once, on first use, and stays the same object. */
const parsed = new Map<number, Place>();
let byId: Map<string, number> | null = null;

function load(): GazetteerIndex {
  index ??= loadGazetteerIndex();
  return index;
}

function placeAt(n: number): Place {
  const hit = parsed.get(n);
  if (hit) return hit;
  const f = load().lineAt(n).split('\t');
  const suspect = f[13] === 'suspect-outside-oblast';
  const place: Place = {
    id: f[0],
    name: f[1],
    nameEn: f[2],
    kind: f[5],
    admin1: f[7],
    country: f[9],
    lat: suspect ? null : Number(f[10]),
    lon: suspect ? null : Number(f[11]),
    population: Number(f[12]) || 0,
    coordQuality: f[13],
    sourceCount: f[14].split(';').filter(Boolean).length,
    ruCandidates: russianSpellings(f[1], f[3], f[4]),
  };
  parsed.set(n, place);
  return place;
}

// Cyrillic without the letters only Ukrainian or Belarusian has (і, ї, є, ґ, ў, apostrophe).
const RUSSIAN_SPELLING = /^[А-Яа-яЁё][А-Яа-яЁё -]*$/;

// The names of a place that may be its Russian one: attested (GeoNames' alternate names) before
// derived (rule-made transliterations), the place's own name left out.
function russianSpellings(name: string, attested: string, derived: string): Place['ruCandidates'] {
  const pick = (names: string) =>
    [...new Set(names.split('|'))].filter((n) => n !== name && RUSSIAN_SPELLING.test(n));
  return { attested: pick(attested), derived: pick(derived) };
}

// Ukrainian spelling read as Russian, to compare candidates with: "Харків" ~ "харкив".
function russified(name: string): string {
  return name
    .toLowerCase()
    .replace(/[ії]/g, 'и')
    .replace(/є/g, 'е')
    .replace(/(?<=[сцз])ьк/g, 'к');
}

const russianNames = new Map<string, string>();

// A word of a Russian name of several words: a noun or an adjective in the nominative.
const isNominative = (word: string) =>
  analyzeRussian(word).some(
    (r) => r.fromDictionary && (r.pos === 'NOUN' || r.pos === 'ADJF') && r.grammemes.has('nomn'),
  );
const isRussianPlace = (word: string) =>
  analyzeRussian(word).some(
    (r) => r.fromDictionary && r.grammemes.has('Geox') && r.lemma === word.toLowerCase(),
  );

/**
 * A place's name in Russian. A Russian place's own name. For a Ukrainian place, the alternate
 * spelling the Russian dictionary confirms: a one-word name it knows as a place and that starts
 * like the Ukrainian one (Харьков, Одесса, Днепр — but Бахмут stays, not the former Артемовск), a
 * name of several words whose every word is Russian (Кривой Рог, Белая Церковь); else, where the
 * Ukrainian name cannot be Russian, the spelling that starts most like it (Зайцево, Мелекино).
 * Computed on first use: the dictionary check is too slow for all 34,000 places at load.
 */
export function russianNameOf(p: Place): string {
  const hit = russianNames.get(p.id);
  if (hit) return hit;
  let name = p.name;
  const { attested, derived } = p.ruCandidates;
  const all = [...attested, ...derived];
  if (p.country === 'UA' && all.length > 0) {
    const target = russified(p.name);
    const nearest = (list: string[]) =>
      [...list].sort(
        (a, b) =>
          commonPrefix(b.toLowerCase(), target) - commonPrefix(a.toLowerCase(), target) ||
          a.length - b.length,
      )[0];
    const words = p.name.split(/[\s-]+/).length;
    const confirmed =
      words > 1
        ? all.filter((c) => c.split(/[\s-]+/).length === words && c.split(/[\s-]+/).every(isNominative))
        : all.filter((c) => isRussianPlace(c) && commonPrefix(c.toLowerCase(), target) >= 1);
    if (confirmed.length > 0) name = nearest(confirmed);
    // Ukrainian letters, -ськ, or a neuter ending Russian writes -ое/-ее (Зайцеве, Мирне).
    else if (/[іїєґ'’ʼ]|(?:ськ|цьк|зьк)$|(?<![оеи])е$/iu.test(p.name))
      name = nearest(attested.length > 0 ? attested : derived);
  }
  russianNames.set(p.id, name);
  return name;
}

/** Every place of the gazetteer, in file order (for tools that derive data from it). */
export function gazetteerPlaces(): readonly Place[] {
  return load().rows().map(placeAt);
}

/** The gazetteer's place with this id, or null. */
export function gazetteerPlace(id: string): Place | null {
  if (!byId) {
    const { rows, lineAt } = load();
    byId = new Map(rows().map((n) => [lineAt(n).slice(0, lineAt(n).indexOf('\t')), n]));
  }
  const n = byId.get(id);
  return n === undefined ? null : placeAt(n);
}

/** A place's name in the interface languages; a language the gazetteer has no form for is absent. */
export type LocalNames = Partial<Record<'en' | 'ru' | 'uk', string>>;

/**
 * The gazetteer's names of a place for each interface language: English, Russian, and for a
 * Ukrainian place its own (Ukrainian) name; null for an id the gazetteer does not hold.
 */
export function localNamesOf(id: string): LocalNames | null {
  const p = gazetteerPlace(id);
  if (!p) return null;
  return {
    ...(p.nameEn ? { en: p.nameEn } : {}),
    ru: russianNameOf(p),
    ...(p.country === 'UA' && p.name ? { uk: p.name } : {}),
  };
}

/** Places carrying this name in one tier of the index. */
export function placesInTier(name: string, tier: NameTier): Place[] {
  const key = placeKey(name);
  const hit =
    tier !== 'folded'
      ? load().rowsOf(tier, key)
      : key.length >= 5
        ? load().rowsOf(tier, fold(key))
        : undefined;
  return hit ? hit.map(placeAt) : [];
}

/** Places carrying this name: attested names, else machine-derived variants, else the same romanized skeleton. */
export function placesNamed(name: string): { places: Place[]; attested: boolean } {
  for (const tier of ['attested', 'derived', 'folded'] as const) {
    const places = placesInTier(name, tier);
    if (places.length) return { places, attested: tier === 'attested' };
  }
  return { places: [], attested: false };
}

/** Picks the most likely namesake: in a region the text mentions (nearest first), then well-located and big. */
export function bestPlace(candidates: Place[], regions: ReadonlyMap<string, number>): Place | null {
  let best: Place | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const p of candidates) {
    const score =
      (regions.has(p.admin1) ? 1e9 + 1e8 / (1 + (regions.get(p.admin1) ?? 0)) : 0) +
      (QUALITY[p.coordQuality] ?? 0) * 1e7 +
      (KIND[p.kind] ?? 0) * 1e6 +
      Math.min(p.population, 999_999);
    if (score > bestScore || (score === bestScore && best && p.id < best.id)) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The first-level region a word names ("Донецкой", "Luhansk", "Белгородской", "Volgograd"),
 * matched on the romanized stem of the region's name; null if none.
 */
/**
 * A region whose name's first word folds to three or four letters (Kyiv "kov", Sumy "sumi") is
 * named by that word less at most its last letter followed by an adjective or region suffix
 * ("Київська" kovska, "Сумської" sumskoi, "Київщина" kovshina) — the general four-letter rule would
 * miss it, and a bare three-letter prefix would take "Ковальчук" for Kyiv.
 */
function shortRegionForm(folded: string, shared: number, first: number): boolean {
  return first <= 4 && shared >= 3 && shared >= first - 1 && /^(?:sk|shin|chin)/.test(folded.slice(shared));
}

export function regionNamed(word: string): string | null {
  const { regions } = load();
  const f = fold(word);
  if (f.length < 4) return null;
  let best: string | null = null;
  let bestLen = 0;
  for (const r of regions) {
    const k = commonPrefix(f, r.folded);
    const first = r.folded.indexOf(' ') > 0 ? r.folded.indexOf(' ') : r.folded.length;
    if ((k >= Math.max(4, Math.min(f.length, first) - 3) || shortRegionForm(f, k, first)) && k > bestLen) {
      best = r.admin1;
      bestLen = k;
    }
  }
  return best;
}

/** Loads the gazetteer now (it is otherwise loaded on first use). */
export function warmGazetteer(): void {
  load();
}
