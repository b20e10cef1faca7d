import type { DeadlineCalculator } from '../deadlines/deadline-calculator.js';
import { daysBetween } from '../deadlines/iso-date.js';
import { invalid } from '../errors.js';
import { type AppealDates, type AppealDeadline, appealDeadline } from './appeal-deadline.js';
import {
  type AppealStatus,
  AWAITING_STATUSES,
  effectiveStatus,
  type StoredAppealStatus,
} from './appeal-status.js';
import { localDate } from './local-date.js';
import { type NextStep, suggestNextSteps } from './next-steps.js';

/** What the due list needs of a stored appeal. */
export interface TrackedAppeal extends AppealDates {
  id: string;
  status: StoredAppealStatus;
  recipientId: string;
  caseReference?: string;
}

/** One line of `vigil due` and of the dashboard list. */
export interface DueEntry {
  appeal: TrackedAppeal;
  deadline: AppealDeadline;
  status: AppealStatus;
  /** Days from today (user's zone) to the last day; 0 = due today, negative = overdue. */
  daysLeft: number;
  nextSteps: NextStep[];
}

export interface DueOptions {
  now: Date;
  timeZone: string;
  withinDays: number;
  calculator: DeadlineCalculator;
}

/** Appeals that are overdue or due within `withinDays`, soonest first, with next steps for overdue ones. */
export function listDue(appeals: readonly TrackedAppeal[], options: DueOptions): DueEntry[] {
  const today = localDate(options.now, options.timeZone);
  const entries: DueEntry[] = [];
  for (const appeal of appeals) {
    if (!AWAITING_STATUSES.includes(appeal.status)) continue;
    const deadline = appealDeadline(appeal, options.calculator);
    if (!deadline) continue;
    const daysLeft = daysBetween(today, deadline.due);
    if (daysLeft > options.withinDays) continue;
    const status = effectiveStatus(
      { status: appeal.status, due: deadline.due },
      options.now,
      options.timeZone,
    );
    entries.push({
      appeal,
      deadline,
      status,
      daysLeft,
      nextSteps: suggestNextSteps({ ruleId: appeal.ruleId, status }),
    });
  }
  return entries.sort((a, b) => a.daysLeft - b.daysLeft || a.appeal.id.localeCompare(b.appeal.id));
}

/** Why an appeal awaiting an answer has no deadline: no legal term recorded, or no date to count it from. */
export const NO_DEADLINE_REASONS = ['no_rule', 'no_start_date'] as const;
export type NoDeadlineReason = (typeof NO_DEADLINE_REASONS)[number];

/** An appeal awaiting an answer whose deadline cannot be computed. */
export interface UndatedEntry {
  appeal: TrackedAppeal;
  status: AppealStatus;
  reason: NoDeadlineReason;
}

/**
 * Appeals awaiting an answer whose deadline cannot be computed, in id order: the due list shows
 * them as such instead of dropping them or giving them a date the law does not.
 */
export function listWithoutDeadline(
  appeals: readonly TrackedAppeal[],
  options: Omit<DueOptions, 'withinDays'>,
): UndatedEntry[] {
  return appeals
    .filter((a) => AWAITING_STATUSES.includes(a.status) && !appealDeadline(a, options.calculator))
    .map((appeal) => ({
      appeal,
      status: effectiveStatus({ status: appeal.status }, options.now, options.timeZone),
      reason: appeal.ruleId ? ('no_start_date' as const) : ('no_rule' as const),
    }))
    .sort((a, b) => a.appeal.id.localeCompare(b.appeal.id));
}

/** Parses a `--within` value: "7d", "2w" or a bare number of days. */
export function parseWithin(value: string): number {
  const match = /^(\d{1,3})([dw]?)$/.exec(value.trim());
  if (!match)
    throw invalid('--within must look like 7d or 2w', [
      { path: '/within', message: `not a period: ${value}` },
    ]);
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}
