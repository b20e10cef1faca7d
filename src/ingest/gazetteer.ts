import { readFileSync } from 'node:fs';
import { commonPrefix, fold } from './fold.js';
import { normalize } from './text.js';

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
  /** The Russian form of the name: the name itself, an attested or a derived Russian spelling. */
  nameRu: string;
}

interface Index {
  places: Place[];
  byId: Map<string, number>;
  attested: Map<string, number[]>;
  derived: Map<string, number[]>;
  /** romanized skeletons of every name: matches across scripts ("Кадіївка" ~ "Kadiivka") */
  folded: Map<string, number[]>;
  regions: Array<{ admin1: string; folded: string }>;
}

const QUALITY: Record<string, number> = {
  'geonames-point': 4,
  'dadata-point': 4,
  'postal-matched': 3,
  'approx-raion': 2,
  'suspect-outside-oblast': 0,
};
const KIND: Record<string, number> = { city: 4, town: 3, village: 2, settlement: 1, other: 0 };

let index: Index | null = null;

/** The key a place name is looked up by: lower-case, ё→е, one apostrophe, hyphens as spaces. */
export function placeKey(name: string): string {
  return normalize(name).replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim();
}

function add(map: Map<string, number[]>, key: string, i: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function load(): Index {
  if (index) return index;
  const tsv = readFileSync(new URL('../../data/gazetteer/places.tsv', import.meta.url), 'utf8');
  const places: Place[] = [];
  const byId = new Map<string, number>();
  const attested = new Map<string, number[]>();
  const derived = new Map<string, number[]>();
  const folded = new Map<string, number[]>();
  const admin1s = new Set<string>();
  const lines = tsv.split('\n');
  for (let n = 1; n < lines.length; n++) {
    const f = lines[n].split('\t');
    if (f.length < 14) continue;
    const suspect = f[13] === 'suspect-outside-oblast';
    const i = places.length;
    places.push({
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
      nameRu: russianForm([f[1], ...f[3].split('|'), ...f[4].split('|')]) ?? f[1],
    });
    byId.set(f[0], i);
    admin1s.add(f[7]);
    for (const name of [f[1], f[2], ...f[3].split('|')]) add(attested, placeKey(name), i);
    for (const name of f[4].split('|')) add(derived, placeKey(name), i);
    for (const name of [f[1], f[2]]) add(folded, fold(name), i);
  }
  const regions = [...admin1s]
    .filter((a) => !a.startsWith('RU-'))
    .map((admin1) => ({ admin1, folded: fold(admin1) }));
  index = { places, byId, attested, derived, folded, regions };
  return index;
}

// Russian spelling: Cyrillic without the letters only Ukrainian has (і, ї, є, ґ, apostrophe).
function russianForm(names: string[]): string | undefined {
  return names.find((n) => /^[А-Яа-яЁё][А-Яа-яЁё -]*$/.test(n));
}

/** Every place of the gazetteer, in file order (for tools that derive data from it). */
export function gazetteerPlaces(): readonly Place[] {
  return load().places;
}

/** The gazetteer's place with this id, or null. */
export function gazetteerPlace(id: string): Place | null {
  const { places, byId } = load();
  const i = byId.get(id);
  return i === undefined ? null : places[i];
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
    ...(p.nameRu ? { ru: p.nameRu } : {}),
    ...(p.country === 'UA' && p.name ? { uk: p.name } : {}),
  };
}

/** How a name was found: among attested names, machine-derived variants, or romanized skeletons. */
export type NameTier = 'attested' | 'derived' | 'folded';

/** Places carrying this name in one tier of the index. */
export function placesInTier(name: string, tier: NameTier): Place[] {
  const { places, attested, derived, folded } = load();
  const key = placeKey(name);
  const hit =
    tier === 'attested'
      ? attested.get(key)
      : tier === 'derived'
        ? derived.get(key)
        : key.length >= 5
          ? folded.get(fold(key))
          : undefined;
  return hit ? hit.map((i) => places[i]) : [];
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
export function regionNamed(word: string): string | null {
  const { regions } = load();
  const f = fold(word);
  if (f.length < 4) return null;
  let best: string | null = null;
  let bestLen = 0;
  for (const r of regions) {
    const k = commonPrefix(f, r.folded);
    if (
      k >=
        Math.max(
          4,
          Math.min(f.length, r.folded.indexOf(' ') > 0 ? r.folded.indexOf(' ') : r.folded.length) - 3,
        ) &&
      k > bestLen
    ) {
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
