import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { indexText, loadIndex } from './built-index.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sources = [Buffer.from('data v1')];

// Keys that are prefixes of others, in several scripts, with spaces and apostrophes.
const KEYS = ['a', 'ab', 'ab c', 'abc', 'b', 'z', 'é', 'харьков', 'харьковская', "зав'язь", 'ёж', '中', '😀'];
const sections = [KEYS.map((k, i) => `${k}\t${i}`), [], ['only\tone']];

test('every key of every section is found with its value, and no other key is', () => {
  const file = join(dir, 'built.txt');
  writeFileSync(file, indexText(sources, sections));
  const [first, empty, last] = loadIndex(pathToFileURL(file), sources, () =>
    assert.fail('built index not read'),
  );
  for (const [i, k] of KEYS.entries()) assert.equal(first.get(k), String(i), k);
  for (const k of ['', 'a ', 'aa', 'ab ', 'abd', 'c', 'харько', 'харьковс', 'ё', '0', '\uffff'])
    assert.equal(first.get(k), undefined, k);
  assert.equal(empty.get('a'), undefined);
  assert.deepEqual(empty.lines(), []);
  assert.equal(last.get('only'), 'one');
  assert.deepEqual(last.lines(), ['only\tone']);
});

test('an index made from other sources, or missing, is built anew', () => {
  const stale = join(dir, 'stale.txt');
  writeFileSync(stale, indexText([Buffer.from('data v0')], [['a\tstale'], [], []]));
  const build = () => indexText(sources, sections);
  assert.equal(loadIndex(pathToFileURL(stale), sources, build)[0].get('a'), '0');
  assert.equal(loadIndex(pathToFileURL(join(dir, 'absent.txt')), sources, build)[0].get('a'), '0');
});
