import { toDeadlineEvent } from '../../domain/appeals/deadline-event.js';
import { buildDeadlineFeed } from '../../domain/appeals/icalendar.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { dueEntries } from './due-appeals-lister.js';
import { recipientLabel } from './recipients.js';

/**
 * The iCalendar feed of every awaited deadline, overdue or ahead: one all-day event per appeal,
 * named by rule, body and case id only, because calendars are synced to phones and shared.
 */
export async function buildDeadlineCalendar(props: {
  ctx: AppContext;
  now?: Date;
  timeZone?: string;
  baseUrl?: string;
  scope?: AccessScope;
}): Promise<string> {
  const now = props.now ?? props.ctx.now?.() ?? new Date();
  const { entries } = await dueEntries({ ...props, now, withinDays: Number.POSITIVE_INFINITY });
  const events = entries.map(({ entry, record }) =>
    toDeadlineEvent(entry, recipientLabel(record), props.baseUrl),
  );
  return buildDeadlineFeed(events, {
    generatedAt: now,
    calendarName: 'Vigil: сроки обращений',
    reminder: true,
  });
}
