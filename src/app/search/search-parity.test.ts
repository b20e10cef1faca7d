import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectionName } from '../../domain/collections.js';
import { createEngineDb, type EngineDb, pgAvailable, TEST_PG_URL } from '../../testing/engines.js';
import {
  buildCase,
  buildOrganization,
  buildPerson,
  buildPlace,
  buildSource,
} from '../../testing/factories.js';
import { createRecord } from '../records/record-creator.js';
import { searchRecords } from './records-searcher.js';

const actor = { id: 'test:parity' };

/** One small corpus in all three languages, loaded identically into each engine. */
const CORPUS: Array<[CollectionName, unknown]> = [
  ['persons', buildPerson({ names: [{ value: 'Кашина Елена' }, { value: 'Elena Kashina' }] })],
  ['persons', buildPerson({ names: [{ value: 'Алексей Кашин' }], unit: '5-я рота' })],
  ['persons', buildPerson({ names: [{ value: 'Ілля Камінський' }] })],
  ['persons', buildPerson({ names: [{ value: 'Andrey Marchuk' }], hometown: 'Naro-Fominsk' })],
  ['places', buildPlace({ name: 'Зайцеве', otherNames: ['Zaitseve'] })],
  [
    'places',
    buildPlace({ name: 'Завітне Бажання', otherNames: ['Zavitne Bazhannia'], region: 'Donetsk Oblast' }),
  ],
  [
    'organizations',
    buildOrganization({ name: 'Investigative Committee of Russia', otherNames: ['Следственный комитет'] }),
  ],
  [
    'cases',
    buildCase({
      title: 'Отказники в подвале в Зайцеве',
      summary: 'Мобилизованных держат в подвале без еды.',
    }),
  ],
  [
    'cases',
    buildCase({
      title: 'Refusers held in Zavitne Bazhannia',
      summary: 'Wives wrote to the Investigative Committee.',
    }),
  ],
  [
    'sources',
    buildSource({ text: 'Жена Кашина написала в Следственный комитет; мужа держат в Завитном Бажании.' }),
  ],
  ['sources', buildSource({ text: 'Родственники Камінського кажуть, що його тримають у Зайцевому.' })],
];

const QUERIES = [
  'Кашина',
  'Kashinoy',
  'Zaitseve',
  'Зайцево',
  'Камінський',
  'Kaminsky',
  'подвал',
  'Investigative Committee',
  'Marchuk',
  'Завитне Бажання',
  'Следственного комитета',
];

test('gives the same ranked results on SQLite and PostgreSQL for the test corpus', {
  skip: pgAvailable ? false : `PostgreSQL not reachable at ${TEST_PG_URL}`,
}, async (t) => {
  const dbs: Array<{ db: EngineDb; drop: () => Promise<void> }> = [];
  t.after(async () => {
    for (const d of dbs) await d.drop();
  });
  const titles: Record<string, string[][]> = {};
  for (const engine of ['sqlite', 'postgres'] as const) {
    const created = await createEngineDb(engine);
    dbs.push(created);
    const { ctx } = created.db.app;
    for (const [collection, input] of CORPUS) await createRecord({ ctx, actor, collection, input });
    titles[engine] = [];
    for (const q of QUERIES) {
      const hits = await searchRecords({ ctx, q, limit: 10 });
      titles[engine].push(hits.map((h) => `${h.type}: ${h.title} | ${h.snippet}`));
    }
  }
  for (const [i, q] of QUERIES.entries()) {
    assert.ok(titles.sqlite[i].length > 0, `"${q}" finds something`);
    assert.deepEqual(titles.postgres[i], titles.sqlite[i], `"${q}"`);
  }
});
