import { appealDeadline } from '../../domain/appeals/appeal-deadline.js';
import { APPEAL_TRANSITIONS, effectiveStatus } from '../../domain/appeals/appeal-status.js';
import { DEFAULT_TIME_ZONE, localDate } from '../../domain/appeals/local-date.js';
import type { StoredRecord } from '../../domain/collections.js';
import { daysBetween } from '../../domain/deadlines/iso-date.js';
import type { AppealSummary } from '../../domain/schemas/overview.js';
import { appealCalculator, toTrackedAppeal } from '../appeals/stored-appeal.js';
import type { AppContext } from '../context.js';

/** Summaries of appeals, judged today in the deployment's time zone; soonest deadline first. */
export function summarizeAppeals(ctx: AppContext, records: StoredRecord[]): AppealSummary[] {
  const now = ctx.now?.() ?? new Date();
  const timeZone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const today = localDate(now, timeZone);
  const calculator = appealCalculator();
  return records
    .map((record) => {
      const appeal = toTrackedAppeal(record);
      const due = appealDeadline(appeal, calculator)?.due;
      return {
        id: record.id,
        version: record.version,
        kind: String(record.kind),
        recipientName: String(record.recipientName),
        status: String(record.status),
        shownStatus: effectiveStatus({ status: appeal.status, due }, now, timeZone),
        nextStatuses: [...APPEAL_TRANSITIONS[appeal.status]],
        ...(typeof record.sentOn === 'string' ? { sentOn: record.sentOn } : {}),
        ...(typeof record.deadlineRule === 'string' ? { deadlineRule: record.deadlineRule } : {}),
        ...(due ? { deadline: due } : {}),
        daysLeft: due ? daysBetween(today, due) : null,
      };
    })
    .sort((a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER));
}
