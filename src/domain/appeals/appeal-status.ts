import type { IsoDate } from '../deadlines/iso-date.js';
import { VigilError } from '../errors.js';
import { localDate } from './local-date.js';

/** Statuses an appeal is stored with; 'overdue' is never stored, it is derived from the deadline. */
export const STORED_APPEAL_STATUSES = ['draft', 'sent', 'registered', 'answered', 'refused'] as const;
export type StoredAppealStatus = (typeof STORED_APPEAL_STATUSES)[number];

/**
 * Statuses shown to people: the stored ones, 'overdue' (the term for the answer is over) and
 * 'no_reply' (sent, and no term to judge the silence by: the sending date or the body's term is
 * unknown, as for an appeal a report mentions). Both mean "no reply": see `isUnanswered`.
 */
export const APPEAL_STATUSES = [...STORED_APPEAL_STATUSES, 'overdue', 'no_reply'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * Allowed moves. An answer or refusal may arrive without any registration notice, so 'sent' may go
 * straight to them. Answered and refused are final for this appeal: a further step is a new appeal
 * (a complaint about the answer), which keeps each deadline tied to one letter.
 */
export const APPEAL_TRANSITIONS: Readonly<Record<StoredAppealStatus, readonly StoredAppealStatus[]>> = {
  draft: ['sent'],
  sent: ['registered', 'answered', 'refused'],
  registered: ['answered', 'refused'],
  answered: [],
  refused: [],
};

/** Statuses in which the authority still owes something, so a deadline can pass. */
export const AWAITING_STATUSES: readonly StoredAppealStatus[] = ['sent', 'registered'];

/** True when an appeal in `from` may be moved to `to`. */
export function canTransition(from: StoredAppealStatus, to: StoredAppealStatus): boolean {
  return APPEAL_TRANSITIONS[from].includes(to);
}

/** Returns `to` if the move is allowed, else a conflict error naming the allowed moves. */
export function transition(from: StoredAppealStatus, to: StoredAppealStatus): StoredAppealStatus {
  if (canTransition(from, to)) return to;
  const allowed = APPEAL_TRANSITIONS[from].join(', ') || 'none';
  throw new VigilError('conflict', `an appeal cannot go from ${from} to ${to} (allowed: ${allowed})`, {
    from,
    to,
  });
}

/** What overdue detection needs of an appeal. */
export interface DeadlineHolder {
  status: StoredAppealStatus;
  /** Last day of the term, if one applies; an appeal to the ICRC or a UN body has none. */
  due?: IsoDate;
}

/**
 * True once the last day of the term is over in the user's time zone: an appeal due on 10 March is
 * overdue from 00:00 on 11 March local time, not from midnight UTC.
 */
export function isOverdue(appeal: DeadlineHolder, now: Date, timeZone: string): boolean {
  if (!appeal.due || !AWAITING_STATUSES.includes(appeal.status)) return false;
  return localDate(now, timeZone) > appeal.due;
}

/**
 * The status to show, the same on the case page, in the chronology, the due lists and letters:
 * 'overdue' when an awaited answer is late, 'no_reply' when an answer is awaited with no deadline
 * known, else the stored status.
 */
export function effectiveStatus(appeal: DeadlineHolder, now: Date, timeZone: string): AppealStatus {
  if (isOverdue(appeal, now, timeZone)) return 'overdue';
  if (!appeal.due && AWAITING_STATUSES.includes(appeal.status)) return 'no_reply';
  return appeal.status;
}

/** True for the shown statuses that mean "no reply": sent, and the answer late or unknown. */
export function isUnanswered(status: AppealStatus): boolean {
  return status === 'overdue' || status === 'no_reply';
}
