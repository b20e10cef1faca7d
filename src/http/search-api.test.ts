import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createRecord } from '../app/records/record-creator.js';
import type { CollectionName } from '../domain/collections.js';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildPerson, buildPlace } from '../testing/factories.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

describeEachEngine('search API with filters', (db) => {
  let server: FastifyInstance;
  let call: ReturnType<typeof apiCaller>;
  const ids: Record<string, string> = {};
  before(async () => {
    const { ctx } = db().app;
    server = await buildServer(ctx, { bodyLimit: 64 * 1024, logger: false });
    call = apiCaller(server, (await seedAccount(ctx, 'admin')).token);
    const add = async (name: string, collection: CollectionName, input: unknown) => {
      ids[name] = (await createRecord({ ctx, actor: { id: 'test:api' }, collection, input })).id;
    };
    await add('case', 'cases', buildCase({ title: 'Held near Svatove', periodStart: '2023-05' }));
    await add('place', 'places', buildPlace({ name: 'Svatove', otherNames: [], region: 'Luhansk Oblast' }));
    await add(
      'other',
      'places',
      buildPlace({ name: 'Svatove farm', otherNames: [], region: 'Kharkiv Oblast' }),
    );
    await add('person', 'persons', buildPerson({ names: [{ value: 'Pavel Svatov' }] }));
    await add('act', 'acts', {
      caseId: ids.case,
      type: 'beating',
      status: 'alleged',
      placeId: ids.place,
      victimIds: [ids.person],
    });
  });
  after(async () => {
    await server.close();
  });

  const found = (body: Json) =>
    (body.items as Json[]).map((h) => Object.keys(ids).find((k) => ids[k] === h.id));

  test('keeps a plain query as it was: hits only, no counts', async () => {
    const res = await call('GET', '/api/search?q=Svatove');
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body), ['items']);
    assert.deepEqual(found(res.body).sort(), ['case', 'other', 'person', 'place']);
  });

  test('takes repeated filter values and answers with counts', async () => {
    const res = await call('GET', '/api/search?q=Svatove&region=Luhansk%20Oblast&region=Kharkiv%20Oblast');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(found(res.body).sort(), ['case', 'other', 'person', 'place']);
    const facets = res.body.facets as Record<string, Json[]>;
    assert.deepEqual(facets.region, [
      { value: 'Luhansk Oblast', count: 3 },
      { value: 'Kharkiv Oblast', count: 1 },
    ]);
    assert.equal(res.body.total, 4);
    assert.equal(res.body.complete, true);
  });

  test('browses without words when a filter is given, and a year counts whole', async () => {
    const res = await call('GET', '/api/search?act=beating&status=cases:open&from=2023&to=2023');
    assert.deepEqual(found(res.body), ['case']);
    const acts = await call('GET', '/api/search?types=acts,persons&act=beating');
    assert.deepEqual(found(acts.body).sort(), ['act', 'person']);
    const start = await call('GET', '/api/search?facets=true');
    assert.equal(
      start.status,
      200,
      'with facets and nothing else: every record that has a region, act type or status',
    );
    assert.deepEqual(found(start.body).sort(), ['act', 'case', 'other', 'person', 'place']);
  });

  test('answers 400 for no words, no filter and no facets, an unknown status, a bad date and an inverted range', async () => {
    for (const url of [
      '/api/search',
      '/api/search?q=',
      '/api/search?status=persons:open',
      '/api/search?act=hugging',
      '/api/search?from=2023-13',
      '/api/search?act=beating&from=2024&to=2023',
      '/api/search?q=x&types=claims',
    ]) {
      const res = await call('GET', url);
      assert.equal(res.status, 400, url);
      assert.equal((res.body.error as Json).code, 'invalid_input', url);
    }
  });
});
