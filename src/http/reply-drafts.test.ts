import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { createRecord } from '../app/records/record-creator.js';
import type { StoredRecord } from '../domain/collections.js';
import { renderTestPage, type TestPageOptions } from '../ingest/ocr/render-test-page.js';
import { seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { ocrSkip } from '../testing/ocr.js';
import { REPLY_LETTERS } from '../testing/reply-letters.js';
import { multipartBody } from '../testing/report-files.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
const actor = { id: 'test:reply-drafts' };

describe('replies photographed, read and applied to their appeals', { skip: ocrSkip }, () => {
  describeEachEngine('reply drafts', (db) => {
    let server: FastifyInstance;
    let ctx: AppContext;
    let token = '';
    let caseId = '';
    before(async () => {
      ctx = { ...db().app.ctx, now: () => new Date('2024-06-01T09:00:00Z'), timeZone: 'Europe/Moscow' };
      server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false, maxUploadBytes: 8 << 20 });
      token = (await seedAccount(ctx, 'admin')).token;
      const kase = await createRecord({
        ctx,
        actor,
        collection: 'cases',
        input: { title: 'Удержание военнослужащих', status: 'open', confidentiality: 'restricted' },
      });
      caseId = kase.id;
    });
    after(async () => {
      await server.close();
    });

    async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
      const response = await server.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload: payload as Json } : {}),
      });
      return { status: response.statusCode, body: response.json() as Json };
    }
    const appeal = (input: Json): Promise<StoredRecord> =>
      createRecord({
        ctx,
        actor,
        collection: 'interventions',
        input: { caseId, senderKind: 'relatives', kind: 'complaint', status: 'sent', ...input },
      });

    /** Uploads the letter as a damaged image, reads it in the job, and returns its draft's reply item. */
    async function readReply(lines: readonly string[], language: 'ru' | 'uk', options: TestPageOptions) {
      const { payload, headers } = multipartBody(
        await renderTestPage([...lines], options),
        { language },
        'r.bin',
      );
      const response = await server.inject({
        method: 'POST',
        url: '/api/sources',
        payload,
        headers: { ...headers, authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 201, response.body);
      const sourceId = String((response.json() as Json).id);
      assert.equal(await ctx.jobs.drain(draftJobHandler(ctx)), 1);
      const listed = (await call('GET', `/api/drafts?sourceId=${sourceId}`)).body.items as Json[];
      const draft = (await call('GET', `/api/drafts/${String(listed[0]?.id)}`)).body;
      const items = draft.items as Json[];
      const reply = items.find((i) => i.kind === 'reply');
      assert.ok(reply, `a reply item: ${JSON.stringify(items.map((i) => i.kind))}`);
      return { draft, reply, sourceId, caseItem: items.find((i) => i.kind === 'case') };
    }

    /** The reviewer confirms the reply's appeal and applies the draft as Vigil suggests. */
    async function confirmAndApply(draft: Json, reply: Json, interventionId: string) {
      const decided = await call('PATCH', `/api/drafts/${String(draft.id)}/items/${String(reply.id)}`, {
        decision: 'accept',
        matchId: interventionId,
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      const applied = await call('POST', `/api/drafts/${String(draft.id)}/apply`, { acceptPending: true });
      assert.equal(applied.status, 200, JSON.stringify(applied.body));
      return applied.body;
    }

    test('a forwarding (Russian, phone photo) closes the appeal and opens one to the new body with its own term', async () => {
      const other = await appeal({
        recipientName: 'ГВСУ СК России',
        senderName: 'Петров Иван',
        sentOn: '2024-01-10',
      });
      const forwarded = await appeal({
        recipientName: 'Военная прокуратура Южного военного округа',
        senderName: 'Иванова Мария Петровна',
        sentOn: '2024-02-20',
        deadlineRule: 'fz59_answer',
      });
      const { draft, reply, sourceId, caseItem } = await readReply(REPLY_LETTERS.forwarded, 'ru', {
        perspective: 0.1,
        shade: true,
        noise: 0.01,
        format: 'jpeg',
      });
      const proposed = reply.proposed as Json;
      assert.equal(proposed.outcome, 'forwarded');
      assert.equal(proposed.date, '2024-03-12');
      assert.equal(proposed.answersToDate, '2024-02-20');
      assert.match(String(proposed.forwardedTo), /Новочеркасск/);
      assert.equal((reply.suggestion as Json).matchId, forwarded.id, 'matched by date, recipient, appellant');
      assert.ok(!(reply.candidates as Json[]).some((c) => c.id === other.id));
      assert.equal(
        (caseItem?.suggestion as Json | undefined)?.matchId,
        caseId,
        'the reply goes into the appeal’s case',
      );

      const result = (await confirmAndApply(draft, reply, forwarded.id)).result as Json;
      assert.equal(result.caseId, caseId);
      const moved = (await call('GET', `/api/interventions/${forwarded.id}`)).body;
      assert.equal(moved.status, 'answered');
      assert.equal(moved.answeredOn, '2024-03-12');
      assert.equal(moved.replySourceId, sourceId);
      const created = (result.created as Record<string, string[]>).interventions ?? [];
      assert.equal(created.length, 1, 'one follow-up appeal');
      const followUp = (await call('GET', `/api/interventions/${created[0]}`)).body;
      assert.match(String(followUp.recipientName), /Новочеркасск/);
      assert.equal(followUp.status, 'sent');
      assert.equal(followUp.sentOn, '2024-03-12');
      assert.ok(String(followUp.deadline) >= '2024-04-11', `its own 30-day term: ${followUp.deadline}`);
      assert.equal((await call('GET', `/api/sources/${sourceId}`)).body.kind, 'official_reply');
    });

    test('an extension (Russian, skewed speckled scan) moves the deadline to the stated day', async () => {
      const extended = await appeal({
        recipientName: 'ГВСУ СК России',
        senderName: 'Петрова Ольга Ивановна',
        sentOn: '2024-03-05',
        registeredOn: '2024-03-11',
        status: 'registered',
        deadlineRule: 'fz59_answer',
      });
      assert.ok(String(extended.deadline) < '2024-05-10');
      const { draft, reply } = await readReply(REPLY_LETTERS.extended, 'ru', {
        skew: 2.5,
        noise: 0.02,
        format: 'tiff',
      });
      const proposed = reply.proposed as Json;
      assert.equal(proposed.outcome, 'extended');
      assert.equal(proposed.newDeadline, '2024-05-10');
      assert.equal((reply.suggestion as Json).matchId, extended.id);
      await confirmAndApply(draft, reply, extended.id);
      const moved = (await call('GET', `/api/interventions/${extended.id}`)).body;
      assert.equal(moved.status, 'registered', 'still awaiting the answer');
      // The stated day, or the next working day when it is a holiday (10 May 2024 was one in Russia).
      assert.ok(String(moved.deadline) >= '2024-05-10' && String(moved.deadline) <= '2024-05-13');
    });

    test('a refusal (Russian) closes the appeal as refused, with the complaint to the court offered', async () => {
      const refused = await appeal({
        recipientName: 'Военная прокуратура гарнизона',
        senderName: 'Сидорова Анна Викторовна',
        sentOn: '2024-03-01',
        kind: 'crime_report',
        deadlineRule: 'upk144_crime_report',
      });
      const { draft, reply } = await readReply(REPLY_LETTERS.refused, 'ru', { noise: 0.01, seed: 3 });
      assert.equal((reply.proposed as Json).outcome, 'refused');
      assert.equal((reply.suggestion as Json).matchId, refused.id);
      await confirmAndApply(draft, reply, refused.id);
      const moved = (await call('GET', `/api/interventions/${refused.id}`)).body;
      assert.equal(moved.status, 'refused');
      assert.equal(moved.answeredOn, '2024-04-18');
      const advice = (await call('GET', `/api/interventions/${refused.id}/next-steps`)).body;
      const steps = (advice.nextSteps as Json[]).map((s) => String(s.basis));
      assert.ok(
        steps.some((b) => /125/.test(b)),
        `a complaint under UPK art. 125: ${steps}`,
      );
    });

    test('an answer (Ukrainian, photo) closes the appeal as answered', async () => {
      const answered = await appeal({
        recipientName: 'Офіс Генерального прокурора',
        senderName: 'Шевченко Оксана Іванівна',
        sentOn: '2024-03-01',
      });
      const { draft, reply } = await readReply(REPLY_LETTERS.answeredUk, 'uk', {
        perspective: 0.08,
        skew: 1,
        format: 'jpeg',
      });
      assert.equal((reply.proposed as Json).outcome, 'answered');
      assert.equal((reply.proposed as Json).date, '2024-03-15');
      assert.equal((reply.suggestion as Json).matchId, answered.id);
      await confirmAndApply(draft, reply, answered.id);
      const moved = (await call('GET', `/api/interventions/${answered.id}`)).body;
      assert.equal(moved.status, 'answered');
      assert.equal(moved.answeredOn, '2024-03-15');
    });
  });
});

