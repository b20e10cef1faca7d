// The gazetteer's name index. Computing its keys (normalized and romanized spellings of some
// 170,000 names) takes most of a second, too long for `vigil extract` to start; the build writes
// it once (scripts/build-indexes.mjs) and extraction searches it in place (built-index.ts).
import { readFileSync } from 'node:fs';
import { type IndexSection, indexText, loadIndex } from './built-index.js';
import { fold } from './fold.js';
import { normalize } from './text.js';

/** The key a place name is looked up by: lower-case, ё→е, one apostrophe, hyphens as spaces. */
export function placeKey(name: string): string {
  return normalize(name).replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Where the build writes the index: next to this module in dist/. */
export const GAZETTEER_INDEX_FILE = new URL('./gazetteer-index.txt', import.meta.url);
/** The gazetteer itself. */
export const PLACES_FILE = new URL('../../data/gazetteer/places.tsv', import.meta.url);
// The compiled modules that make the keys: a change to any of them makes a built index stale.
const KEY_CODE = [
  './gazetteer-index.js',
  './built-index.js',
  './fold.js',
  './text.js',
  '../domain/text/fold.js',
];

/** How a name was found: among attested names, machine-derived variants, or romanized skeletons. */
export type NameTier = 'attested' | 'derived' | 'folded';
const TIERS: readonly NameTier[] = ['attested', 'derived', 'folded'];

/** The index over places.tsv: a row is the byte offset where a place's line starts. */
export interface GazetteerIndex {
  /** The line of places.tsv at this row (decoded alone: the rest of the file stays bytes). */
  lineAt: (row: number) => string;
  /** Every place's row, in file order. */
  rows: () => number[];
  /** First-level regions outside Russia, larger first, with their romanized name. */
  regions: Array<{ admin1: string; folded: string }>;
  /** Rows carrying a key in a tier, in file order. */
  rowsOf: (tier: NameTier, key: string) => number[] | undefined;
}

/** The places of places.tsv, each with its row (the header and short lines are no place). */
export function placeLines(tsv: Buffer): Array<{ row: number; fields: string[] }> {
  const places: Array<{ row: number; fields: string[] }> = [];
  let row = 0;
  for (const line of tsv.toString('utf8').split('\n')) {
    const fields = line.split('\t');
    if (row > 0 && fields.length >= 14) places.push({ row, fields });
    row += Buffer.byteLength(line) + 1;
  }
  return places;
}

/** The index as text: the regions, then each tier's "key\trows" lines. */
export function buildGazetteerIndex(tsv: Buffer): string {
  const tiers = new Map<NameTier, Map<string, number[]>>(TIERS.map((t) => [t, new Map()]));
  const add = (tier: NameTier, key: string, n: number) => {
    if (!key) return;
    const map = tiers.get(tier) as Map<string, number[]>;
    const list = map.get(key);
    if (!list) map.set(key, [n]);
    else if (list[list.length - 1] !== n) list.push(n);
  };
  /** Places in each first-level region. */
  const admin1s = new Map<string, number>();
  for (const { row: n, fields: f } of placeLines(tsv)) {
    admin1s.set(f[7], (admin1s.get(f[7]) ?? 0) + 1);
    for (const name of [f[1], f[2], ...f[3].split('|')]) add('attested', placeKey(name), n);
    for (const name of f[4].split('|')) add('derived', placeKey(name), n);
    for (const name of [f[1], f[2]]) add('folded', fold(name), n);
  }
  // Larger regions first, an order that leads each line: it breaks ties in regionNamed, where two
  // regions fold alike (Kyiv Oblast, Kyiv City) and a region word names the larger.
  const regions = [...admin1s.keys()]
    .sort((a, b) => (admin1s.get(b) ?? 0) - (admin1s.get(a) ?? 0))
    .filter((a) => !a.startsWith('RU-'))
    .map((a, i) => `${String(i).padStart(6, '0')}\t${a}\t${fold(a)}`);
  const sections = TIERS.map((t) =>
    [...(tiers.get(t) as Map<string, number[]>)].map(([key, rows]) => `${key}\t${rows.join(',')}`),
  );
  return indexText(sources(tsv), [regions, ...sections]);
}

// What the index is made from: places.tsv and the compiled modules that make the keys.
const sources = (tsv: Buffer) => [tsv, ...KEY_CODE.map((m) => readFileSync(new URL(m, import.meta.url)))];

/** Reads places.tsv and the built index, or builds the index in memory when it is missing or stale. */
export function loadGazetteerIndex(indexFile: URL = GAZETTEER_INDEX_FILE): GazetteerIndex {
  const tsv = readFileSync(PLACES_FILE);
  const [regionSection, ...tierSections] = loadIndex(indexFile, sources(tsv), () => buildGazetteerIndex(tsv));
  const regions = regionSection.lines().map((l) => {
    const [, admin1, folded] = l.split('\t');
    return { admin1, folded };
  });
  return {
    lineAt(row) {
      const end = tsv.indexOf(0x0a, row);
      return tsv.toString('utf8', row, end < 0 ? tsv.length : end);
    },
    rows: () => placeLines(tsv).map((p) => p.row),
    regions,
    rowsOf(tier, key) {
      const rows = (tierSections[TIERS.indexOf(tier)] as IndexSection).get(key);
      return rows === undefined ? undefined : rows.split(',').map(Number);
    },
  };
}
