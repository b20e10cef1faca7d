import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../../domain/errors.js';
import { describeEachEngine } from '../../testing/engines.js';
import { REPLY_LETTERS } from '../../testing/reply-letters.js';
import type { AppContext } from '../context.js';
import { createRecord } from '../records/record-creator.js';
import { applyReplyToAppeal, matchReplyToAppeals, replyOfSource } from './reply-applier.js';

const actor = { id: 'test:replies' };

function appealInput(overrides: Record<string, unknown>) {
  return {
    senderKind: 'relatives',
    kind: 'complaint',
    deadlineRule: 'fz59_answer',
    status: 'sent',
    ...overrides,
  };
}

describeEachEngine('replies moved onto their appeals', (db) => {
  const ctx = (): AppContext => ({
    ...db().app.ctx,
    now: () => new Date('2024-06-01T09:00:00Z'),
    timeZone: 'Europe/Moscow',
  });
  const create = (collection: 'interventions' | 'sources', input: Record<string, unknown>) =>
    createRecord({ ctx: ctx(), actor, collection, input });
  const replySource = (lines: readonly string[]) =>
    create('sources', { kind: 'document', text: lines.join('\n') });

  test('matches a forwarding to its appeal, closes it and opens a follow-up to the new body', async () => {
    const other = await create(
      'interventions',
      appealInput({ recipientName: 'ГВСУ СК России', senderName: 'Петров Иван', sentOn: '2024-01-10' }),
    );
    const appeal = await create(
      'interventions',
      appealInput({
        recipientName: 'Военная прокуратура Южного военного округа',
        senderName: 'Иванова Мария Петровна',
        sentOn: '2024-02-20',
      }),
    );
    const source = await replySource(REPLY_LETTERS.forwarded);
    const { reply } = await replyOfSource(ctx(), source.id);
    const matches = await matchReplyToAppeals(ctx(), reply);
    assert.equal(matches[0]?.interventionId, appeal.id);
    assert.deepEqual(matches[0].reasons, ['appeal_date', 'recipient', 'appellant']);
    assert.ok(!matches.some((m) => m.interventionId === other.id));

    const applied = await applyReplyToAppeal({
      ctx: ctx(),
      actor,
      sourceId: source.id,
      interventionId: appeal.id,
      version: 1,
    });
    assert.equal(applied.intervention.status, 'answered');
    assert.equal(applied.intervention.answeredOn, '2024-03-12');
    assert.equal(applied.intervention.replySourceId, source.id);
    const followUp = applied.followUp;
    assert.ok(followUp);
    assert.equal(followUp.recipientName, 'военную прокуратуру Новочеркасского гарнизона');
    assert.equal(followUp.status, 'sent');
    assert.equal(followUp.sentOn, '2024-03-12');
    assert.equal(followUp.senderName, 'Иванова Мария Петровна');
    assert.ok(
      String(followUp.deadline) >= '2024-04-11',
      `the new body has its own 30-day term: ${followUp.deadline}`,
    );
    assert.equal((await ctx().store.get('sources', source.id))?.kind, 'official_reply');
  });

  test('records an extension to the stated new deadline, and a refusal under the UPK', async () => {
    const appeal = await create(
      'interventions',
      appealInput({
        recipientName: 'ГВСУ СК России',
        sentOn: '2024-03-05',
        registeredOn: '2024-03-11',
        status: 'registered',
      }),
    );
    assert.ok(String(appeal.deadline) < '2024-05-10');
    const extended = await replySource(REPLY_LETTERS.extended);
    const { intervention } = await applyReplyToAppeal({
      ctx: ctx(),
      actor,
      sourceId: extended.id,
      interventionId: appeal.id,
      version: 1,
    });
    assert.equal(intervention.status, 'registered', 'still awaiting the answer');
    const extension = intervention.extension as { id: string; days?: number; noticeOn?: string };
    assert.equal(extension.id, 'fz59_answer_extension');
    assert.equal(extension.noticeOn, '2024-04-05');
    // The stated day, or the next working day when it is a holiday (10 May 2024 was one in Russia).
    assert.ok(String(intervention.deadline) >= '2024-05-10' && String(intervention.deadline) <= '2024-05-13');

    const refusedAppeal = await create(
      'interventions',
      appealInput({ recipientName: 'Военная прокуратура гарнизона', sentOn: '2024-03-01' }),
    );
    const refused = await replySource(REPLY_LETTERS.refused);
    const moved = await applyReplyToAppeal({
      ctx: ctx(),
      actor,
      sourceId: refused.id,
      interventionId: refusedAppeal.id,
      version: 1,
    });
    assert.equal(moved.intervention.status, 'refused');
    assert.equal(moved.intervention.answeredOn, '2024-04-18');
  });

  test('refuses a source that is no reply and a stale appeal version, changing nothing', async () => {
    const appeal = await create(
      'interventions',
      appealInput({ recipientName: 'Военная прокуратура', sentOn: '2024-02-20' }),
    );
    const news = await create('sources', {
      kind: 'news_report',
      text: 'Жены мобилизованных обратились в прокуратуру.',
    });
    await assert.rejects(
      applyReplyToAppeal({ ctx: ctx(), actor, sourceId: news.id, interventionId: appeal.id, version: 1 }),
      (err: unknown) => err instanceof VigilError && err.kind === 'invalid_input',
    );
    const source = await replySource(
      REPLY_LETTERS.forwarded.map((l) => l.replace('20.02.2024', '21.02.2024')),
    );
    const before = await ctx().store.list('interventions', { limit: 1000 });
    await assert.rejects(
      applyReplyToAppeal({ ctx: ctx(), actor, sourceId: source.id, interventionId: appeal.id, version: 7 }),
      (err: unknown) => err instanceof VigilError && err.kind === 'conflict',
    );
    assert.deepEqual(
      await ctx().store.list('interventions', { limit: 1000 }),
      before,
      'no follow-up, no move',
    );
    assert.equal((await ctx().store.get('sources', source.id))?.kind, 'document');
  });
});
