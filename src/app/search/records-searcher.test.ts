import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CollectionName } from '../../domain/collections.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildPerson, buildPlace, buildSource } from '../../testing/factories.js';
import { createRecord } from '../records/record-creator.js';
import { searchRecords } from './records-searcher.js';

const actor = { id: 'test:search' };

describeEachEngine('search across scripts', (db) => {
  const ids: Record<string, string> = {};

  before(async () => {
    const { ctx } = db().app;
    const add = async (key: string, collection: CollectionName, input: unknown) => {
      ids[key] = (await createRecord({ ctx, actor, collection, input })).id;
    };
    await add('kashina', 'persons', buildPerson({ names: [{ value: 'Кашина Елена' }] }));
    await add('kashin', 'persons', buildPerson({ names: [{ value: 'Алексей Кашин' }] }));
    await add('kashirin', 'persons', buildPerson({ names: [{ value: 'Kashirin Pavel' }] }));
    await add('zaitseve', 'places', buildPlace({ name: 'Зайцеве', otherNames: [] }));
    await add('svatove', 'places', buildPlace({ name: 'Svatove', otherNames: [], region: 'Luhansk Oblast' }));
    await add(
      'report',
      'sources',
      buildSource({ text: 'Родственники Ильи Каминского пишут, что его держат в подвале в Зайцеве.' }),
    );
  });

  const cases: Array<[string, string[]]> = [
    ['Кашина', ['kashina', 'kashin']],
    ['Kashina', ['kashina', 'kashin']],
    ['Kashinoy', ['kashina', 'kashin']],
    ['Кашиной', ['kashina', 'kashin']],
    ['Zaitseve', ['zaitseve', 'report']],
    ['Зайцево', ['zaitseve', 'report']],
    ['Зайцеве', ['zaitseve', 'report']],
    ['Kaminsky', ['report']],
  ];
  for (const [q, expected] of cases) {
    test(`"${q}" finds ${expected.join(' and ')}`, async () => {
      const hits = await searchRecords({ ctx: db().app.ctx, q, limit: 10 });
      const found = hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.id));
      assert.deepEqual([...found].sort(), [...expected].sort());
    });
  }

  test('ranks a title match above a body match and highlights the match in the snippet', async () => {
    const hits = await searchRecords({ ctx: db().app.ctx, q: 'Zaitsevo', limit: 10 });
    assert.equal(hits[0].id, ids.zaitseve);
    const report = hits.find((h) => h.id === ids.report);
    assert.ok(report);
    const [start, end] = report.highlights[0];
    assert.equal(report.snippet.slice(start, end), 'Зайцеве');
  });

  test('filters by type', async () => {
    const hits = await searchRecords({ ctx: db().app.ctx, q: 'Зайцево', types: ['sources'], limit: 10 });
    assert.deepEqual(
      hits.map((h) => h.id),
      [ids.report],
    );
  });

  test('finds nothing for a query of only punctuation', async () => {
    assert.deepEqual(await searchRecords({ ctx: db().app.ctx, q: '"*()', limit: 10 }), []);
  });
});
