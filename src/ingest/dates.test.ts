import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

const dates = (text: string, published?: string) => extractText(text, published).dates.map((d) => d.date);

test("resolves '10 октября' against the publication date", () => {
  assert.deepEqual(dates('10 октября его мобилизовали.', '2022-11-07'), ['2022-10-10']);
});

test('resolves a month later than the publication month to the year before', () => {
  assert.deepEqual(dates('On December 5, he was detained.', '2023-02-01'), ['2022-12-05']);
});

test("resolves a month alone after a preposition ('у вересні')", () => {
  assert.deepEqual(dates('У вересні їх мобілізували.', '2022-11-07'), ['2022-09']);
});

test("resolves 'two days later' from the day stated just before", () => {
  assert.deepEqual(dates('On October 10, he called. Two days later, he refused.', '2022-11-07'), [
    '2022-10-10',
    '2022-10-12',
  ]);
});

test('reads absolute dates with their year in all three languages', () => {
  assert.deepEqual(dates('On June 4, 2023, Medvedev visited.'), ['2023-06-04']);
  assert.deepEqual(dates('в октябре 2022 года'), ['2022-10']);
  assert.deepEqual(dates('28 квітня 2023 року він написав рапорт.'), ['2023-04-28']);
});

test('leaves out a day and month without a year when there is no publication date', () => {
  assert.deepEqual(dates('28 квітня він написав рапорт.'), []);
});

test('weekdays are the last such day by the publication date; Russian and Ukrainian ones need в/у', () => {
  assert.deepEqual(dates('The prisoners arrived on Ukrainian soil Tuesday afternoon.', '2022-12-07'), [
    '2022-12-06',
  ]);
  assert.deepEqual(dates('Его вывезли во вторник.', '2022-12-07'), ['2022-12-06']);
  assert.deepEqual(dates('Середа була важкою.', '2022-12-07'), []);
});

test('a month with "last year" takes the year before the publication, and month abbreviations keep their day', () => {
  assert.deepEqual(dates('Його повернули додому у квітні минулого року.', '2024-10-04'), ['2023-04']);
  assert.deepEqual(dates('Under the previous prisoner exchange on Dec. 1, 50 men returned.', '2022-12-06'), [
    '2022-12-01',
  ]);
});
