import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildPerson } from '../testing/factories.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

/** What the web application's case page does, through the API it uses. */
describeEachEngine('case work through the API', (db) => {
  let server: FastifyInstance;
  let call: ReturnType<typeof apiCaller>;
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 64 * 1024, logger: false });
    call = apiCaller(server, (await seedAccount(db().app.ctx, 'editor')).token);
  });
  after(async () => {
    await server.close();
  });
  const persons = async () => (await db().app.ctx.store.list('persons', { limit: 500 })).length;

  test('records a new person and links them to a case in one step, or neither', async () => {
    const kase = (await call('POST', '/api/cases', buildCase())).body;
    const before = await persons();
    const bad = await call('POST', `/api/cases/${kase.id}/involvements`, {
      person: buildPerson({ names: [{ value: 'Pyotr Example' }] }),
      role: 'hostage',
    });
    assert.equal(bad.status, 400);
    const both = await call('POST', `/api/cases/${kase.id}/involvements`, {
      person: buildPerson(),
      personId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      role: 'victim',
    });
    assert.equal(both.status, 400);
    assert.equal(await persons(), before, 'no person was left behind');
    const ok = await call('POST', `/api/cases/${kase.id}/involvements`, {
      person: buildPerson({ names: [{ value: 'Pyotr Example' }], birthDate: '1990' }),
      role: 'victim',
      note: 'named by his sister',
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const overview = await call('GET', `/api/cases/${kase.id}/overview`);
    assert.deepEqual(
      (overview.body.involvements as Json[]).map((i) => [i.label, i.role, i.note]),
      [['Pyotr Example', 'victim', 'named by his sister']],
    );
  });

  test('an edit with a stale version gets 409 and changes nothing', async () => {
    const kase = (await call('POST', '/api/cases', buildCase({ summary: 'first' }))).body;
    const first = await call('PATCH', `/api/cases/${kase.id}`, {
      version: 1,
      summary: 'second',
      status: 'monitoring',
    });
    assert.equal(first.status, 200);
    const stale = await call('PATCH', `/api/cases/${kase.id}`, { version: 1, summary: 'third' });
    assert.equal(stale.status, 409);
    assert.equal((stale.body.error as Json).code, 'conflict');
    const now = await call('GET', `/api/cases/${kase.id}`);
    assert.deepEqual([now.body.summary, now.body.status, now.body.version], ['second', 'monitoring', 2]);
  });

  test('an appeal created on a case and marked sent shows its deadline on the case page', async () => {
    const kase = (await call('POST', '/api/cases', buildCase())).body;
    const rules = (await call('GET', '/api/deadline-rules')).body.items as Json[];
    assert.ok(rules.some((r) => r.id === 'fz59_answer'));
    const appeal = await call('POST', '/api/interventions', {
      caseId: kase.id,
      recipientName: 'Main Military Prosecutor’s Office',
      recipientId: 'gvp',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'draft',
      deadlineRule: 'fz59_answer',
    });
    assert.equal(appeal.status, 201, JSON.stringify(appeal.body));
    const draft = (await call('GET', `/api/cases/${kase.id}/overview`)).body.appeals as Json[];
    assert.deepEqual([draft[0].status, draft[0].deadline, draft[0].version], ['draft', undefined, 1]);
    const sent = await call('POST', `/api/interventions/${appeal.body.id}/transitions`, {
      version: draft[0].version,
      to: 'sent',
      on: '2024-03-04',
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const shown = (await call('GET', `/api/cases/${kase.id}/overview`)).body.appeals as Json[];
    assert.equal(shown[0].status, 'sent');
    assert.equal(shown[0].sentOn, '2024-03-04');
    const advice = await call('GET', `/api/interventions/${appeal.body.id}/next-steps`);
    const due = (advice.body.deadline as Json).due;
    assert.equal(shown[0].deadline, due, 'the deadline the rule gives');
    assert.ok(String(due) > '2024-03-04');
  });
});
