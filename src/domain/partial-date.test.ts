import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partialDateBounds, periodBounds } from './partial-date.js';

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
