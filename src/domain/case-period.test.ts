import assert from 'node:assert/strict';
import { test } from 'node:test';
import { casePeriod } from './case-period.js';

test('spans the earliest start and the latest end of the detention acts, keeping partial dates', () => {
  assert.deepEqual(
    casePeriod([
      { type: 'arbitrary_detention', dateFrom: '2022-10', dateTo: '2022-11-15' },
      { type: 'incommunicado_detention', dateFrom: '2022-09-20', dateTo: '2023' },
    ]),
    { start: '2022-09-20', end: '2023', ongoing: false },
  );
});

test('a detention with a start and no end makes the period ongoing', () => {
  assert.deepEqual(
    casePeriod([
      { type: 'arbitrary_detention', dateFrom: '2022-10', dateTo: '2022-12' },
      { type: 'arbitrary_detention', dateFrom: '2023-01-05' },
    ]),
    { start: '2022-10', end: null, ongoing: true },
  );
});

test('other acts do not make the period, and undated detentions give none', () => {
  assert.equal(
    casePeriod([{ type: 'threat_of_execution', dateFrom: '2021-05' }, { type: 'arbitrary_detention' }]),
    null,
  );
  assert.deepEqual(
    casePeriod([
      { type: 'beating', dateFrom: '2020' },
      { type: 'arbitrary_detention', dateFrom: '2022' },
    ]),
    {
      start: '2022',
      end: null,
      ongoing: true,
    },
  );
});

test('an act dated only by its end still dates the period; of dates beginning on one day the less precise is kept', () => {
  assert.deepEqual(casePeriod([{ type: 'arbitrary_detention', dateTo: '2022-12' }]), {
    start: '2022-12',
    end: '2022-12',
    ongoing: false,
  });
  assert.deepEqual(
    casePeriod([
      { type: 'arbitrary_detention', dateFrom: '2022-01-01', dateTo: '2022-12-31' },
      { type: 'arbitrary_detention', dateFrom: '2022', dateTo: '2022' },
    ]),
    { start: '2022', end: '2022', ongoing: false },
  );
});
