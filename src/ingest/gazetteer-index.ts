// The gazetteer's name index. Computing its keys (normalized and romanized spellings of some
// 170,000 names) takes most of a second, too long for `vigil extract` to start; the build writes
// it once (scripts/build-gazetteer-index.mjs) and extraction looks names up in it by binary search
// without parsing it. An index missing or made from another places.tsv or other key code is
// rebuilt in memory, so results never depend on whether the build step ran.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
const KEY_CODE = ['./gazetteer-index.js', './fold.js', './text.js', '../domain/text/fold.js'];

/** How a name was found: among attested names, machine-derived variants, or romanized skeletons. */
export type NameTier = 'attested' | 'derived' | 'folded';
const TIERS: readonly NameTier[] = ['attested', 'derived', 'folded'];

/** The places file split in lines, and the index over it (rows are line numbers of that file). */
export interface GazetteerIndex {
  lines: string[];
  /** First-level regions outside Russia, in order of first appearance, with their romanized name. */
  regions: Array<{ admin1: string; folded: string }>;
  /** Rows carrying a key in a tier, in file order. */
  rowsOf: (tier: NameTier, key: string) => number[] | undefined;
}

/** Whether a line of places.tsv is a place (the header and short lines are not). */
export const isPlaceRow = (fields: string[], n: number) => n > 0 && fields.length >= 14;

/** The index as text: a fingerprint line, then regions, then each tier's sorted "key\trows" lines, blank-line separated. */
export function buildGazetteerIndex(tsv: Buffer): string {
  const lines = tsv.toString('utf8').split('\n');
  const tiers = new Map<NameTier, Map<string, number[]>>(TIERS.map((t) => [t, new Map()]));
  const add = (tier: NameTier, key: string, n: number) => {
    if (!key) return;
    const map = tiers.get(tier) as Map<string, number[]>;
    const list = map.get(key);
    if (!list) map.set(key, [n]);
    else if (list[list.length - 1] !== n) list.push(n);
  };
  const admin1s = new Set<string>();
  for (let n = 0; n < lines.length; n++) {
    const f = lines[n].split('\t');
    if (!isPlaceRow(f, n)) continue;
    admin1s.add(f[7]);
    for (const name of [f[1], f[2], ...f[3].split('|')]) add('attested', placeKey(name), n);
    for (const name of f[4].split('|')) add('derived', placeKey(name), n);
    for (const name of [f[1], f[2]]) add('folded', fold(name), n);
  }
  const regions = [...admin1s].filter((a) => !a.startsWith('RU-')).map((a) => `${a}\t${fold(a)}`);
  const sections = TIERS.map((t) =>
    [...(tiers.get(t) as Map<string, number[]>)]
      .map(([key, rows]) => `${key}\t${rows.join(',')}`)
      .sort(byCodeUnits)
      .join('\n'),
  );
  return `${fingerprint(tsv)}\n${[regions.join('\n'), ...sections].join('\n\n')}\n`;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fingerprint(tsv: Buffer): string {
  const hash = createHash('sha256').update(tsv);
  for (const m of KEY_CODE) hash.update(readFileSync(new URL(m, import.meta.url)));
  return `vigil gazetteer index ${hash.digest('hex')}`;
}

/** Reads places.tsv and the built index, or builds the index in memory when it is missing or stale. */
export function loadGazetteerIndex(indexFile: URL = GAZETTEER_INDEX_FILE): GazetteerIndex {
  const tsv = readFileSync(PLACES_FILE);
  let text: string | null = null;
  try {
    text = readFileSync(indexFile, 'utf8');
  } catch {
    // not built: made below
  }
  if (text === null || !text.startsWith(`${fingerprint(tsv)}\n`)) text = buildGazetteerIndex(tsv);
  return readIndex(tsv.toString('utf8').split('\n'), text);
}

function readIndex(lines: string[], text: string): GazetteerIndex {
  const all = text.split('\n');
  // Sections end at blank lines; the first line is the fingerprint, the last one is empty.
  const bounds: Array<[number, number]> = [];
  let start = 1;
  for (let i = 1; i < all.length; i++) {
    if (all[i] === '') {
      bounds.push([start, i]);
      start = i + 1;
    }
  }
  const [regionLines, ...tierBounds] = bounds;
  const regions = all.slice(...regionLines).map((l) => {
    const [admin1, folded] = l.split('\t');
    return { admin1, folded };
  });
  return {
    lines,
    regions,
    rowsOf(tier, key) {
      const [from, to] = tierBounds[TIERS.indexOf(tier)];
      // Lines sort as their keys do: the tab after a key sorts before any character of a key.
      const probe = `${key}\t`;
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (all[mid] < probe) lo = mid + 1;
        else hi = mid;
      }
      if (lo === to || !all[lo].startsWith(probe)) return undefined;
      return all[lo].slice(probe.length).split(',').map(Number);
    },
  };
}
