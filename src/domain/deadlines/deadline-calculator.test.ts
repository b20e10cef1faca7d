import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VigilError } from '../errors.js';
import { DeadlineCalculator, type ExtensionInput } from './deadline-calculator.js';
import { computeDeadline, defaultCalculator } from './default-calculator.js';
import { loadDeadlineData } from './load-deadline-data.js';
import { ProductionCalendar } from './production-calendar.js';

interface Case {
  name: string;
  rule: string;
  start: string;
  extension?: ExtensionInput;
  due: string;
  /** The provision the case checks; it must appear in the result's citation. */
  cites: string;
}

// Each case names the provision it checks; dates were worked out by hand against the calendar data.
const cases: Case[] = [
  // УПК РФ ст. 144 ч. 1, 3 + ст. 128 ч. 2
  {
    name: 'gives 3 days for a crime report received on a Monday',
    rule: 'upk144_crime_report',
    start: '2025-03-03',
    due: '2025-03-06',
    cites: 'ст. 144 ч. 1',
  },
  {
    name: 'moves a crime-report deadline that ends on Saturday 8 March to Monday 10 March',
    rule: 'upk144_crime_report',
    start: '2025-03-05',
    due: '2025-03-10',
    cites: 'ст. 144 ч. 1',
  },
  {
    name: 'moves a crime-report deadline that ends on 1 January to the first working day after the New Year holidays',
    rule: 'upk144_crime_report',
    start: '2024-12-29',
    due: '2025-01-09',
    cites: 'ст. 144 ч. 1',
  },
  {
    name: 'skips the transferred day off of 3 November 2025 and Unity Day',
    rule: 'upk144_crime_report',
    start: '2025-10-30',
    due: '2025-11-05',
    cites: 'ст. 144 ч. 1',
  },
  {
    name: 'keeps a crime-report deadline on the working Saturday 1 November 2025',
    rule: 'upk144_crime_report',
    start: '2025-10-29',
    due: '2025-11-01',
    cites: 'ст. 144 ч. 1',
  },
  {
    name: 'crosses into 2026 past 31 December 2025, the New Year holidays and the 9 January transfer',
    rule: 'upk144_crime_report',
    start: '2025-12-28',
    due: '2026-01-12',
    cites: 'ст. 144 ч. 1',
  },
  {
    name: 'extends a crime-report check to 10 days from receipt, not 3 + 10',
    rule: 'upk144_crime_report',
    start: '2025-03-03',
    extension: { id: 'upk144_extension_10' },
    due: '2025-03-13',
    cites: 'ст. 144 ч. 3',
  },
  {
    name: 'extends a crime-report check to a shorter whole term when the head of the body grants 7 days',
    rule: 'upk144_crime_report',
    start: '2025-03-03',
    extension: { id: 'upk144_extension_10', days: 7 },
    due: '2025-03-10',
    cites: 'ст. 144 ч. 3',
  },
  {
    name: 'extends a crime-report check to 30 days and moves it past the May holidays of 2025',
    rule: 'upk144_crime_report',
    start: '2025-04-08',
    extension: { id: 'upk144_extension_30' },
    due: '2025-05-12',
    cites: 'ст. 144 ч. 3',
  },
  // УПК РФ ст. 124 ч. 1 + ст. 128 ч. 2
  {
    name: 'moves a prosecutor-complaint deadline over the 29–30 April 2024 transfers and 1 May',
    rule: 'upk124_prosecutor_complaint',
    start: '2024-04-26',
    due: '2024-05-02',
    cites: 'ст. 124 ч. 1',
  },
  {
    name: 'keeps a prosecutor-complaint deadline on the working Saturday 27 April 2024',
    rule: 'upk124_prosecutor_complaint',
    start: '2024-04-24',
    due: '2024-04-27',
    cites: 'ст. 124 ч. 1',
  },
  {
    name: 'moves a prosecutor-complaint deadline off the transferred day off of 24 February 2023',
    rule: 'upk124_prosecutor_complaint',
    start: '2023-02-21',
    due: '2023-02-27',
    cites: 'ст. 124 ч. 1',
  },
  {
    name: 'extends a prosecutor complaint to 10 days in exceptional cases, across the 2024–2025 New Year',
    rule: 'upk124_prosecutor_complaint',
    start: '2024-12-20',
    extension: { id: 'upk124_extension_10' },
    due: '2025-01-09',
    cites: 'ст. 124 ч. 1',
  },
  // УПК РФ ст. 125 ч. 3
  {
    name: 'moves the start of a court review off the 11 May 2026 transfer',
    rule: 'upk125_court_complaint',
    start: '2026-05-06',
    due: '2026-05-12',
    cites: 'ст. 125 ч. 3',
  },
  // 59-ФЗ ст. 12 ч. 1, 2 + ГК РФ ст. 193
  {
    name: 'gives 30 calendar days from registration for an answer',
    rule: 'fz59_answer',
    start: '2025-03-03',
    due: '2025-04-02',
    cites: 'ст. 12 ч. 1',
  },
  {
    name: 'moves an answer deadline that ends on the transferred day off of 2 May 2025 to Monday 5 May',
    rule: 'fz59_answer',
    start: '2025-04-02',
    due: '2025-05-05',
    cites: 'ст. 12 ч. 1',
  },
  {
    name: 'moves an answer deadline that ends on 1 January to 9 January 2025',
    rule: 'fz59_answer',
    start: '2024-12-02',
    due: '2025-01-09',
    cites: 'ст. 12 ч. 1',
  },
  {
    name: 'moves an answer deadline off the 7 March 2022 transfer and 8 March',
    rule: 'fz59_answer',
    start: '2022-02-05',
    due: '2022-03-09',
    cites: 'ст. 12 ч. 1',
  },
  {
    name: 'keeps an answer deadline on the working Saturday 20 February 2027',
    rule: 'fz59_answer',
    start: '2027-01-21',
    due: '2027-02-20',
    cites: 'ст. 12 ч. 1',
  },
  {
    name: 'does not move an answer deadline for the 2020 presidential non-working days',
    rule: 'fz59_answer',
    start: '2020-03-02',
    due: '2020-04-01',
    cites: 'ст. 12 ч. 1',
  },
  {
    name: 'adds the full 30-day extension with notice and moves it off 2 May 2025',
    rule: 'fz59_answer',
    start: '2025-03-03',
    extension: { id: 'fz59_answer_extension' },
    due: '2025-05-05',
    cites: 'ст. 12 ч. 2',
  },
  {
    name: 'adds a 15-day extension with notice',
    rule: 'fz59_answer',
    start: '2025-03-03',
    extension: { id: 'fz59_answer_extension', days: 15 },
    due: '2025-04-17',
    cites: 'ст. 12 ч. 2',
  },
  // 59-ФЗ ст. 8 ч. 2, 3
  {
    name: 'gives 3 days from receipt to register an appeal',
    rule: 'fz59_registration',
    start: '2025-06-06',
    due: '2025-06-09',
    cites: 'ст. 8 ч. 2',
  },
  {
    name: 'moves a registration deadline off the 13 June 2025 transfer and the weekend',
    rule: 'fz59_registration',
    start: '2025-06-10',
    due: '2025-06-16',
    cites: 'ст. 8 ч. 2',
  },
  {
    name: 'gives 7 days from registration to forward an appeal',
    rule: 'fz59_forwarding',
    start: '2026-02-27',
    due: '2026-03-06',
    cites: 'ст. 8 ч. 3',
  },
  {
    name: 'moves a forwarding deadline off Monday 9 March 2026 (8 March fell on a Sunday)',
    rule: 'fz59_forwarding',
    start: '2026-03-02',
    due: '2026-03-10',
    cites: 'ст. 8 ч. 3',
  },
];

