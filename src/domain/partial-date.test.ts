import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  endsBeforeStart,
  isBirthDate,
  isCalendarDate,
  isPartialDate,
  partialDateBounds,
  periodBounds,
} from './partial-date.js';

test('a year, a month or a day covers every day it may mean', () => {
  assert.deepEqual(partialDateBounds('2022'), { from: '2022-01-01', to: '2022-12-31' });
  assert.deepEqual(partialDateBounds('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(partialDateBounds('2023-02'), { from: '2023-02-01', to: '2023-02-28' });
  assert.deepEqual(partialDateBounds('2022-10-12'), { from: '2022-10-12', to: '2022-10-12' });
  assert.equal(partialDateBounds('12.10.2022'), undefined);
  assert.equal(partialDateBounds(undefined), undefined);
});

test('a period runs from its start to its end, or covers its one known end', () => {
  assert.deepEqual(periodBounds('2022-10', '2023'), { from: '2022-10-01', to: '2023-12-31' });
  assert.deepEqual(periodBounds('2022-10', undefined), { from: '2022-10-01', to: '2022-10-31' });
  assert.deepEqual(periodBounds(undefined, '2023-01-05'), { from: '2023-01-05', to: '2023-01-05' });
  assert.deepEqual(
    periodBounds('2023-05', '2022'),
    { from: '2023-05-01', to: '2023-05-31' },
    'an end before the start is ignored',
  );
  assert.equal(periodBounds(undefined, undefined), undefined);
});

test('a partial date must exist in the calendar', () => {
  for (const good of ['2023', '2023-02', '2023-02-28', '2024-02-29', '2000-02-29', '2023-12-31'])
    assert.ok(isPartialDate(good), good);
  for (const bad of [
    '2023-02-29',
    '2023-02-30',
    '2023-04-31',
    '1900-02-29',
    '2023-13',
    '2023-00',
    '2023-01-00',
    '2023-1',
    '23',
    '2023-02-28T00:00',
    20230228,
    undefined,
  ])
    assert.ok(!isPartialDate(bad), String(bad));
  assert.equal(partialDateBounds('2023-02-31'), undefined);
});

test('a calendar date is a full day that exists', () => {
  assert.ok(isCalendarDate('2024-02-29'));
  for (const bad of ['2023-02-29', '2023-02', '2023', '2023-06-31']) assert.ok(!isCalendarDate(bad), bad);
});

test('a birth date is a real date, begun by today and not before 1900', () => {
  const today = '2026-12-05';
  for (const good of ['1900', '1900-01-01', '1985-07', '2026', '2026-12', '2026-12-05'])
    assert.ok(isBirthDate(good, today), good);
  for (const bad of ['1899-12-31', '1899', '2999', '2027', '2026-12-06', '2027-01', '1990-02-30'])
    assert.ok(!isBirthDate(bad, today), bad);
});

test('a range ends before its start only when every day the end can mean precedes every day of the start', () => {
  assert.ok(endsBeforeStart('2023-05', '2023-04-30'));
  assert.ok(endsBeforeStart('2023-05-02', '2023-05-01'));
  assert.ok(endsBeforeStart('2023', '2022-12'));
  assert.ok(!endsBeforeStart('2023-05', '2023'), 'the year may end after May');
  assert.ok(!endsBeforeStart('2023-05-10', '2023-05'), 'the month may end after the 10th');
  assert.ok(!endsBeforeStart('2023-05-10', '2023-05-10'));
  assert.ok(!endsBeforeStart(undefined, '2020'), 'an open start');
  assert.ok(!endsBeforeStart('2023-02-30', '2020'), 'not a date: the schema refuses it, not the range');
});
