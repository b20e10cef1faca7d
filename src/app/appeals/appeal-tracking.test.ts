import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../../domain/errors.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildCase, buildSource } from '../../testing/factories.js';
import type { AppContext } from '../context.js';
import { createRecord } from '../records/record-creator.js';
import { updateRecord } from '../records/record-updater.js';
import { transitionAppeal } from './appeal-transitioner.js';
import type { DueAppeal } from './due-appeal.js';
import { listDueAppeals } from './due-appeals-lister.js';

const actor = { id: 'test:appeals' };
const isInvalid = (path: string) => (err: unknown) =>
  err instanceof VigilError &&
  err.kind === 'invalid_input' &&
  JSON.stringify(err.details).includes(`"path":"${path}"`);

function appealInput(overrides: Record<string, unknown> = {}) {
  return {
    recipientId: 'gvsu_skr',
    recipientName: 'ГВСУ СК России',
    senderKind: 'relatives',
    kind: 'crime_report',
    status: 'draft',
    deadlineRule: 'upk144_crime_report',
    ...overrides,
  };
}

describeEachEngine('stored appeals', (db) => {
  const ctx = (now = '2025-03-07T09:00:00Z'): AppContext => ({
    ...db().app.ctx,
    now: () => new Date(now),
    timeZone: 'Europe/Moscow',
  });
  const create = (input: Record<string, unknown>) =>
    createRecord({ ctx: ctx(), actor, collection: 'interventions', input });

  test('computes the deadline on save from the rule and the dates (УПК РФ ст. 144 ч. 1, 3)', async () => {
    // Received Friday 28 Feb 2025: three days end Monday 3 March.
    const a = await create(appealInput({ status: 'sent', sentOn: '2025-02-27', receivedOn: '2025-02-28' }));
    assert.equal(a.deadline, '2025-03-03');
    assert.equal(a.deadlineEstimated, false);
    assert.equal(typeof a.statusSetAt, 'string');
    const extended = await updateRecord({
      ctx: ctx(),
      actor,
      collection: 'interventions',
      id: a.id,
      patch: { version: 1, extension: { id: 'upk144_extension_10' } },
    });
    assert.equal(extended.deadline, '2025-03-10');
    assert.equal(extended.statusSetAt, a.statusSetAt, 'no status change, no new status time');
    const draft = await create(appealInput());
    assert.equal(draft.deadline, undefined, 'a draft has no start date and no deadline');
  });

  test('refuses a deadline the rule does not give, a stored overdue, unknown directory ids and dates out of order', async () => {
    await assert.rejects(
      create(appealInput({ status: 'sent', sentOn: '2025-03-03', deadline: '2025-12-31' })),
      isInvalid('/deadline'),
    );
    await assert.rejects(
      create(appealInput({ status: 'overdue', sentOn: '2025-03-03' })),
      isInvalid('/status'),
    );
    await assert.rejects(create(appealInput({ recipientId: 'nowhere' })), isInvalid('/recipientId'));
    await assert.rejects(create(appealInput({ deadlineRule: 'made_up' })), isInvalid('/deadlineRule'));
    await assert.rejects(
      create(appealInput({ status: 'sent', sentOn: '2025-03-05', receivedOn: '2025-03-03' })),
      isInvalid('/receivedOn'),
    );
    await assert.rejects(
      create(
        appealInput({
          status: 'sent',
          sentOn: '2025-03-03',
          extension: { id: 'upk144_extension_10', days: 40 },
        }),
      ),
      isInvalid('/extension/days'),
    );
    await assert.rejects(
      create(appealInput({ status: 'sent', sentOn: '2025-03-03', deadline: '2025-03-06' })),
      isInvalid('/deadline'),
      'a new appeal has no stored deadline to send back, even the one the rule would give',
    );
    const made = await create(appealInput({ status: 'sent', sentOn: '2025-03-03' }));
    const same = await updateRecord({
      ctx: ctx(),
      actor,
      collection: 'interventions',
      id: made.id,
      patch: { version: 1, notes: 'sent by post', deadline: made.deadline, statusSetAt: made.statusSetAt },
    });
    assert.equal(same.deadline, made.deadline, 'sending back the stored deadline is fine');
  });

  test('refuses an illegal status change through PATCH as invalid input and changes nothing', async () => {
    const a = await create(appealInput());
    await assert.rejects(
      updateRecord({
        ctx: ctx(),
        actor,
        collection: 'interventions',
        id: a.id,
        patch: { version: 1, status: 'answered' },
      }),
      isInvalid('/status'),
    );
    const stored = await db().app.ctx.store.get('interventions', a.id);
    assert.equal(stored?.status, 'draft');
    assert.equal(stored?.version, 1);
  });

  test('moves an appeal through sent and registered, recording the dates and one audit entry per move', async () => {
    const a = await create(appealInput({ kind: 'inquiry', recipientId: 'mod', deadlineRule: 'fz59_answer' }));
    const sent = await transitionAppeal({
      ctx: ctx(),
      actor,
      id: a.id,
      version: 1,
      to: 'sent',
      on: '2025-02-20',
    });
    assert.equal(sent.sentOn, '2025-02-20');
    assert.equal(sent.deadlineEstimated, true, 'registration date unknown: estimated');
    const registered = await transitionAppeal({
      ctx: ctx(),
      actor,
      id: a.id,
      version: 2,
      to: 'registered',
      on: '2025-03-03',
    });
    assert.equal(registered.registeredOn, '2025-03-03');
    assert.equal(registered.deadline, '2025-04-02');
    assert.equal(registered.deadlineEstimated, false);
    const actions = await db()
      .app.ctx.store.handle.db.selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', a.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((r) => r.action),
      ['create', 'transition', 'transition'],
    );
  });

  test('attaching a reply stores an official_reply source and answers the appeal in one transaction', async () => {
    const a = await create(appealInput({ status: 'sent', sentOn: '2025-03-03' }));
    const answered = await transitionAppeal({
      ctx: ctx(),
      actor,
      id: a.id,
      version: 1,
      to: 'answered',
      on: '2025-03-05',
      reply: { title: 'Ответ ГВСУ', text: `Ваше обращение рассмотрено. ${a.id}` },
    });
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answeredOn, '2025-03-05');
    const reply = await db().app.ctx.store.get('sources', String(answered.replySourceId));
    assert.equal(reply?.kind, 'official_reply');
    assert.equal(reply?.published, '2025-03-05');

    const b = await create(appealInput({ status: 'sent', sentOn: '2025-03-03' }));
    const text = `Отказ. ${b.id}`;
    await assert.rejects(
      transitionAppeal({
        ctx: ctx(),
        actor,
        id: b.id,
        version: 1,
        to: 'answered',
        on: '2025-03-01',
        reply: { text },
      }),
      isInvalid('/answeredOn'),
    );
    const orphan = await db().app.ctx.store.list('sources', {
      filters: { kind: 'official_reply' },
      limit: 100,
    });
    assert.ok(!orphan.some((s) => s.text === text), 'the failed move left no source behind');
    const news = await createRecord({ ctx: ctx(), actor, collection: 'sources', input: buildSource() });
    await assert.rejects(
      transitionAppeal({ ctx: ctx(), actor, id: b.id, version: 1, to: 'refused', replySourceId: news.id }),
      isInvalid('/replySourceId'),
    );
  });

  test('refuses a stale version with 409 before judging the move', async () => {
    const a = await create(appealInput());
    await transitionAppeal({ ctx: ctx(), actor, id: a.id, version: 1, to: 'sent', on: '2025-03-03' });
    await assert.rejects(
      transitionAppeal({ ctx: ctx(), actor, id: a.id, version: 1, to: 'sent' }),
      (err: unknown) => err instanceof VigilError && err.kind === 'conflict',
    );
    await assert.rejects(
      transitionAppeal({ ctx: ctx(), actor, id: a.id, version: 2, to: 'draft' }),
      isInvalid('/to'),
    );
    await assert.rejects(
      transitionAppeal({
        ctx: ctx('2025-03-04T09:00:00Z'),
        actor,
        id: a.id,
        version: 2,
        to: 'registered',
        on: '2025-03-05',
      }),
      isInvalid('/on'),
    );
  });
});

