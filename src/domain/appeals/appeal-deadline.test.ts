import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultCalculator } from '../deadlines/default-calculator.js';
import { appealDeadline } from './appeal-deadline.js';
import { suggestNextSteps } from './next-steps.js';

const calculator = defaultCalculator();

describe('the deadline of an appeal', () => {
  test('counts a 59-FZ answer from the registration date when it is known (59-ФЗ ст. 12 ч. 1)', () => {
    const d = appealDeadline(
      { ruleId: 'fz59_answer', sentOn: '2025-02-20', receivedOn: '2025-02-25', registeredOn: '2025-03-03' },
      calculator,
    );
    assert.equal(d?.due, '2025-04-02');
    assert.equal(d?.estimated, false);
  });

  test('counts from the last lawful registration day when only delivery is known (59-ФЗ ст. 8 ч. 2)', () => {
    // Delivered Friday 28 Feb 2025: registration due Monday 3 March, answer due 2 April.
    const d = appealDeadline({ ruleId: 'fz59_answer', receivedOn: '2025-02-28' }, calculator);
    assert.equal(d?.due, '2025-04-02');
    assert.equal(d?.estimated, true);
    assert.match(d?.notes.join(' ') ?? '', /ст\. 8 ч\. 2/);
  });

  test('falls back to the sending date for a crime report and says it is an estimate (УПК РФ ст. 144)', () => {
    const d = appealDeadline({ ruleId: 'upk144_crime_report', sentOn: '2025-03-03' }, calculator);
    assert.equal(d?.due, '2025-03-06');
    assert.equal(d?.estimated, true);
  });

  test('applies an announced extension (УПК РФ ст. 144 ч. 3)', () => {
    const d = appealDeadline(
      { ruleId: 'upk144_crime_report', receivedOn: '2025-03-03', extension: { id: 'upk144_extension_10' } },
      calculator,
    );
    assert.equal(d?.due, '2025-03-13');
  });

  test('has no deadline for a draft or for a body without a legal term', () => {
    assert.equal(appealDeadline({ ruleId: 'fz59_answer' }, calculator), undefined);
    assert.equal(appealDeadline({ sentOn: '2025-03-03' }, calculator), undefined);
  });
});

describe('suggested next steps', () => {
  test('suggests a complaint to the prosecutor under art. 124 when a crime-report decision is overdue', () => {
    const ids = suggestNextSteps({ ruleId: 'upk144_crime_report', status: 'overdue' }).map((s) => s.id);
    assert.ok(ids.includes('prosecutor_complaint_no_decision_on_crime_report'));
    assert.ok(ids.includes('court_complaint_no_decision_on_crime_report'));
  });

  test('suggests a prosecutor complaint and the Ombudsman when a 59-FZ answer is overdue', () => {
    const steps = suggestNextSteps({ ruleId: 'fz59_answer', status: 'overdue' });
    assert.deepEqual(steps.map((s) => s.letterType).sort(), ['complaint_inaction', 'ombudsman_request']);
    assert.ok(steps.every((s) => s.basis.length > 0));
  });

  test('suggests an appeal against a refusal to open a criminal case', () => {
    const ids = suggestNextSteps({ ruleId: 'upk144_crime_report', status: 'refused' }).map((s) => s.id);
    assert.ok(ids.includes('appeal_refusal_to_open_case'));
  });

  test('suggests nothing while the term is still running', () => {
    assert.deepEqual(suggestNextSteps({ ruleId: 'fz59_answer', status: 'registered' }), []);
  });
});
