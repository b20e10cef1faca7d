import type { StoredAppealStatus } from '../../domain/appeals/appeal-status.js';
import type { TrackedAppeal } from '../../domain/appeals/due-list.js';
import type { StoredRecord } from '../../domain/collections.js';
import type { DeadlineCalculator } from '../../domain/deadlines/deadline-calculator.js';
import { defaultCalculator } from '../../domain/deadlines/default-calculator.js';

/**
 * The calculator stored appeals use. A date in a year the production calendar lacks must not
 * stop a case worker from recording an appeal, so such years fall back to weekends and TK art. 112
 * holidays and the deadline is flagged as estimated instead of refused.
 */
export function appealCalculator(): DeadlineCalculator {
  return defaultCalculator('fallback');
}

/**
 * The stored status as the status machine knows it. Records written before 'overdue' became a
 * derived status may still say 'overdue'; they were awaiting an answer, registered or not.
 */
export function storedStatusOf(record: StoredRecord): StoredAppealStatus {
  const status = String(record.status);
  if (status === 'overdue') return record.registeredOn ? 'registered' : 'sent';
  return status as StoredAppealStatus;
}

/** What the pure appeal rules need of a stored intervention. */
export function toTrackedAppeal(record: StoredRecord): TrackedAppeal {
  const extension = record.extension as { id: string; days?: number } | undefined;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    id: record.id,
    status: storedStatusOf(record),
    recipientId: str(record.recipientId) ?? '',
    caseReference: str(record.caseId),
    ruleId: str(record.deadlineRule),
    sentOn: str(record.sentOn),
    receivedOn: str(record.receivedOn),
    registeredOn: str(record.registeredOn),
    ...(extension ? { extension: { id: extension.id, days: extension.days } } : {}),
  };
}
