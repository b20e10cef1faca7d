import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultCalculator } from '../deadlines/default-calculator.js';
import { toDeadlineEvent } from './deadline-event.js';
import { listDue, parseWithin, type TrackedAppeal } from './due-list.js';
import { buildDeadlineFeed } from './icalendar.js';

const calculator = defaultCalculator();
const appeals: TrackedAppeal[] = [
  // Crime report received Monday 3 March 2025: due 6 March (УПК РФ ст. 144 ч. 1).
  {
    id: 'a1',
    status: 'sent',
    recipientId: 'gvsu_skr',
    ruleId: 'upk144_crime_report',
    receivedOn: '2025-03-03',
  },
  // 59-FZ inquiry registered 3 March 2025: due 2 April (59-ФЗ ст. 12 ч. 1).
  { id: 'a2', status: 'registered', recipientId: 'mod', ruleId: 'fz59_answer', registeredOn: '2025-03-03' },
  {
    id: 'a3',
    status: 'answered',
    recipientId: 'gvp',
    ruleId: 'upk124_prosecutor_complaint',
    receivedOn: '2025-03-03',
  },
  { id: 'a4', status: 'draft', recipientId: 'gvp', ruleId: 'upk124_prosecutor_complaint' },
  { id: 'a5', status: 'sent', recipientId: 'un_wgad', sentOn: '2025-03-01' },
];

describe('the list of appeals due', () => {
  test('shows an overdue crime report with its next steps and leaves out answered, drafts and bodies without terms', () => {
    const due = listDue(appeals, {
      now: new Date('2025-03-07T09:00:00+03:00'),
      timeZone: 'Europe/Moscow',
      withinDays: 7,
      calculator,
    });
    assert.deepEqual(
      due.map((d) => d.appeal.id),
      ['a1'],
    );
    assert.equal(due[0].status, 'overdue');
    assert.equal(due[0].daysLeft, -1);
    assert.ok(due[0].nextSteps.some((s) => s.id === 'prosecutor_complaint_no_decision_on_crime_report'));
  });

  test('includes an answer due within the window, soonest first', () => {
    const due = listDue(appeals, {
      now: new Date('2025-03-27T12:00:00Z'),
      timeZone: 'Europe/Moscow',
      withinDays: 7,
      calculator,
    });
    assert.deepEqual(
      due.map((d) => [d.appeal.id, d.status, d.daysLeft]),
      [
        ['a1', 'overdue', -21],
        ['a2', 'registered', 6],
      ],
    );
  });

  test('reads --within as days or weeks and rejects anything else', () => {
    assert.equal(parseWithin('7d'), 7);
    assert.equal(parseWithin('2w'), 14);
    assert.equal(parseWithin('10'), 10);
    assert.throws(() => parseWithin('a week'), /--within/);
  });

  test('feeds due entries to the calendar by rule, body and case reference only', () => {
    const due = listDue([{ ...appeals[0], caseReference: 'V-2025-014' }], {
      now: new Date('2025-03-04T12:00:00Z'),
      timeZone: 'Europe/Moscow',
      withinDays: 7,
      calculator,
    });
    const event = toDeadlineEvent(due[0], 'ГВСУ СК России', 'https://vigil.example/');
    assert.equal(event.summary, 'Решение по сообщению о преступлении: ГВСУ СК России (V-2025-014)');
    assert.equal(event.url, 'https://vigil.example/interventions/a1');
    const feed = buildDeadlineFeed([event], { generatedAt: new Date('2025-03-04T12:00:00Z') });
    assert.match(feed, /DTSTART;VALUE=DATE:20250306/);
  });
});