/** The line of an appeal that has a deadline; fails the test for one without. */
function dated(item: DueAppeal | undefined) {
  assert.ok(item && !('noDeadline' in item), 'the appeal is listed with its deadline');
  return item;
}

describeEachEngine('the due list of stored appeals', (db) => {
  test('turns an appeal overdue at 00:00 in the user time zone, not at midnight UTC', async () => {
    const { ctx } = db().app;
    const kase = await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    // Crime report received Monday 3 March 2025: the last day is Thursday 6 March.
    const a = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: appealInput({ caseId: kase.id, status: 'sent', sentOn: '2025-03-03', receivedOn: '2025-03-03' }),
    });
    const at = (iso: string, timeZone: string) =>
      listDueAppeals({ ctx, withinDays: 7, now: new Date(iso), timeZone }).then((list) =>
        dated(list.items.find((i) => i.id === a.id)),
      );
    const lastMoscowMoment = await at('2025-03-06T20:59:59.999Z', 'Europe/Moscow');
    assert.equal(lastMoscowMoment?.status, 'sent');
    assert.equal(lastMoscowMoment?.daysLeft, 0);
    const moscowMidnight = await at('2025-03-06T21:00:00.000Z', 'Europe/Moscow');
    assert.equal(moscowMidnight?.status, 'overdue');
    assert.equal(moscowMidnight?.daysLeft, -1);
    assert.ok(
      moscowMidnight?.nextSteps.some((s) => s.id === 'prosecutor_complaint_no_decision_on_crime_report'),
    );
    assert.equal(moscowMidnight?.deadline.citation.includes('144'), true);
    assert.equal((await at('2025-03-06T21:00:00.000Z', 'UTC'))?.status, 'sent', 'still 6 March in UTC');
    assert.equal((await at('2025-03-06T14:00:00.000Z', 'Asia/Vladivostok'))?.status, 'overdue');
  });

  test('leaves out answered appeals and those due later than the window, and uses the configured zone', async () => {
    const { ctx } = db().app;
    const later = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: appealInput({
        kind: 'inquiry',
        recipientId: 'mod',
        deadlineRule: 'fz59_answer',
        status: 'sent',
        sentOn: '2025-03-03',
        registeredOn: '2025-03-03',
      }),
    });
    const configured: AppContext = {
      ...ctx,
      timeZone: 'Asia/Vladivostok',
      now: () => new Date('2025-03-27T12:00:00Z'),
    };
    const week = await listDueAppeals({ ctx: configured, withinDays: 7 });
    assert.equal(week.timeZone, 'Asia/Vladivostok');
    assert.equal(week.today, '2025-03-27');
    assert.equal(dated(week.items.find((i) => i.id === later.id)).daysLeft, 6);
    const threeDays = await listDueAppeals({ ctx: configured, withinDays: 3 });
    assert.ok(!threeDays.items.some((i) => i.id === later.id));
    await transitionAppeal({
      ctx: configured,
      actor,
      id: later.id,
      version: 1,
      to: 'answered',
      on: '2025-03-20',
    });
    const after = await listDueAppeals({ ctx: configured, withinDays: 7 });
    assert.ok(!after.items.some((i) => i.id === later.id));
  });

  test('lists the appeals awaiting an answer whose deadline cannot be computed as having none, never with a made-up date', async () => {
    const { ctx } = db().app;
    const configured: AppContext = {
      ...ctx,
      timeZone: 'Europe/Moscow',
      now: () => new Date('2025-03-27T12:00:00Z'),
    };
    // No law gives the State Bureau of Investigation of Ukraine a term in the rules Vigil ships.
    const noRule = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: appealInput({
        recipientId: 'dbr_ua',
        recipientName: 'Державне бюро розслідувань',
        deadlineRule: undefined,
        status: 'sent',
        sentOn: '2025-01-10',
      }),
    });
    // A term known, but no date to count it from: the report did not say when it was sent.
    const noStart = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: appealInput({ status: 'sent' }),
    });
    const answered = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: appealInput({
        recipientId: 'icrc_cta',
        deadlineRule: undefined,
        status: 'sent',
        sentOn: '2025-01-10',
      }),
    });
    await transitionAppeal({
      ctx: configured,
      actor,
      id: answered.id,
      version: 1,
      to: 'answered',
      on: '2025-02-01',
    });

    const list = await listDueAppeals({ ctx: configured, withinDays: 1 });
    const line = (id: string) => list.items.find((i) => i.id === id);
    assert.deepEqual(line(noRule.id), {
      id: noRule.id,
      kind: 'crime_report',
      recipient: 'Государственное бюро расследований Украины',
      recipientId: 'dbr_ua',
      status: 'no_reply',
      noDeadline: true,
      noDeadlineReason: 'no_rule',
    });
    assert.equal(line(noStart.id)?.status, 'no_reply');
    assert.ok(line(noStart.id) && 'noDeadline' in (line(noStart.id) as object));
    assert.equal((line(noStart.id) as { noDeadlineReason?: string }).noDeadlineReason, 'no_start_date');
    assert.ok(!line(answered.id), 'an answered appeal is not awaiting anything');
    // After every appeal that has a date.
    const firstUndated = list.items.findIndex((i) => 'noDeadline' in i);
    assert.ok(list.items.slice(firstUndated).every((i) => 'noDeadline' in i));
  });
});
