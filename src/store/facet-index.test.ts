import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRecord } from '../app/records/record-creator.js';
import type { CollectionName } from '../domain/collections.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildPerson, buildPlace, buildSource } from '../testing/factories.js';
import { rebuildFacets } from './facet-index.js';

const actor = { id: 'test:facet-index' };

describeEachEngine('facet index', (db) => {
  test('rebuilt from the records alone (as the migration and a restore do), it equals what the writer kept', async () => {
    const { ctx } = db().app;
    const add = async (collection: CollectionName, input: unknown) =>
      (await createRecord({ ctx, actor, collection, input })).id;
    const place = await add('places', buildPlace({ region: 'Donetsk Oblast' }));
    const home = await add('places', buildPlace({ name: 'Курск', otherNames: [], region: 'Kursk Oblast' }));
    const kase = await add('cases', buildCase({ periodStart: '2022-10', periodEnd: '2023' }));
    const person = await add(
      'persons',
      buildPerson({ hometownPlaceId: home, statusHistory: [{ status: 'detained', date: '2022-10-12' }] }),
    );
    await add('acts', {
      caseId: kase,
      type: 'torture',
      status: 'alleged',
      placeId: place,
      victimIds: [person],
    });
    await add('sources', buildSource({ published: '2023-01-05' }));
    await add('interventions', {
      caseId: kase,
      recipientName: 'Ombudsman',
      senderKind: 'lawyer',
      kind: 'inquiry',
      status: 'draft',
    });
    const registered = await add('interventions', {
      caseId: kase,
      recipientName: 'Military prosecutor',
      senderKind: 'relatives',
      kind: 'complaint',
      status: 'registered',
      registeredOn: '2023-02-14',
    });
    const dump = async () => ({
      facets: await db()
        .app.ctx.store.handle.db.selectFrom('record_facets')
        .selectAll()
        .orderBy(['collection', 'record_id', 'facet', 'value'])
        .execute(),
      dates: await db()
        .app.ctx.store.handle.db.selectFrom('record_dates')
        .selectAll()
        .orderBy(['collection', 'record_id', 'date_from'])
        .execute(),
    });
    const kept = await dump();
    assert.deepEqual(
      kept.facets.filter((f) => f.record_id === person).map((f) => `${f.facet}=${f.value}`),
      ['act=torture', 'region=Donetsk Oblast', 'region=Kursk Oblast', 'status=persons:detained'],
    );
    assert.deepEqual(
      kept.dates.filter((d) => d.record_id === kase).map((d) => [d.date_from, d.date_to]),
      [['2022-10-01', '2023-12-31']],
    );
    assert.deepEqual(
      kept.dates.filter((d) => d.record_id === registered).map((d) => [d.date_from, d.date_to]),
      [['2023-02-14', '2023-02-14']],
      'an appeal known only by its registration is dated by it',
    );
    const handle = db().app.ctx.store.handle;
    await handle.db.deleteFrom('record_facets').execute();
    await handle.db.deleteFrom('record_dates').execute();
    await rebuildFacets(handle.db);
    assert.deepEqual(await dump(), kept);
  });
});
