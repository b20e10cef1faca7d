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
import { type FacetedSearchProps, searchFaceted } from './faceted-searcher.js';
import { searchRecords } from './records-searcher.js';

const actor = { id: 'test:parity' };

/** One small corpus in all three languages, loaded identically into each engine. */
const CORPUS: Array<[CollectionName, unknown]> = [
  [
    'persons',
    buildPerson({
      names: [{ value: 'Кашина Елена' }, { value: 'Elena Kashina' }],
      statusHistory: [{ status: 'missing', date: '2022-11' }],
    }),
  ],
  [
    'persons',
    buildPerson({
      names: [{ value: 'Алексей Кашин' }],
      unit: '5-я рота',
      statusHistory: [{ status: 'detained', date: '2022-10-12' }],
    }),
  ],
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
    buildSource({
      text: 'Жена Кашина написала в Следственный комитет; мужа держат в Завитном Бажании.',
      published: '2024-03-01',
    }),
  ],
  ['sources', buildSource({ text: 'Родственники Камінського кажуть, що його тримають у Зайцевому.' })],
];

/** Acts linking the corpus (by position): who suffered what, where, in which case. */
const ACTS = (id: (i: number) => string) => [
  {
    caseId: id(7),
    type: 'arbitrary_detention',
    status: 'alleged',
    placeId: id(4),
    victimIds: [id(0), id(1)],
    dateFrom: '2022-10',
  },
  {
    caseId: id(8),
    type: 'beating',
    status: 'corroborated',
    placeId: id(5),
    victimIds: [id(3)],
    dateFrom: '2023',
  },
];

/** Faceted searches, with words (compared in order) and browsing (compared as sets: ids differ). */
const FACETED: Array<Omit<FacetedSearchProps, 'ctx' | 'limit'>> = [
  { q: 'Кашина', filters: {} },
  { q: 'Кашина', filters: { act: ['arbitrary_detention'] } },
  { q: 'Zaitseve', filters: { region: ['Luhansk Oblast'] } },
  { q: 'Следственный комитет', filters: { dates: { from: '2024-01-01' } } },
  { q: '', filters: {} },
  { q: '', filters: { act: ['beating'] } },
  { q: '', filters: { region: ['Donetsk Oblast', 'Luhansk Oblast'] } },
  { q: '', filters: { status: ['persons:detained', 'acts:alleged'] } },
  { q: '', filters: { dates: { from: '2022-11-01', to: '2022-11-30' } } },
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

test('gives the same ranked results, filters and facet counts on SQLite and PostgreSQL for the test corpus', {
  skip: pgAvailable ? false : `PostgreSQL not reachable at ${TEST_PG_URL}`,
}, async (t) => {
  const dbs: Array<{ db: EngineDb; drop: () => Promise<void> }> = [];
  t.after(async () => {
    for (const d of dbs) await d.drop();
  });
  const titles: Record<string, string[][]> = {};
  const faceted: Record<string, string[]> = {};
  for (const engine of ['sqlite', 'postgres'] as const) {
    const created = await createEngineDb(engine);
    dbs.push(created);
    const { ctx } = created.db.app;
    const recordIds: string[] = [];
    for (const [collection, input] of CORPUS)
      recordIds.push((await createRecord({ ctx, actor, collection, input })).id);
    for (const input of ACTS((i) => recordIds[i]))
      await createRecord({ ctx, actor, collection: 'acts', input });
    titles[engine] = [];
    for (const q of QUERIES) {
      const hits = await searchRecords({ ctx, q, limit: 10 });
      titles[engine].push(hits.map((h) => `${h.type}: ${h.title} | ${h.snippet}`));
    }
    faceted[engine] = [];
    for (const query of FACETED) {
      const r = await searchFaceted({ ctx, ...query, limit: 20 });
      const hits = r.items.map((h) => `${h.type}: ${h.title} | ${h.snippet}`);
      faceted[engine].push(JSON.stringify({ ...r, items: query.q ? hits : hits.sort() }));
    }
  }
  for (const [i, query] of FACETED.entries()) {
    assert.ok(JSON.parse(faceted.sqlite[i]).total > 0, `${JSON.stringify(query)} finds something`);
    assert.equal(faceted.postgres[i], faceted.sqlite[i], JSON.stringify(query));
  }
  for (const [i, q] of QUERIES.entries()) {
    assert.ok(titles.sqlite[i].length > 0, `"${q}" finds something`);
    assert.deepEqual(titles.postgres[i], titles.sqlite[i], `"${q}"`);
  }
});
