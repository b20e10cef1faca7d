import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CollectionName } from '../../domain/collections.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildCase, buildPerson, buildPlace, buildSource } from '../../testing/factories.js';
import { AccessScope } from '../policies/access-scope.js';
import { createRecord } from '../records/record-creator.js';
import { deleteRecord } from '../records/record-deleter.js';
import { updateRecord } from '../records/record-updater.js';
import { type FacetedResults, searchFaceted } from './faceted-searcher.js';

const actor = { id: 'test:facets' };

describeEachEngine('search with facets', (db) => {
  const ids: Record<string, string> = {};
  const ctx = () => db().app.ctx;
  const add = async (name: string, collection: CollectionName, input: unknown) => {
    ids[name] = (await createRecord({ ctx: ctx(), actor, collection, input })).id;
  };
  /** The names of the records found, sorted. */
  const names = (r: FacetedResults) =>
    r.items.map((h) => Object.keys(ids).find((k) => ids[k] === h.id) ?? `unknown ${h.type}`).sort();
  const count = (r: FacetedResults, facet: keyof FacetedResults['facets'], value: string) =>
    r.facets[facet].find((c) => c.value === value)?.count ?? 0;
  const search = (
    q: string,
    filters: Parameters<typeof searchFaceted>[0]['filters'] = {},
    scope?: AccessScope,
  ) => searchFaceted({ ctx: ctx(), q, filters, limit: 50, scope });

  before(async () => {
    await add(
      'zaitseve',
      'places',
      buildPlace({ name: 'Зайцеве', otherNames: [], region: 'Luhansk Oblast' }),
    );
    await add('sizo', 'places', buildPlace({ name: 'СИЗО-1', otherNames: [], region: 'Kursk Oblast' }));
    await add(
      'held',
      'cases',
      buildCase({ title: 'Held in a basement', periodStart: '2022-10', periodEnd: '2023-01' }),
    );
    await add(
      'tortured',
      'cases',
      buildCase({
        title: 'Tortured in a pre-trial prison',
        status: 'monitoring',
        confidentiality: 'public',
        periodStart: '2024',
      }),
    );
    await add(
      'kashin',
      'persons',
      buildPerson({
        names: [{ value: 'Алексей Кашин' }],
        statusHistory: [
          { status: 'mobilized', date: '2022-09' },
          { status: 'detained', date: '2022-10-12' },
        ],
      }),
    );
    await add(
      'kashina',
      'persons',
      buildPerson({ names: [{ value: 'Кашина Елена' }], hometownPlaceId: ids.sizo }),
    );
    await add(
      'ivan',
      'persons',
      buildPerson({
        names: [{ value: 'Иван Кашин' }],
        statusHistory: [{ status: 'released', date: '2024-05' }],
      }),
    );
    await add('detention', 'acts', {
      caseId: ids.held,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: ids.zaitseve,
      victimIds: [ids.kashin, ids.kashina],
      dateFrom: '2022-10',
    });
    await add('beating', 'acts', {
      caseId: ids.held,
      type: 'beating',
      status: 'corroborated',
      placeId: ids.zaitseve,
      victimIds: [ids.kashin],
    });
    await add('torture', 'acts', {
      caseId: ids.tortured,
      type: 'torture',
      status: 'alleged',
      placeId: ids.sizo,
      victimIds: [ids.ivan],
      dateFrom: '2024-03',
    });
    await add('appeal', 'interventions', {
      caseId: ids.held,
      recipientName: 'Military Prosecutor',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'sent',
      sentOn: '2022-11-01',
    });
    await add(
      'report',
      'sources',
      buildSource({ text: 'Кашина говорит, что мужа держат в подвале.', published: '2023-02-01' }),
    );
    for (const personId of [ids.kashin, ids.kashina])
      await createRecord({
        ctx: ctx(),
        actor,
        collection: 'involvements',
        input: { caseId: ids.held, personId, role: 'victim' },
      });
    await createRecord({
      ctx: ctx(),
      actor,
      collection: 'involvements',
      input: { caseId: ids.tortured, personId: ids.ivan, role: 'victim' },
    });
  });

  test('a region finds its places, the acts there, their cases and victims', async () => {
    const r = await search('', { region: ['Luhansk Oblast'] });
    assert.deepEqual(names(r), ['beating', 'detention', 'held', 'kashin', 'kashina', 'zaitseve']);
    assert.equal(r.total, 6);
  });

  test('a person counts in the region of their hometown as well as where acts against them happened', async () => {
    const r = await search('Кашина');
    assert.equal(count(r, 'region', 'Kursk Oblast'), 2, 'Kashina from there, Ivan held there');
    assert.equal(count(r, 'region', 'Luhansk Oblast'), 2);
    assert.equal(count(r, 'type', 'persons'), 3);
    assert.equal(count(r, 'type', 'sources'), 1);
    assert.equal(count(r, 'status', 'persons:detained'), 1, 'the latest status only');
    assert.equal(count(r, 'status', 'persons:mobilized'), 0);
    assert.equal(count(r, 'status', 'persons:released'), 1);
    assert.deepEqual(
      r.facets.act.map((c) => [c.value, c.count]),
      [
        ['arbitrary_detention', 2],
        ['beating', 1],
        ['torture', 1],
      ],
    );
  });

  test('an act type narrows the matches, and its own counts still show the other types', async () => {
    const r = await search('Кашина', { act: ['beating'] });
    assert.deepEqual(names(r), ['kashin']);
    assert.equal(count(r, 'act', 'torture'), 1, 'what choosing torture as well would add');
    assert.equal(count(r, 'region', 'Luhansk Oblast'), 1, 'other facets count the narrowed matches');
    assert.equal(count(r, 'region', 'Kursk Oblast'), 0);
    const both = await search('Кашина', { act: ['beating', 'torture'] });
    assert.deepEqual(names(both), ['ivan', 'kashin'], 'values of one facet are alternatives');
  });

  test('facets of different kinds must all hold', async () => {
    const r = await search('', { act: ['arbitrary_detention'], region: ['Kursk Oblast'] });
    assert.deepEqual(names(r), ['kashina']);
  });

  test('a status names its type: a case status finds cases, a person status persons', async () => {
    assert.deepEqual(names(await search('', { status: ['cases:open'] })), ['held']);
    assert.deepEqual(names(await search('', { status: ['persons:detained'] })), ['kashin']);
    assert.deepEqual(names(await search('', { status: ['interventions:sent', 'acts:corroborated'] })), [
      'appeal',
      'beating',
    ]);
  });

  test('a date range finds case periods, act dates, appeals sent, sources published and person statuses in it', async () => {
    assert.deepEqual(names(await search('', { dates: { from: '2024-01-01', to: '2024-12-31' } })), [
      'ivan',
      'torture',
      'tortured',
    ]);
    assert.deepEqual(names(await search('', { dates: { from: '2022-11-01', to: '2022-11-30' } })), [
      'appeal',
      'held',
    ]);
    assert.deepEqual(
      names(await search('', { dates: { from: '2023-02-01' }, status: ['cases:monitoring'] })),
      ['tortured'],
    );
    assert.deepEqual(names(await search('подвал', { dates: { to: '2023-03-31' } })), ['report']);
  });

  test('types narrow the results; the type counts still show the other types', async () => {
    const r = await searchFaceted({ ctx: ctx(), q: 'Кашина', types: ['sources'], filters: {}, limit: 10 });
    assert.deepEqual(names(r), ['report']);
    assert.equal(count(r, 'type', 'persons'), 3);
  });

  test('counts only what the reader may see: a viewer sees the public case and no more', async () => {
    const viewer = AccessScope.of(ctx(), {
      userId: 'viewer-test',
      username: 'viewer-test',
      role: 'viewer',
      groupIds: [],
      actor: { id: 'user:viewer-test' },
      via: 'token',
    });
    const luhansk = await search('', { region: ['Luhansk Oblast'] }, viewer);
    assert.deepEqual(luhansk.items, []);
    assert.equal(luhansk.total, 0);
    assert.deepEqual(luhansk.facets.region, [
      { value: 'Kursk Oblast', count: 4 },
      { value: 'Luhansk Oblast', count: 0 },
    ]);
    assert.deepEqual(luhansk.facets.type, []);
    const kashin = await search('Кашина', {}, viewer);
    assert.deepEqual(names(kashin), ['ivan']);
    assert.deepEqual(kashin.facets.act, [{ value: 'torture', count: 1 }]);
    assert.equal(count(kashin, 'region', 'Luhansk Oblast'), 0);
  });

  test('with no words and no filter, browses every record with a region, act type or status; punctuation alone finds nothing', async () => {
    const all = await search('');
    assert.deepEqual(names(all), [
      'appeal',
      'beating',
      'detention',
      'held',
      'ivan',
      'kashin',
      'kashina',
      'sizo',
      'torture',
      'tortured',
      'zaitseve',
    ]);
    assert.equal(count(all, 'type', 'acts'), 3);
    const r = await search('"*()', { act: ['beating'] });
    assert.deepEqual(r.items, []);
    assert.deepEqual(r.facets.act, [{ value: 'beating', count: 0 }]);
  });

  test('facets follow edits: a place moved to another region, an act changed, an act deleted', async () => {
    const place = await ctx().store.get('places', ids.zaitseve);
    await updateRecord({
      ctx: ctx(),
      actor,
      collection: 'places',
      id: ids.zaitseve,
      patch: { version: Number(place?.version), region: 'Donetsk Oblast' },
    });
    assert.deepEqual(names(await search('', { region: ['Luhansk Oblast'] })), []);
    assert.deepEqual(names(await search('', { region: ['Donetsk Oblast'] })), [
      'beating',
      'detention',
      'held',
      'kashin',
      'kashina',
      'zaitseve',
    ]);
    const act = await ctx().store.get('acts', ids.beating);
    await updateRecord({
      ctx: ctx(),
      actor,
      collection: 'acts',
      id: ids.beating,
      patch: { version: Number(act?.version), type: 'denial_of_food', victimIds: [ids.kashina] },
    });
    assert.deepEqual(names(await search('', { act: ['beating'] })), []);
    assert.deepEqual(names(await search('', { act: ['denial_of_food'] })), [
      'beating',
      'held',
      'kashina',
      'zaitseve',
    ]);
    await deleteRecord({ ctx: ctx(), actor, collection: 'acts', id: ids.beating });
    assert.deepEqual(names(await search('', { act: ['denial_of_food'] })), []);
    const person = await ctx().store.get('persons', ids.kashin);
    await updateRecord({
      ctx: ctx(),
      actor,
      collection: 'persons',
      id: ids.kashin,
      patch: {
        version: Number(person?.version),
        statusHistory: [
          ...((person?.statusHistory as unknown[] | undefined) ?? []),
          { status: 'released', date: '2024-06' },
        ],
      },
    });
    assert.deepEqual(names(await search('', { status: ['persons:released'] })), ['ivan', 'kashin']);
    assert.deepEqual(names(await search('', { status: ['persons:detained'] })), []);
  });

  test("a place in a person's status history puts him in its region, and a batched update takes him out", async () => {
    await add('camp', 'places', buildPlace({ name: 'Лагерь', otherNames: [], region: 'Belgorod Oblast' }));
    await add(
      'listed',
      'persons',
      buildPerson({
        names: [{ value: 'Пётр Листов' }],
        statusHistory: [{ status: 'detained', date: '2023-03', placeId: ids.camp }],
      }),
    );
    assert.deepEqual(names(await search('', { region: ['Belgorod Oblast'] })), ['camp', 'listed']);
    // Table import writes through updateMany: the facet index must follow that path too.
    const before = await ctx().store.get('persons', ids.listed);
    if (!before) throw new Error('the person was not stored');
    const after = {
      ...before,
      version: before.version + 1,
      statusHistory: [{ status: 'released', date: '2023-05' }],
    };
    const stale = await ctx().store.write(actor.id, (w) => w.updateMany('persons', [{ before, after }]));
    assert.deepEqual(stale, []);
    assert.deepEqual(names(await search('', { region: ['Belgorod Oblast'] })), ['camp']);
    assert.ok(names(await search('', { status: ['persons:released'] })).includes('listed'));
  });
});
