import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRecord } from '../app/records/record-creator.js';
import { queryTerms } from '../domain/text/terms.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildPerson } from '../testing/factories.js';
import { matchRecords, matchRecordsWithFacets } from './facet-query.js';

const actor = { id: 'test:facet-query' };
const DETAINED = 'persons:detained';

describeEachEngine('facet query', (db) => {
  test('a filter that leaves none of the best-ranked matches still finds the next ones, in the same order', async () => {
    const { ctx } = db().app;
    const add = (input: unknown) => createRecord({ ctx, actor, collection: 'persons', input });
    // Namesakes rank alike. On SQLite, whose filters follow the ranking, ties go to those written
    // first, so the best-ranked window holds no detained man and the query must look further.
    for (let i = 0; i < 6; i++) await add(buildPerson());
    for (let i = 0; i < 3; i++)
      await add(buildPerson({ statusHistory: [{ status: 'detained', date: `2022-10-1${i}` }] }));
    const { handle, engine } = ctx.store;
    const query = { terms: queryTerms('Кашина'), collections: ['persons' as const], filters: {} };
    const everyMatch = await matchRecordsWithFacets(handle.db, engine, { ...query, limit: 100 });
    assert.equal(everyMatch.length, 9);
    const isDetained = (values: Array<{ facet: string; value: string }>) =>
      values.some((v) => v.facet === 'status' && v.value === DETAINED);
    const expected = everyMatch.filter((m) => isDetained(m.values)).slice(0, 2);
    assert.equal(expected.length, 2);
    if (engine === 'sqlite') {
      const top = await matchRecordsWithFacets(handle.db, engine, { ...query, limit: 2 });
      assert.equal(top.filter((m) => isDetained(m.values)).length, 0);
    }

    const filtered = { ...query, filters: { status: [DETAINED] }, limit: 2 };
    const found = await matchRecordsWithFacets(handle.db, engine, filtered);
    assert.deepEqual(found, expected);
    assert.deepEqual(
      await matchRecords(handle.db, engine, filtered),
      expected.map(({ collection, recordId }) => ({ collection, recordId })),
    );
  });
});
