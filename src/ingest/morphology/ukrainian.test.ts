import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeUkrainian, buildUkrainianIndex, DICTIONARY_FILE, UKRAINIAN_INDEX_FILE } from './ukrainian.js';

test('the Ukrainian index built with the build equals one built afresh from the dictionary', (t) => {
  if (!existsSync(UKRAINIAN_INDEX_FILE)) {
    t.skip('dist/ingest/morphology/ukrainian-index.txt is written by `npm run build`');
    return;
  }
  const fresh = buildUkrainianIndex(readFileSync(DICTIONARY_FILE));
  assert.ok(readFileSync(UKRAINIAN_INDEX_FILE, 'utf8') === fresh, 'stale: run `npm run build`');
});

test('every word of the dictionary is a known reading of itself', () => {
  const words = readFileSync(DICTIONARY_FILE, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0].trim())
    // Lower-case and capitalised entries: the lookup does not keep other casing ("АА").
    .filter((w, i) => i % 101 === 0 && w && w.slice(1) === w.slice(1).toLowerCase());
  assert.ok(words.length > 1000);
  for (const word of words)
    assert.ok(
      analyzeUkrainian(word).some((r) => r.known && r.lemma === word),
      word,
    );
});

test('inflected forms come back to their entry, and an unknown surname is guessed by analogy', () => {
  assert.equal(analyzeUkrainian('Оксани')[0].lemma, 'Оксана');
  assert.equal(analyzeUkrainian('військових')[0].lemma, 'військовий');
  assert.ok(analyzeUkrainian('Зайцевому').some((r) => r.known && r.lemma === 'Зайцеве'));
  const [guess] = analyzeUkrainian('Коваленчуком');
  assert.deepEqual([guess.lemma, guess.known], ['Коваленчук', false]);
  assert.ok(guess.support > 0);
});
