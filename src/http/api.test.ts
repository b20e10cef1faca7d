import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { API_COLLECTIONS } from '../domain/collections.js';
import { seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildOrganization, buildPerson, buildPlace, buildSource } from '../testing/factories.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

/** A valid change per collection. */
const PATCHES: Record<string, Json> = {
  cases: { summary: 'changed' },
  persons: { rank: 'private' },
  organizations: { country: 'RU' },
  places: { lat: 48.5257, lon: 38.0715, precision: 'settlement' },
  sources: { outlet: 'Meduza' },
  claims: { credibility: 3 },
  acts: { status: 'corroborated' },
  interventions: { status: 'sent', sentOn: '2024-03-01' },
  person_groups: { count: 22 },
};

describeEachEngine('REST API', (db) => {
  let server: FastifyInstance;
  let token = '';
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 64 * 1024, logger: false });
    token = (await seedAccount(db().app.ctx, 'admin')).token;
  });
  after(async () => {
    await server.close();
  });

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    const response = await server.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as Json }),
    });
    return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as Json) : {} };
  }

  async function create(collection: string, input: Json): Promise<Json> {
    const { status, body } = await call('POST', `/api/${collection}`, input);
    assert.equal(status, 201, JSON.stringify(body));
    return body;
  }

  /** One valid input per collection, with whatever records it must point to. */
  async function inputs(): Promise<Record<string, Json>> {
    const source = await create('sources', buildSource());
    const person = await create('persons', buildPerson());
    const kase = await create('cases', buildCase());
    const text = String(source.text);
    const start = text.indexOf('held');
    return {
      cases: buildCase({ title: 'Second case' }),
      persons: buildPerson({ names: [{ value: 'Alexei Kashin' }], birthDate: '1989' }),
      organizations: buildOrganization(),
      places: buildPlace(),
      sources: buildSource(),
      claims: {
        sourceId: source.id,
        subjectType: 'person',
        subjectId: person.id,
        field: 'status',
        value: 'detained',
        span: { start, end: start + 4 },
        quote: 'held',
        credibility: 2,
      },
      acts: { caseId: kase.id, type: 'arbitrary_detention', status: 'alleged', victimIds: [person.id] },
      interventions: {
        caseId: kase.id,
        recipientName: 'Investigative Committee of Russia',
        senderKind: 'relatives',
        kind: 'inquiry',
        status: 'draft',
      },
      person_groups: {
        description: 'mobilized men held in a basement',
        count: 21,
        memberPersonIds: [person.id],
      },
    };
  }

  test('creates, reads, updates, lists and deletes a record of every collection', async () => {
    const valid = await inputs();
    for (const collection of API_COLLECTIONS) {
      const created = await create(collection, valid[collection]);
      assert.equal(created.version, 1);
      const read = await call('GET', `/api/${collection}/${created.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, created);

      const patch = PATCHES[collection];
      const updated = await call('PATCH', `/api/${collection}/${created.id}`, { version: 1, ...patch });
      assert.equal(updated.status, 200, `${collection}: ${JSON.stringify(updated.body)}`);
      assert.equal(updated.body.version, 2);
      for (const [k, v] of Object.entries(patch)) assert.deepEqual(updated.body[k], v);

      const list = await call('GET', `/api/${collection}?limit=500`);
      assert.equal(list.status, 200);
      assert.ok(
        (list.body.items as Json[]).some((r) => r.id === created.id),
        `${collection} list holds the record`,
      );

      if (['sources', 'persons', 'cases'].includes(collection)) continue; // still referenced by the fixtures above
      const deleted = await call('DELETE', `/api/${collection}/${created.id}`);
      assert.equal(deleted.status, 204, `${collection}: ${JSON.stringify(deleted.body)}`);
      assert.equal((await call('GET', `/api/${collection}/${created.id}`)).status, 404);
    }
  });

  test('pages through a list with an opaque cursor and filters by a field', async () => {
    const kase = await create('cases', buildCase({ status: 'monitoring', title: 'Paged' }));
    for (const type of ['beating', 'denial_of_food', 'torture']) {
      await create('acts', { caseId: kase.id, type, status: 'alleged' });
    }
    const first = await call('GET', `/api/acts?caseId=${kase.id}&limit=2`);
    assert.equal((first.body.items as Json[]).length, 2);
    assert.equal(typeof first.body.nextCursor, 'string');
    const second = await call('GET', `/api/acts?caseId=${kase.id}&limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      (second.body.items as Json[]).map((a) => a.type),
      ['torture'],
    );
    assert.equal(second.body.nextCursor, null);
    const byType = await call('GET', `/api/acts?caseId=${kase.id}&type=beating`);
    assert.deepEqual(
      (byType.body.items as Json[]).map((a) => a.type),
      ['beating'],
    );
  });

  test('lists each case with the period its detention acts span, other acts and other cases aside', async () => {
    const held = await create('cases', buildCase({ status: 'monitoring', title: 'Held since autumn' }));
    const undated = await create('cases', buildCase({ status: 'monitoring', title: 'Undated' }));
    await create('acts', {
      caseId: held.id,
      type: 'arbitrary_detention',
      status: 'alleged',
      dateFrom: '2022-10',
      dateTo: '2022-12-01',
    });
    await create('acts', {
      caseId: held.id,
      type: 'incommunicado_detention',
      status: 'alleged',
      dateFrom: '2022-11-03',
    });
    await create('acts', { caseId: held.id, type: 'beating', status: 'alleged', dateFrom: '2021' });
    await create('acts', { caseId: undated.id, type: 'arbitrary_detention', status: 'alleged' });
    const list = await call('GET', '/api/cases?status=monitoring&limit=100');
    const period = (id: unknown) => (list.body.items as Json[]).find((c) => c.id === id)?.period;
    assert.deepEqual(period(held.id), { start: '2022-10', end: null, ongoing: true });
    assert.equal(period(undated.id), null);
  });

  test('rejects a stale version with 409 and changes nothing', async () => {
    const kase = await create('cases', buildCase());
    assert.equal(
      (await call('PATCH', `/api/cases/${kase.id}`, { version: 1, title: 'first edit' })).status,
      200,
    );
    const stale = await call('PATCH', `/api/cases/${kase.id}`, { version: 1, title: 'second edit' });
    assert.equal(stale.status, 409);
    assert.equal((stale.body.error as Json).code, 'conflict');
    const now = await call('GET', `/api/cases/${kase.id}`);
    assert.equal(now.body.title, 'first edit');
    assert.equal(now.body.version, 2);
  });

  test('answers 400 naming the bad field, for a wrong type, an unknown field and a missing field', async () => {
    const wrongType = await call('POST', '/api/cases', buildCase({ title: 5 }));
    assert.equal(wrongType.status, 400);
    const error = wrongType.body.error as { code: string; details: { problems: Array<{ path: string }> } };
    assert.equal(error.code, 'invalid_input');
    assert.deepEqual(
      error.details.problems.map((p) => p.path),
      ['/title'],
    );

    const unknown = await call('POST', '/api/persons', buildPerson({ nickname: 'x' }));
    assert.equal(unknown.status, 400);
    assert.deepEqual(
      (unknown.body.error as typeof error).details.problems.map((p) => p.path),
      ['/nickname'],
    );

    const missing = await call('POST', '/api/cases', { title: 'no status' });
    assert.equal(missing.status, 400);
    assert.ok((missing.body.error as typeof error).details.problems.some((p) => p.path === '/status'));

    const badEnum = await call('POST', '/api/acts', {
      caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      type: 'shouting',
      status: 'alleged',
    });
    assert.equal(badEnum.status, 400);
    assert.ok((badEnum.body.error as typeof error).details.problems.some((p) => p.path === '/type'));
  });

  test('refuses a reference to a record that does not exist, and a quote that is not the source text', async () => {
    const act = await call('POST', '/api/acts', {
      caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      type: 'beating',
      status: 'alleged',
    });
    assert.equal(act.status, 400);
    assert.deepEqual(
      ((act.body.error as Json).details as { problems: Array<{ path: string }> }).problems.map((p) => p.path),
      ['/caseId'],
    );

    const source = await create('sources', buildSource());
    const person = await create('persons', buildPerson());
    const claim = await call('POST', '/api/claims', {
      sourceId: source.id,
      subjectType: 'person',
      subjectId: person.id,
      field: 'status',
      span: { start: 0, end: 9 },
      quote: 'Something',
      credibility: 3,
    });
    assert.equal(claim.status, 400);
    assert.equal(
      (claim.body.error as { details: { problems: Array<{ path: string }> } }).details.problems[0].path,
      '/quote',
    );
  });

  test('refuses to delete a record that others refer to, with 409', async () => {
    const kase = await create('cases', buildCase());
    await create('acts', { caseId: kase.id, type: 'beating', status: 'alleged' });
    const refused = await call('DELETE', `/api/cases/${kase.id}`);
    assert.equal(refused.status, 409);
    assert.equal((await call('GET', `/api/cases/${kase.id}`)).status, 200);
  });

  test('answers 413 for a body over the limit and stores nothing', async () => {
    const before = await call('GET', '/api/cases?limit=500');
    const big = await call('POST', '/api/cases', buildCase({ summary: 'x'.repeat(70 * 1024) }));
    assert.equal(big.status, 413);
    assert.equal((big.body.error as Json).code, 'too_large');
    const afterList = await call('GET', '/api/cases?limit=500');
    assert.equal((afterList.body.items as Json[]).length, (before.body.items as Json[]).length);
  });

  test('answers 404 in the error shape for unknown ids and routes', async () => {
    for (const collection of API_COLLECTIONS) {
      const missing = await call('GET', `/api/${collection}/01ARZ3NDEKTSV4RRFFQ69G5FAV`);
      assert.equal(missing.status, 404);
      assert.equal((missing.body.error as Json).code, 'not_found');
      assert.equal((await call('PATCH', `/api/${collection}/nope`, { version: 1 })).status, 404);
      assert.equal((await call('DELETE', `/api/${collection}/nope`)).status, 404);
    }
    assert.equal((await call('GET', '/api/nothing-here')).status, 404);
  });

  test('answers 400 for a body that is not JSON', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: '{"title": ',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(JSON.parse(response.body).error.code, 'invalid_input');
  });

  test('links persons and organizations to a case with a role', async () => {
    const kase = await create('cases', buildCase());
    const person = await create('persons', buildPerson());
    const linked = await call('POST', `/api/cases/${kase.id}/involvements`, {
      personId: person.id,
      role: 'victim',
    });
    assert.equal(linked.status, 201);
    const both = await call('POST', `/api/cases/${kase.id}/involvements`, { role: 'victim' });
    assert.equal(both.status, 400);
    const list = await call('GET', `/api/cases/${kase.id}/involvements`);
    assert.deepEqual(
      (list.body.items as Json[]).map((i) => i.personId),
      [person.id],
    );
    assert.equal((await call('DELETE', `/api/persons/${person.id}`)).status, 409);
    assert.equal((await call('DELETE', `/api/cases/${kase.id}/involvements/${linked.body.id}`)).status, 204);
    assert.equal((await call('DELETE', `/api/persons/${person.id}`)).status, 204);
  });
});
