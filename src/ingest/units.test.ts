import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

const units = (text: string) => extractText(text).units.map((u) => u.name);

test('finds numbered units in English, Russian and Ukrainian', () => {
  assert.deepEqual(units('He served in military unit 12345.'), ['military unit 12345']);
  assert.deepEqual(units('Его отправили в в/ч 54321.'), ['в/ч 54321']);
  assert.deepEqual(units('Він служив у військовій частині А1234.'), ['військовій частині А1234']);
});

test('finds ordinal units with their adjectives as written', () => {
  assert.deepEqual(units('The commissar of the Fifth company threatened them.'), ['Fifth company']);
  assert.deepEqual(units('He is in the 1st Motor Rifle Regiment.'), ['1st Motor Rifle Regiment']);
  assert.deepEqual(units('Он служил в 3-м мотострелковом батальоне.'), ['3-м мотострелковом батальоне']);
  assert.deepEqual(units('Син служить в 11-й окремій гвардійській десантно-штурмовій бригаді.'), [
    '11-й окремій гвардійській десантно-штурмовій бригаді',
  ]);
});

test('does not take an ordinal far from a unit word for a unit', () => {
  assert.deepEqual(units('They were first sent to the army camp.'), []);
});

test('keeps a branch name after the unit noun and merges two namings of one unit', () => {
  const names = extractText(
    'Бойцов 752-го полка держат в подвале. Среди них военные 752-го мотострелкового полка и 155-й бригады морской пехоты.',
  ).units.map((u) => u.name);
  assert.deepEqual(names, ['752-го мотострелкового полка', '155-й бригады морской пехоты']);
});
