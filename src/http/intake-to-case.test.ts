import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase } from '../testing/factories.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

// An invented report, as a relative would type it into the public form.
const REPORT = {
  personName: 'Andrei Examplov',
  birthDate: '1989',
  unit: 'military unit 12345',
  lastKnownPlace: 'Zaitseve',
  whatHappened:
    'My husband refused to go back to the front. Since October 3 he is held in a basement in Zaitseve with eleven other men. ' +
    'The commander threatened to shoot them.',
  contact: { name: 'Olga Examplova', phone: '+7 900 111 22 33', email: 'olga@example.org' },
  consent: true,
};

describeEachEngine('an intake report becoming a case', (db) => {
  let server: FastifyInstance;
  let call: ReturnType<typeof apiCaller>;
  let reviewerCall: ReturnType<typeof apiCaller>;
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 64 * 1024, logger: false });
    call = apiCaller(server, (await seedAccount(db().app.ctx, 'editor')).token);
    reviewerCall = apiCaller(server, (await seedAccount(db().app.ctx, 'intake_reviewer')).token);
  });
  after(async () => {
    await server.close();
  });
  const submit = async () => {
    const receipt = await apiCaller(server)('POST', '/api/intake', REPORT);
    assert.equal(receipt.status, 202, JSON.stringify(receipt.body));
    return String(receipt.body.id);
  };
  const count = async (collection: 'sources' | 'persons' | 'cases') =>
    (await db().app.ctx.store.list(collection, { limit: 1000 })).length;

  test('a report becomes a draft that applies to a case with the man as victim and the reporter as relative', async () => {
    const id = await submit();
    const made = await call('POST', `/api/intake/${id}/draft`, { version: 1 });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal((made.body.submission as Json).status, 'handled');

    const draft = await call('GET', `/api/drafts/${made.body.draftId}`);
    assert.equal(draft.status, 200);
    const items = draft.body.items as Json[];
    const people = items
      .filter((i) => i.kind === 'person')
      .map((i) => [(i.proposed as Json).name, (i.proposed as Json).role]);
    assert.deepEqual(
      people.filter(([name]) => name === 'Andrei Examplov' || name === 'Olga Examplova'),
      [
        ['Andrei Examplov', 'detainee'],
        ['Olga Examplova', 'relative'],
      ],
    );
    // Contacts never reach the draft, which is stored in plain.
    assert.doesNotMatch(JSON.stringify(draft.body), /900 111|olga@example/);

    const applied = await call('POST', `/api/drafts/${made.body.draftId}/apply`, { acceptPending: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const caseId = String((applied.body.result as Json).caseId);
    const overview = await call('GET', `/api/cases/${caseId}/overview`);
    const roles = (overview.body.involvements as Json[]).map((i) => [i.label, i.role]);
    assert.ok(
      roles.some(([l, r]) => l === 'Andrei Examplov' && r === 'victim'),
      JSON.stringify(roles),
    );
    assert.ok(
      roles.some(([l, r]) => l === 'Olga Examplova' && r === 'relative_of'),
      JSON.stringify(roles),
    );

    const reporter = await call('GET', `/api/persons/${made.body.reporterId}`);
    assert.deepEqual(
      (reporter.body.contacts as Json[]).map((c) => [c.kind, c.value]),
      [
        ['phone', '+7 900 111 22 33'],
        ['email', 'olga@example.org'],
      ],
    );
    assert.match(String(reporter.body.notes), /consent/i);
    const row = await sql<{
      doc: string;
    }>`select doc from persons where id = ${String(made.body.reporterId)}`.execute(
      db().app.ctx.store.handle.db,
    );
    assert.equal(row.rows.length, 1);
    assert.doesNotMatch(row.rows[0].doc, /900 111|olga@example/, 'contacts are encrypted at rest');
  });

  test('a report is attached to an existing case in one step', async () => {
    const kase = (await call('POST', '/api/cases', buildCase({ title: 'Men held at Zaitseve' }))).body;
    const id = await submit();
    const cases = await count('cases');
    const made = await call('POST', `/api/intake/${id}/draft`, { version: 1, caseId: kase.id });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const applied = await call('POST', `/api/drafts/${made.body.draftId}/apply`, { acceptPending: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal((applied.body.result as Json).caseId, kase.id);
    assert.equal(await count('cases'), cases, 'no second case is made');
    const overview = await call('GET', `/api/cases/${kase.id}/overview`);
    assert.ok(
      (overview.body.involvements as Json[]).some(
        (i) => i.label === 'Olga Examplova' && i.role === 'relative_of',
      ),
    );
  });

  test('a stale, repeated or unauthorised conversion gets its error and writes nothing', async () => {
    const id = await submit();
    const before = [await count('sources'), await count('persons'), await count('cases')];
    assert.equal((await call('POST', `/api/intake/${id}/draft`, { version: 2 })).status, 409);
    assert.equal((await reviewerCall('POST', `/api/intake/${id}/draft`, { version: 1 })).status, 403);
    assert.equal(
      (await call('POST', `/api/intake/${id}/draft`, { version: 1, caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }))
        .status,
      404,
    );
    assert.equal((await call('POST', `/api/intake/nope/draft`, { version: 1 })).status, 404);
    assert.deepEqual([await count('sources'), await count('persons'), await count('cases')], before);
    assert.equal((await call('POST', `/api/intake/${id}/draft`, { version: 1 })).status, 201);
    assert.equal(
      (await call('POST', `/api/intake/${id}/draft`, { version: 2 })).status,
      409,
      'handled already',
    );
  });
});
