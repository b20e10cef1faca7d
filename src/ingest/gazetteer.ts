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
}

interface Index {
  places: Place[];
  attested: Map<string, number[]>;
  derived: Map<string, number[]>;
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
  const attested = new Map<string, number[]>();
  const derived = new Map<string, number[]>();
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
    });
    admin1s.add(f[7]);
    for (const name of [f[1], f[2], ...f[3].split('|')]) add(attested, placeKey(name), i);
    for (const name of f[4].split('|')) add(derived, placeKey(name), i);
  }
  const regions = [...admin1s]
    .filter((a) => !a.startsWith('RU-'))
    .map((admin1) => ({ admin1, folded: fold(admin1) }));
  index = { places, attested, derived, regions };
  return index;
}

/** Places carrying exactly this name (attested names first, then machine-derived variants). */
export function placesNamed(name: string): { places: Place[]; attested: boolean } {
  const { places, attested, derived } = load();
  const key = placeKey(name);
  const hit = attested.get(key);
  if (hit) return { places: hit.map((i) => places[i]), attested: true };
  const guess = derived.get(key);
  return { places: guess ? guess.map((i) => places[i]) : [], attested: false };
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