describeEachEngine('reply items: the reviewer’s corrections and what is refused', (db) => {
  let server: FastifyInstance;
  let ctx: AppContext;
  let token = '';
  before(async () => {
    ctx = { ...db().app.ctx, now: () => new Date('2024-06-01T09:00:00Z'), timeZone: 'Europe/Moscow' };
    server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false });
    token = (await seedAccount(ctx, 'admin')).token;
  });
  after(async () => {
    await server.close();
  });
  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
    const response = await server.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload: payload as Json } : {}),
    });
    return { status: response.statusCode, body: response.json() as Json };
  }
  async function replyDraft(lines: readonly string[]) {
    const created = await call('POST', '/api/sources', { text: lines.join('\n'), language: 'ru' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await ctx.jobs.drain(draftJobHandler(ctx));
    const listed = (await call('GET', `/api/drafts?sourceId=${String(created.body.id)}`)).body
      .items as Json[];
    const draft = (await call('GET', `/api/drafts/${String(listed[0]?.id)}`)).body;
    const reply = (draft.items as Json[]).find((i) => i.kind === 'reply');
    assert.ok(reply);
    return { draft, reply, url: `/api/drafts/${String(draft.id)}/items/${String(reply.id)}` };
  }

  test('a reply answering no appeal on file cannot be applied, nor matched to a new one', async () => {
    const { draft, reply, url } = await replyDraft(
      REPLY_LETTERS.checkUnderWay.map((l) => l.replace('04.03.2024', '05.03.2024')),
    );
    assert.deepEqual(reply.candidates, []);
    const created = await call('PATCH', url, { decision: 'accept', createNew: true });
    assert.equal(created.status, 400);
    assert.match(String((created.body.error as Json).message), /matchId/);
    const before_ = await ctx.store.list('interventions', { limit: 1000 });
    const applied = await call('POST', `/api/drafts/${String(draft.id)}/apply`, { acceptPending: true });
    assert.equal(applied.status, 400, JSON.stringify(applied.body));
    assert.match(String((applied.body.error as Json).message), /choose the appeal this reply answers/);
    assert.equal((await call('GET', `/api/drafts/${String(draft.id)}`)).body.status, 'pending');
    assert.deepEqual(await ctx.store.list('interventions', { limit: 1000 }), before_);
  });

  test('a corrected outcome or date must be valid; a corrected outcome is what moves the appeal', async () => {
    const appeal = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: {
        recipientName: 'Военный следственный отдел',
        senderKind: 'relatives',
        kind: 'crime_report',
        status: 'sent',
        sentOn: '2024-03-04',
        deadlineRule: 'upk144_crime_report',
      },
    });
    const { draft, reply, url } = await replyDraft(REPLY_LETTERS.checkUnderWay);
    assert.equal((reply.proposed as Json).outcome, 'check_under_way');
    assert.equal((reply.suggestion as Json).matchId, appeal.id);
    for (const value of [{ outcome: 'lost' }, { newDeadline: '10.05.2024' }]) {
      const bad = await call('PATCH', url, { decision: 'edit', value });
      assert.equal(bad.status, 400, JSON.stringify(value));
    }
    // The reviewer reads the letter as a refusal to open a case, not a check under way.
    const edited = await call('PATCH', url, {
      decision: 'edit',
      value: { outcome: 'refused' },
      matchId: appeal.id,
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const applied = await call('POST', `/api/drafts/${String(draft.id)}/apply`, { acceptPending: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const moved = (await call('GET', `/api/interventions/${appeal.id}`)).body;
    assert.equal(moved.status, 'refused');
    assert.equal(moved.answeredOn, '2024-03-22');
  });
});
