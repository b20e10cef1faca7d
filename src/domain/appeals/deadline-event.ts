import type { DueEntry } from './due-list.js';
import type { DeadlineEvent } from './icalendar.js';

/**
 * The calendar event for a due entry. It names the rule, the body and the case reference, never a
 * person: calendar feeds get synced to phones and shared, so they carry no personal data.
 */
export function toDeadlineEvent(entry: DueEntry, recipientName: string, baseUrl?: string): DeadlineEvent {
  const { rule, citation, explanationRu } = entry.deadline.result;
  const ref = entry.appeal.caseReference ? ` (${entry.appeal.caseReference})` : '';
  return {
    key: `${entry.appeal.id}:${rule.id}`,
    due: entry.deadline.due,
    summary: `${rule.label.ru}: ${recipientName}${ref}`,
    description: [
      explanationRu,
      citation,
      entry.deadline.estimated ? 'Срок рассчитан приблизительно.' : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
    url: baseUrl
      ? `${baseUrl.replace(/\/$/, '')}/interventions/${encodeURIComponent(entry.appeal.id)}`
      : undefined,
  };
}
