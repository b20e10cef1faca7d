import { appealDeadline } from '../../domain/appeals/appeal-deadline.js';
import { APPEAL_TRANSITIONS, canTransition } from '../../domain/appeals/appeal-status.js';
import type { StoredRecord } from '../../domain/collections.js';
import { type FieldProblem, invalid } from '../../domain/errors.js';
import type { RecordWriter } from '../../store/record-store.js';
import { recipientDirectory } from './recipients.js';
import { appealCalculator, storedStatusOf, toTrackedAppeal } from './stored-appeal.js';

/** Fields only the server writes; a client may send them back unchanged, never a different value. */
const SERVER_FIELDS = ['deadline', 'deadlineEstimated', 'statusSetAt'] as const;

/** Dates that cannot precede another: [later, earlier]. */
const DATE_ORDER: Array<[string, string]> = [
  ['receivedOn', 'sentOn'],
  ['registeredOn', 'sentOn'],
  ['registeredOn', 'receivedOn'],
  ['answeredOn', 'sentOn'],
  ['answeredOn', 'registeredOn'],
];

/**
 * Rules of a stored appeal, run inside the write transaction on every create, update, transition
 * and import: the status moves only as the status machine allows and is never stored as
 * 'overdue'; the recipient and deadline rule exist; dates are in order; and the deadline is
 * computed here from the rule, the dates and any extension, so no client can store a deadline the
 * law does not give.
 */
export async function enforceInterventionRules(writer: RecordWriter, record: StoredRecord): Promise<void> {
  const before = await writer.get('interventions', record.id);
  const incoming = Object.fromEntries(SERVER_FIELDS.map((f) => [f, record[f]]));

  checkStatus(record, before, writer.now);
  checkDirectoryIds(record);
  checkDateOrder(record);

  const deadline = appealDeadline(toTrackedAppeal(record), appealCalculator());
  if (deadline) {
    record.deadline = deadline.due;
    record.deadlineEstimated = deadline.estimated || deadline.result.approximate;
  } else {
    delete record.deadline;
    delete record.deadlineEstimated;
  }

  for (const field of SERVER_FIELDS) {
    const sent = incoming[field];
    if (sent !== undefined && sent !== record[field] && sent !== before?.[field]) {
      throw invalid(`${field} is set by the server`, [
        { path: `/${field}`, message: 'is computed by the server; leave it out' },
      ]);
    }
  }
}

function checkStatus(record: StoredRecord, before: StoredRecord | undefined, now: string): void {
  if (before && before.status === record.status) {
    if (before.statusSetAt === undefined) delete record.statusSetAt;
    else record.statusSetAt = before.statusSetAt;
    return;
  }
  if (record.status === 'overdue') {
    throw invalid("status 'overdue' is derived from the deadline and cannot be stored", [
      { path: '/status', message: 'use draft, sent, registered, answered or refused' },
    ]);
  }
  if (before) {
    const from = storedStatusOf(before);
    const to = storedStatusOf(record);
    if (from !== to && !canTransition(from, to)) {
      const allowed = APPEAL_TRANSITIONS[from].join(', ') || 'none';
      throw invalid(`an appeal cannot go from ${from} to ${to} (allowed: ${allowed})`, [
        { path: '/status', message: `allowed from ${from}: ${allowed}` },
      ]);
    }
  }
  record.statusSetAt = now;
}

function checkDirectoryIds(record: StoredRecord): void {
  const problems: FieldProblem[] = [];
  if (
    typeof record.recipientId === 'string' &&
    !recipientDirectory().some((r) => r.id === record.recipientId)
  ) {
    problems.push({ path: '/recipientId', message: 'not in the recipients directory' });
  }
  const rules = appealCalculator().rules.rules;
  const rule = rules.find((r) => r.id === record.deadlineRule);
  if (typeof record.deadlineRule === 'string' && !rule) {
    problems.push({ path: '/deadlineRule', message: `one of ${rules.map((r) => r.id).join(', ')}` });
  }
  const extension = record.extension as { id: string } | undefined;
  if (extension && !record.deadlineRule) {
    problems.push({ path: '/extension', message: 'an extension needs a deadlineRule' });
  }
  if (problems.length) throw invalid(`${problems[0].path} is not valid`, problems);
}

function checkDateOrder(record: StoredRecord): void {
  for (const [later, earlier] of DATE_ORDER) {
    const a = record[later];
    const b = record[earlier];
    if (typeof a === 'string' && typeof b === 'string' && a < b) {
      throw invalid(`${later} cannot be before ${earlier}`, [
        { path: `/${later}`, message: `must be on or after ${earlier}` },
      ]);
    }
  }
}
