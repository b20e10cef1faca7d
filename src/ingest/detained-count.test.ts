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

test('counts a named person held with N others as N + 1', () => {
  assert.equal(extractText('Ivan is held in a cellar with nine other soldiers.').detainedCount?.value, 10);
  assert.equal(extractText('Сына держат в яме вместе с ещё пятью отказниками.').detainedCount?.value, 6);
  assert.equal(extractText('Олега та ще четверо бійців тримають у підвалі.').detainedCount?.value, 5);
});

test('does not add the named person when the others are not said to be with him', () => {
  assert.equal(extractText('Nine other soldiers are held in a cellar.').detainedCount?.value, 9);
});

test("reads 'one of the detainees' as a part, not a headcount", () => {
  assert.equal(extractText('One of the detainees, held in a basement, fell ill.').detainedCount, null);
  assert.equal(extractText('At least 14 contract soldiers are held in a basement.').detainedCount?.value, 14);
});

test('counts people taken to a place the text makes a detention site', () => {
  const x = extractText('Их держат в яме в Брянке. Сына вместе с 7 другими отказниками вывезли в Брянку.');
  assert.equal(x.detainedCount?.value, 8);
});

test('counts fellow servicemen named as comrades', () => {
  assert.equal(
    extractText('Его держат в подвале вместе с ещё четырьмя сослуживцами.').detainedCount?.value,
    5,
  );
});
