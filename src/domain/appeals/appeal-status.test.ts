import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VigilError } from '../errors.js';
import {
  APPEAL_STATUSES,
  APPEAL_TRANSITIONS,
  canTransition,
  effectiveStatus,
  isOverdue,
  isUnanswered,
  STORED_APPEAL_STATUSES,
  transition,
} from './appeal-status.js';
import { localDate } from './local-date.js';

describe('appeal status transitions', () => {
  const allowed: [string, string][] = [
    ['draft', 'sent'],
    ['sent', 'registered'],
    ['sent', 'answered'],
    ['sent', 'refused'],
    ['registered', 'answered'],
    ['registered', 'refused'],
  ];

  test('allows exactly the listed moves and refuses every other one', () => {
    for (const from of STORED_APPEAL_STATUSES) {
      for (const to of STORED_APPEAL_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        assert.equal(canTransition(from, to), expected, `${from} → ${to}`);
      }
    }
  });

  test('refuses to send an answered appeal again with a conflict naming the allowed moves', () => {
    assert.throws(
      () => transition('answered', 'sent'),
      (err: unknown) =>
        err instanceof VigilError && err.kind === 'conflict' && /allowed: none/.test(err.message),
    );
    assert.equal(transition('draft', 'sent'), 'sent');
  });

  test('never stores overdue: it is not a target of any transition', () => {
    for (const targets of Object.values(APPEAL_TRANSITIONS)) assert.ok(!targets.includes('overdue' as never));
  });
});

describe('overdue detection at the day boundary in the user time zone', () => {
  const appeal = { status: 'sent' as const, due: '2025-03-10' };

  const cases: { zone: string; last: string; first: string }[] = [
    // Moscow is UTC+3 all year.
    { zone: 'Europe/Moscow', last: '2025-03-10T20:59:59.999Z', first: '2025-03-10T21:00:00.000Z' },
    // Vladivostok is UTC+10: the day ends while it is still afternoon in UTC.
    { zone: 'Asia/Vladivostok', last: '2025-03-10T13:59:59.999Z', first: '2025-03-10T14:00:00.000Z' },
    // New York switched to UTC−4 on 9 March 2025, the day before.
    { zone: 'America/New_York', last: '2025-03-11T03:59:59.999Z', first: '2025-03-11T04:00:00.000Z' },
    { zone: 'UTC', last: '2025-03-10T23:59:59.999Z', first: '2025-03-11T00:00:00.000Z' },
  ];

  for (const c of cases) {
    test(`is not overdue at 23:59:59 on the due date and is overdue at 00:00 the next day in ${c.zone}`, () => {
      assert.equal(isOverdue(appeal, new Date(c.last), c.zone), false);
      assert.equal(isOverdue(appeal, new Date(c.first), c.zone), true);
      assert.equal(effectiveStatus(appeal, new Date(c.first), c.zone), 'overdue');
    });
  }

  test('is overdue in Moscow while still on time in UTC at 22:00 UTC on the due date', () => {
    const now = new Date('2025-03-10T22:00:00Z');
    assert.equal(isOverdue(appeal, now, 'Europe/Moscow'), true);
    assert.equal(isOverdue(appeal, now, 'UTC'), false);
  });

  test('never marks drafts, answered or refused appeals, or appeals without a term, overdue', () => {
    const late = new Date('2026-01-01T12:00:00Z');
    for (const status of ['draft', 'answered', 'refused'] as const) {
      assert.equal(effectiveStatus({ status, due: '2025-03-10' }, late, 'Europe/Moscow'), status);
    }
    assert.equal(isOverdue({ status: 'registered' }, late, 'Europe/Moscow'), false);
    assert.equal(isOverdue({ status: 'registered', due: '2025-03-10' }, late, 'Europe/Moscow'), true);
  });

  test('shows an awaited appeal with no term to judge by as no reply, and both late kinds as unanswered', () => {
    const now = new Date('2025-03-01T12:00:00Z');
    assert.equal(effectiveStatus({ status: 'sent' }, now, 'UTC'), 'no_reply');
    assert.equal(effectiveStatus({ status: 'registered' }, now, 'UTC'), 'no_reply');
    assert.equal(effectiveStatus({ status: 'sent', due: '2025-03-10' }, now, 'UTC'), 'sent');
    assert.equal(effectiveStatus({ status: 'draft' }, now, 'UTC'), 'draft');
    assert.equal(effectiveStatus({ status: 'answered' }, now, 'UTC'), 'answered');
    assert.deepEqual(
      APPEAL_STATUSES.filter((s) => isUnanswered(s)),
      ['overdue', 'no_reply'],
    );
  });

  test('rejects an unknown time zone as invalid input', () => {
    assert.throws(
      () => localDate(new Date(), 'Mars/Olympus'),
      (err: unknown) => err instanceof VigilError,
    );
  });
});
