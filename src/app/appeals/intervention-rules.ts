import { appealDeadline } from '../../domain/appeals/appeal-deadline.js';
import { APPEAL_TRANSITIONS, canTransition } from '../../domain/appeals/appeal-status.js';
import type { StoredRecord } from '../../domain/collections.js';
import { type FieldProblem, invalid } from '../../domain/errors.js';
import type { RecordWriter } from '../../store/record-store.js';
import { recipientDirectory } from './recipients.js';
import { appealCalculator, storedStatusOf, toTrackedAppeal } from './stored-appeal.js';

/**
 * Rules of a stored appeal, run inside the write transaction on every create, update, transition
 * and import: the status moves only as the status machine allows and is never stored as
 * 'overdue'; the recipient and deadline rule exist; and the deadline is
 * computed here from the rule, the dates and any extension, so no client can store a deadline the
 * law does not give. (The dates' order is the collection's `ranges`, its computed fields its
 * `serverFields`: both checked for every collection in records/record-rules.ts.)
 */
export async function enforceInterventionRules(writer: RecordWriter, record: StoredRecord): Promise<void> {
  const before = await writer.get('interventions', record.id);
  checkStatus(record, before, writer.now);
  checkDirectoryIds(record);

  const deadline = appealDeadline(toTrackedAppeal(record), appealCalculator());
  if (deadline) {
    record.deadline = deadline.due;
    record.deadlineEstimated =
      deadline.estimated || deadline.result.approximate || record.sentOnEstimated === true;
  } else {
    delete record.deadline;
    delete record.deadlineEstimated;
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
