import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fold } from './fold.js';
import {
  buildGazetteerIndex,
  GAZETTEER_INDEX_FILE,
  loadGazetteerIndex,
  type NameTier,
  PLACES_FILE,
  placeKey,
  placeLines,
} from './gazetteer-index.js';

const tsv = readFileSync(PLACES_FILE);
const fresh = buildGazetteerIndex(tsv);
const dir = mkdtempSync(join(tmpdir(), 'vigil-gazetteer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every tier's keys and rows computed straight from places.tsv, as the index must give them back. */
function expectedRows(): Map<NameTier, Map<string, number[]>> {
  const tiers = new Map<NameTier, Map<string, number[]>>([
    ['attested', new Map()],
    ['derived', new Map()],
    ['folded', new Map()],
  ]);
  for (const { row: n, fields: f } of placeLines(tsv)) {
    const put = (tier: NameTier, key: string) => {
      const map = tiers.get(tier) as Map<string, number[]>;
      if (!key) return;
      const rows = map.get(key) ?? [];
      if (!rows.includes(n)) rows.push(n);
      map.set(key, rows);
    };
    for (const name of [f[1], f[2], ...f[3].split('|')]) put('attested', placeKey(name));
    for (const name of f[4].split('|')) put('derived', placeKey(name));
    for (const name of [f[1], f[2]]) put('folded', fold(name));
  }
  return tiers;
}

test('the index built with the build equals one built afresh from places.tsv', (t) => {
  if (!existsSync(GAZETTEER_INDEX_FILE)) {
    t.skip('dist/ingest/gazetteer-index.txt is written by `npm run build`');
    return;
  }
  assert.ok(readFileSync(GAZETTEER_INDEX_FILE, 'utf8') === fresh, 'stale: run `npm run build`');
});

test('every name of every place is found in its tier, and only its places', () => {
  const file = join(dir, 'index.txt');
  writeFileSync(file, fresh);
  const index = loadGazetteerIndex(pathToFileURL(file));
  const places = placeLines(tsv);
  assert.deepEqual(
    index.rows(),
    places.map((p) => p.row),
  );
  for (const { row, fields } of places) assert.deepEqual(index.lineAt(row).split('\t'), fields);
  for (const [tier, keys] of expectedRows()) {
    assert.ok(keys.size > 1000, tier);
    for (const [key, rows] of keys) assert.deepEqual(index.rowsOf(tier, key), rows, `${tier} ${key}`);
  }
  // A key that only starts another key's line, or sorts between two keys, finds nothing.
  assert.equal(index.rowsOf('attested', 'харь'), undefined);
  assert.equal(index.rowsOf('attested', 'харьков ww'), undefined);
  assert.equal(index.rowsOf('folded', ''), undefined);
});

test('an index made from another places.tsv or missing is rebuilt, not trusted', () => {
  const stale = join(dir, 'stale.txt');
  // The fresh index with another fingerprint and Kharkiv's rows pointing elsewhere.
  const [, ...rest] = fresh.split('\n');
  writeFileSync(
    stale,
    ['vigil gazetteer index 0', ...rest].join('\n').replace(/^харьков\t.*$/m, 'харьков\t1'),
  );
  const rebuilt = loadGazetteerIndex(pathToFileURL(stale));
  const expected = expectedRows().get('attested')?.get('харьков');
  assert.ok(expected && expected.length > 0);
  assert.deepEqual(rebuilt.rowsOf('attested', 'харьков'), expected);
  const missing = loadGazetteerIndex(pathToFileURL(join(dir, 'absent.txt')));
  assert.deepEqual(missing.rowsOf('attested', 'харьков'), expected);
  assert.deepEqual(missing.regions, rebuilt.regions);
  assert.ok(missing.regions.some((r) => r.admin1 === 'Donetsk Oblast'));
});
