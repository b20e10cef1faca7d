import { createHash } from 'node:crypto';
import type { IsoDate } from '../deadlines/iso-date.js';
import { addDays } from '../deadlines/iso-date.js';

/** One deadline to publish. Summaries should name the body and the case reference, not people. */
export interface DeadlineEvent {
  /** Stable, opaque key (e.g. `${appealId}:${ruleId}`); hashed into the UID, never shown. */
  key: string;
  due: IsoDate;
  summary: string;
  description?: string;
  url?: string;
}

export interface FeedOptions {
  /** Time stamp of this feed (DTSTAMP); passed in so output is reproducible. */
  generatedAt: Date;
  calendarName?: string;
  /** Remind at 09:00 the day before (floating local time of the all-day event). */
  reminder?: boolean;
}

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function basicDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

function stamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A UID that is stable for the same key and reveals nothing about it. */
export function eventUid(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@vigil`;
}

/** Builds an iCalendar (RFC 5545) feed with one all-day event per deadline. */
export function buildDeadlineFeed(events: readonly DeadlineEvent[], options: FeedOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vigil//Appeal deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  const sorted = [...events].sort((a, b) =>
    a.due === b.due ? a.key.localeCompare(b.key) : a.due < b.due ? -1 : 1,
  );
  for (const event of sorted) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(event.key)}`,
      `DTSTAMP:${stamp(options.generatedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(event.due)}`,
      // DTEND is exclusive: an all-day event on the due date ends the next day.
      `DTEND;VALUE=DATE:${basicDate(addDays(event.due, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      'TRANSP:TRANSPARENT',
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (options.reminder) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeText(event.summary)}`,
        'TRIGGER:-PT15H',
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
