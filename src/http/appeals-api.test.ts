import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { recipientDirectory } from '../app/appeals/recipients.js';
import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import { type SeededAppealCase, seedAppealCase } from '../testing/appeal-case.js';
import { seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { pdfText } from '../testing/letter-readback.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
const actor = { id: 'test:appeals-api' };

/** Unfolds an iCalendar text (RFC 5545 §3.1) into its content lines. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describeEachEngine('appeals API', (db) => {
  let server: FastifyInstance;
  let ctx: AppContext;
  let seeded: SeededAppealCase;
  let token = '';
  before(async () => {
    // The server's clock reads 25 April 2024, 09:00 UTC; deadlines are judged in Moscow time.
    ctx = { ...db().app.ctx, now: () => new Date('2024-04-25T09:00:00Z'), timeZone: 'Europe/Moscow' };
    server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false });
    seeded = await seedAppealCase(ctx, actor);
    token = (await seedAccount(ctx, 'admin')).token;
  });
  after(async () => {
    await server.close();
  });

  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json) {
    const response = await server.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
    const json = /json/.test(String(response.headers['content-type'])) ? (response.json() as Json) : {};
    return { status: response.statusCode, body: json, response };
  }

  test('lists the recipients directory, filtered by kind', async () => {
    const all = await call('GET', '/api/recipients');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items,
      recipientDirectory(),
      'the response schema drops no field of the directory',
    );
    const prosecutors = await call('GET', '/api/recipients?kind=military_prosecutor');
    const kinds = new Set((prosecutors.body.items as Json[]).map((r) => r.kind));
    assert.deepEqual([...kinds], ['military_prosecutor']);
    assert.equal(
      (prosecutors.body.items as Json[]).find((r) => r.id === 'gvp')?.postalAddress !== undefined,
      true,
    );
  });

  test('moves an appeal through the API, refusing a stale version with 409 and an illegal move with 400', async () => {
    const created = await call('POST', '/api/interventions', {
      recipientId: 'gvsu_skr',
      recipientName: 'ГВСУ СК России',
      senderKind: 'lawyer',
      kind: 'crime_report',
      status: 'draft',
      deadlineRule: 'upk144_crime_report',
    });
    assert.equal(created.status, 201);
    const url = `/api/interventions/${created.body.id}/transitions`;
    const sent = await call('POST', url, { version: 1, to: 'sent', on: '2024-04-22' });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.deadline, '2024-04-25');
    assert.equal(sent.body.deadlineEstimated, true);

    const stale = await call('POST', url, { version: 1, to: 'registered' });
    assert.equal(stale.status, 409);
    assert.equal((stale.body.error as Json).code, 'conflict');

    const illegal = await call('POST', url, { version: 2, to: 'draft' });
    assert.equal(illegal.status, 400);
    assert.match(String((illegal.body.error as Json).message), /cannot go from sent to draft/);
    const overdue = await call('POST', url, { version: 2, to: 'overdue' });
    assert.equal(overdue.status, 400);

    const unchanged = await call('GET', `/api/interventions/${created.body.id}`);
    assert.equal(unchanged.body.version, 2);
    assert.equal(unchanged.body.status, 'sent');

    const answered = await call('POST', url, {
      version: 2,
      to: 'answered',
      reply: { title: 'Уведомление о решении', text: `Решение принято. ${created.body.id}`, language: 'ru' },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(answered.body.answeredOn, '2024-04-25', 'today in Moscow');
    const reply = await call('GET', `/api/sources/${answered.body.replySourceId}`);
    assert.equal(reply.body.kind, 'official_reply');
  });

  test('lists due appeals with next steps and explains one appeal, judged in the user time zone', async () => {
    const created = await call('POST', '/api/interventions', {
      recipientId: 'gvsu_skr',
      recipientName: 'ГВСУ СК России',
      senderKind: 'relatives',
      kind: 'crime_report',
      status: 'sent',
      sentOn: '2024-04-19',
      receivedOn: '2024-04-22',
      deadlineRule: 'upk144_crime_report',
    });
    // Received Monday 22 April: due Thursday 25 April, which is today in Moscow at 09:00 UTC.
    const due = await call('GET', '/api/interventions/due?within=7d');
    assert.equal(due.status, 200, JSON.stringify(due.body));
    assert.equal(due.body.today, '2024-04-25');
    const item = (due.body.items as Json[]).find((i) => i.id === created.body.id);
    assert.equal(item?.status, 'sent');
    assert.equal(item?.daysLeft, 0);
    const earlier = (due.body.items as Json[]).find((i) => i.id === seeded.earlier.id);
    assert.equal(earlier?.status, 'overdue');
    assert.ok(((earlier?.nextSteps ?? []) as Json[]).some((s) => s.letterType === 'complaint_inaction'));

    const advice = await call('GET', `/api/interventions/${seeded.earlier.id}/next-steps`);
    assert.equal(advice.status, 200);
    assert.equal(advice.body.status, 'overdue');
    assert.equal((advice.body.deadline as Json).due, '2024-03-21');
    assert.match(String((advice.body.deadline as Json).citation), /УПК РФ.*144/);
    const draft = await call('GET', `/api/interventions/${seeded.appeal.id}/next-steps`);
    assert.deepEqual(draft.body.nextSteps, []);
    assert.equal(draft.body.deadline, null);

    assert.equal((await call('GET', '/api/interventions/due?within=soon')).status, 400);
    assert.equal((await call('GET', '/api/interventions/due?tz=Mars/Olympus')).status, 400);
    assert.equal((await call('GET', '/api/interventions/NOSUCHID/next-steps')).status, 404);
  });

  test('lists an appeal whose deadline cannot be computed with noDeadline, and no date', async () => {
    const created = await call('POST', '/api/interventions', {
      recipientId: 'ombudsman_ua',
      recipientName: 'Уповноважений Верховної Ради України з прав людини',
      senderKind: 'relatives',
      kind: 'petition',
      status: 'sent',
      sentOn: '2024-01-15',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const due = await call('GET', '/api/interventions/due?within=1d');
    assert.equal(due.status, 200, JSON.stringify(due.body));
    const item = (due.body.items as Json[]).find((i) => i.id === created.body.id);
    assert.equal(item?.noDeadline, true);
    assert.equal(item?.noDeadlineReason, 'no_rule');
    assert.equal(item?.status, 'no_reply');
    assert.ok(!('deadline' in (item ?? {})) && !('daysLeft' in (item ?? {})), 'no made-up date');
    // The dated appeals keep their deadline.
    const earlier = (due.body.items as Json[]).find((i) => i.id === seeded.earlier.id);
    assert.equal((earlier?.deadline as Json | undefined)?.due, '2024-03-21');
  });

  test('returns a letter as an attachment whose name holds no personal data, from the stored case or the edited text', async () => {
    const url = `/api/interventions/${seeded.appeal.id}/letter`;
    const pdf = await server.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: { type: 'crime_report', format: 'pdf' },
    });
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(
      pdf.headers['content-disposition'],
      `attachment; filename="vigil-crime-report-${seeded.appeal.id}.pdf"`,
    );
    const text = await pdfText(pdf.rawPayload);
    for (const name of seeded.names) assert.ok(text.includes(name));

    const edited = 'Главному военному прокурору\n\nЖАЛОБА\n\nПрошу освободить Кашина А. В.\n';
    const docx = await server.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: { type: 'complaint_inaction', format: 'docx', text: edited },
    });
    assert.equal(docx.statusCode, 200);
    assert.match(
      String(docx.headers['content-disposition']),
      /filename="vigil-complaint-inaction-[0-9A-Z]{26}\.docx"/,
    );
    const plain = await server.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        type: 'icrc_tracing_request',
        format: 'text',
        sender: { postalAddress: 'Saratov, Example st. 1' },
      },
    });
    assert.match(plain.body, /^TRACING REQUEST$/m);
    assert.match(plain.body, /Address: Saratov, Example st\. 1/);
    assert.match(plain.body, /Kashin Aleksey Viktorovich \(Кашин Алексей Викторович\)/);

    const bad = await call('POST', url, { type: 'love_letter', format: 'pdf' });
    assert.equal(bad.status, 400);
  });

  test('serves an iCalendar feed with one folded event per awaited deadline and no names', async () => {
    const response = await server.inject({
      method: 'GET',
      url: '/api/deadlines.ics',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/calendar/);
    const ics = response.body;
    for (const raw of ics.split('\r\n')) assert.ok(Buffer.byteLength(raw, 'utf8') <= 75, raw);
    const lines = unfold(ics);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines[lines.length - 1], 'END:VCALENDAR');
    const awaited = (await ctx.store.list('interventions', { limit: 500 })).filter(
      (i) => (i.status === 'sent' || i.status === 'registered') && i.deadline,
    );
    assert.ok(awaited.length >= 2, 'the suite stored appeals that await an answer');
    const starts = lines.filter((l) => l.startsWith('DTSTART;VALUE=DATE:'));
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, awaited.length);
    assert.deepEqual(
      starts.map((l) => l.slice(-8)).sort(),
      awaited.map((i) => String(i.deadline).replaceAll('-', '')).sort(),
    );
    assert.ok(
      lines.some((l) => l.startsWith('SUMMARY:Решение по сообщению о преступлении: Следственный комитет')),
    );
    for (const name of [...seeded.names, 'Кашина', 'Kashin'])
      assert.ok(!lines.join('\n').includes(name), name);
  });

  test('refuses a transition for an appeal that does not exist with 404', async () => {
    const missing = await call('POST', '/api/interventions/01HZZZZZZZZZZZZZZZZZZZZZZZ/transitions', {
      version: 1,
      to: 'sent',
    });
    assert.equal(missing.status, 404);
    // An intervention created through the store directly behaves the same as one from the API.
    const direct = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: { recipientName: 'Минобороны', senderKind: 'ngo', kind: 'inquiry', status: 'draft' },
    });
    assert.equal(
      (await call('POST', `/api/interventions/${direct.id}/transitions`, { version: 1, to: 'sent' })).status,
      200,
    );
  });
});