describe('computeDeadline with the shipped rules and calendar', () => {
  for (const c of cases) {
    test(`${c.name} (${c.rule})`, () => {
      const result = computeDeadline(c.rule, c.start, c.extension ? { extension: c.extension } : {});
      assert.equal(result.due, c.due, result.explanation);
      assert.ok(result.citation.includes(c.cites), `${result.citation} should cite ${c.cites}`);
      assert.equal(result.approximate, false);
      assert.ok(result.explanation.includes(c.due));
    });
  }

  test('explains a moved end with the rule that moves it (УПК РФ ст. 128 ч. 2)', () => {
    const result = computeDeadline('upk144_crime_report', '2024-12-29');
    assert.equal(result.nominalEnd, '2025-01-01');
    assert.match(result.explanation, /ст\. 128 ч\. 2/);
    assert.match(result.explanationRu, /переносится на 09\.01\.2025/);
  });

  test('explains a 59-FZ move with the civil-law analogy it applies (ГК РФ ст. 193)', () => {
    assert.match(computeDeadline('fz59_answer', '2025-04-02').explanation, /ГК РФ, ст\. 193/);
  });

  test('rejects an extension longer than the law allows (59-ФЗ ст. 12 ч. 2: at most 30 days)', () => {
    assert.throws(
      () =>
        computeDeadline('fz59_answer', '2025-03-03', {
          extension: { id: 'fz59_answer_extension', days: 31 },
        }),
      (err: unknown) => err instanceof VigilError && err.kind === 'invalid_input',
    );
  });

  test('rejects an extension "to" a term no longer than the original one (УПК РФ ст. 144 ч. 3)', () => {
    assert.throws(() =>
      computeDeadline('upk144_crime_report', '2025-03-03', {
        extension: { id: 'upk144_extension_10', days: 3 },
      }),
    );
  });

  test('rejects an extension that belongs to another rule', () => {
    assert.throws(() =>
      computeDeadline('upk124_prosecutor_complaint', '2025-03-03', {
        extension: { id: 'upk144_extension_30' },
      }),
    );
  });

  test('rejects an unknown rule and a malformed date', () => {
    assert.throws(
      () => computeDeadline('no_such_rule', '2025-03-03'),
      (err: unknown) => err instanceof VigilError && err.kind === 'not_found',
    );
    assert.throws(
      () => computeDeadline('fz59_answer', '2025-02-30'),
      (err: unknown) => err instanceof VigilError && err.kind === 'invalid_input',
    );
  });

  test('refuses a deadline in a year the calendar does not cover instead of guessing', () => {
    assert.throws(
      () => computeDeadline('fz59_answer', '2027-12-20'),
      (err: unknown) => err instanceof VigilError && /no data for 2028/.test(err.message),
    );
  });

  test('flags a deadline computed with the art. 112 fallback as approximate', () => {
    const result = defaultCalculator('fallback').computeDeadline('fz59_answer', '2028-03-01');
    assert.equal(result.due, '2028-03-31');
    assert.equal(result.approximate, true);
    assert.match(result.explanation, /APPROXIMATE/);
  });

  test('counts working days, skipping transfers and keeping working Saturdays, for a working-days rule', () => {
    const { calendar, rules } = loadDeadlineData();
    const base = rules.rules[0];
    const custom = {
      ...rules,
      rules: [{ ...base, id: 'five_working_days', unit: 'working_days' as const, amount: 5 }],
    };
    const calculator = new DeadlineCalculator(custom, new ProductionCalendar(calendar));
    // 26, 27, 28 (working Saturday) December 2024, then 9 and 10 January 2025.
    assert.equal(calculator.computeDeadline('five_working_days', '2024-12-25').due, '2025-01-10');
  });
});
