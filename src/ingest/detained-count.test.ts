import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

test("reads '21 mobilized' in digits in English", () => {
  assert.equal(extractText('21 mobilized men are held in a basement.').detainedCount?.value, 21);
});

test("reads 'двадцать один человек' in Russian words", () => {
  assert.equal(extractText('В подвале удерживают двадцать один человек.').detainedCount?.value, 21);
});

test("reads 'около 300 отказников' with an approximation", () => {
  assert.equal(extractText('Около 300 отказников держат в лагере.').detainedCount?.value, 300);
});

test("reads Ukrainian number words 'сорок п'ять військових'", () => {
  assert.equal(extractText("У підвалі утримують сорок п'ять військових.").detainedCount?.value, 45);
});

test('takes the largest number of people held and ignores ages, distances and group sizes', () => {
  const x = extractText(
    'The 20-year-old was held 40 kilometers away. 12 soldiers are held in a pit, at least eight of the men in groups of 30 people.',
  );
  assert.equal(x.detainedCount?.value, 12);
});

test('gives null when no number of held people is stated', () => {
  assert.equal(extractText('Dozens of soldiers are held in basements.').detainedCount, null);
});
