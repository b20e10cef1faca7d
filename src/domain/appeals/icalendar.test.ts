import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDeadlineFeed, escapeText, eventUid, foldLine } from './icalendar.js';

const generatedAt = new Date('2025-03-01T08:30:00Z');

describe('the iCalendar feed of deadlines', () => {
  const feed = buildDeadlineFeed(
    [
      {
        key: 'appeal-2:fz59_answer',
        due: '2025-04-02',
        summary: 'Ответ ГВСУ СК России, дело V-2025-014; срок истекает',
        description: 'Ст. 12 ч. 1 59-ФЗ\nПродление: нет',
      },
      {
        key: 'appeal-1:upk144_crime_report',
        due: '2025-03-06',
        summary: 'Crime report decision, case V-2025-014',
      },
    ],
    { generatedAt, calendarName: 'Vigil: сроки', reminder: true },
  );
  const lines = feed.split('\r\n');

  test('is a VCALENDAR with CRLF line ends and one all-day VEVENT per deadline, soonest first', () => {
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(feed.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(feed), 'every LF is preceded by CR');
    const starts = lines.filter((l) => l.startsWith('DTSTART'));
    assert.deepEqual(starts, ['DTSTART;VALUE=DATE:20250306', 'DTSTART;VALUE=DATE:20250402']);
    assert.ok(lines.includes('DTEND;VALUE=DATE:20250403'));
    assert.ok(lines.includes('DTSTAMP:20250301T083000Z'));
  });

  test('keeps UIDs stable across runs and free of the key they come from', () => {
    assert.equal(eventUid('appeal-1:upk144_crime_report'), eventUid('appeal-1:upk144_crime_report'));
    assert.notEqual(eventUid('appeal-1:upk144_crime_report'), eventUid('appeal-1:fz59_answer'));
    const uids = lines.filter((l) => l.startsWith('UID:'));
    assert.equal(uids.length, 2);
    for (const uid of uids) assert.match(uid, /^UID:[0-9a-f]{32}@vigil$/);
    assert.ok(!feed.includes('appeal-1'));
  });

  test('escapes commas, semicolons, backslashes and newlines in text', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const unfolded = feed.replace(/\r\n /g, '');
    assert.ok(unfolded.includes('DESCRIPTION:Ст. 12 ч. 1 59-ФЗ\\nПродление: нет'));
    assert.ok(unfolded.includes('SUMMARY:Ответ ГВСУ СК России\\, дело V-2025-014\\; срок истекает'));
  });

  test('folds lines at 75 octets without splitting a Cyrillic character', () => {
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    const long = `SUMMARY:${'Жалоба на бездействие '.repeat(10)}`;
    const folded = foldLine(long);
    assert.equal(folded.replace(/\r\n /g, ''), long);
    for (const part of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(part, 'utf8') <= 75);
      assert.ok(!part.includes('\uFFFD'));
    }
  });

  test('adds a reminder the day before when asked', () => {
    assert.equal(lines.filter((l) => l === 'TRIGGER:-PT15H').length, 2);
  });
});
