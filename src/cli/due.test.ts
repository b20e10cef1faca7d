import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createRecord } from '../app/records/record-creator.js';
import { localDate } from '../domain/appeals/local-date.js';
import { addDays } from '../domain/deadlines/iso-date.js';
import { runVigil } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildPerson } from '../testing/factories.js';

const actor = { id: 'test:cli-due' };

describeEachEngine('vigil due', (db) => {
  // `vigil due` reads the real clock, so the appeals are dated relative to today in Moscow.
  const today = localDate(new Date(), 'Europe/Moscow');
  const ids: Record<string, string> = {};
  before(async () => {
    const { ctx } = db().app;
    const person = await createRecord({
      ctx,
      actor,
      collection: 'persons',
      input: buildPerson({ names: [{ value: 'Кашин Алексей Викторович' }] }),
    });
    const appeal = (input: Record<string, unknown>) =>
      createRecord({
        ctx,
        actor,
        collection: 'interventions',
        input: { recipientName: 'ГВСУ', senderKind: 'relatives', personIds: [person.id], ...input },
      });
    const twentyDaysAgo = addDays(today, -20);
    ids.overdue = (
      await appeal({
        recipientId: 'gvsu_skr',
        kind: 'crime_report',
        status: 'sent',
        sentOn: twentyDaysAgo,
        receivedOn: twentyDaysAgo,
        deadlineRule: 'upk144_crime_report',
      })
    ).id;
    ids.later = (
      await appeal({
        recipientId: 'mod',
        kind: 'inquiry',
        status: 'registered',
        sentOn: today,
        registeredOn: today,
        deadlineRule: 'fz59_answer',
      })
    ).id;
    // An appeal to the ICRC: no law gives it a term, so it has no deadline to be due by.
    ids.undated = (
      await appeal({
        recipientId: 'icrc_cta',
        kind: 'tracing_request',
        status: 'sent',
        sentOn: twentyDaysAgo,
      })
    ).id;
    ids.answered = (
      await appeal({
        kind: 'crime_report',
        status: 'answered',
        sentOn: twentyDaysAgo,
        answeredOn: twentyDaysAgo,
        deadlineRule: 'upk144_crime_report',
      })
    ).id;
  });

  test('lists the overdue appeal with its next steps, and no one by name, exiting 0', () => {
    const result = runVigil(['due', '--db', db().url], { VIGIL_TZ: 'Europe/Moscow' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(
        `^Appeals as of ${today} \\(Europe/Moscow\\): 1 overdue, 0 due within 7 days, 1 with no deadline known`,
      ),
    );
    assert.match(
      result.stdout,
      /OVERDUE {2}\d{4}-\d\d-\d\d {2}\d+ days overdue {2}crime_report to Главное военное следственное управление/,
    );
    assert.match(result.stdout, /next: Complaint to the military prosecutor/);
    assert.ok(result.stdout.includes(ids.overdue));
    assert.ok(!result.stdout.includes(ids.later) && !result.stdout.includes(ids.answered));
    assert.match(
      result.stdout,
      /NO DEADLINE KNOWN {2}tracing_request to Центральное агентство по розыску МККК/,
    );
    assert.ok(result.stdout.includes(ids.undated));
    assert.ok(!result.stdout.includes('Кашин'));
  });

  test('widens the window with --within and prints JSON with --json', () => {
    const result = runVigil([
      'due',
      '--within',
      '8w',
      '--json',
      '--tz',
      'Asia/Vladivostok',
      '--db',
      db().url,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const list = JSON.parse(result.stdout) as {
      timeZone: string;
      items: Array<{ id: string; status: string; noDeadline?: true }>;
    };
    assert.equal(list.timeZone, 'Asia/Vladivostok');
    assert.deepEqual(
      list.items.map((i) => [i.id, i.status, i.noDeadline ?? false]),
      [
        [ids.overdue, 'overdue', false],
        [ids.later, 'registered', false],
        [ids.undated, 'no_reply', true],
      ],
    );
  });

  test('exits 2 with one line on stderr for a bad period or time zone', () => {
    for (const args of [
      ['--within', 'soon'],
      ['--tz', 'Mars/Olympus'],
    ]) {
      const result = runVigil(['due', ...args, '--db', db().url]);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });
});
