import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectionName } from '../../domain/collections.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildCase, buildPerson, buildPlace } from '../../testing/factories.js';
import type { AppContext } from '../context.js';
import { AccessScope } from '../policies/access-scope.js';
import { createRecord } from '../records/record-creator.js';
import { countSites } from './site-counter.js';

const actor = { id: 'test:site-counter' };

describeEachEngine('people held per site, from groups and named persons', (db) => {
  const create = async (ctx: AppContext, collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx, actor, collection, input })).id;

  test('counts a group with its number, a named member once, and a sub-group inside its parent', async () => {
    const { ctx } = db().app;
    const basement = await create(ctx, 'places', buildPlace({ name: 'Basement', lat: 48.1, lon: 38.1 }));
    const kase = await create(ctx, 'cases', buildCase({ confidentiality: 'public' }));
    const kashin = await create(ctx, 'persons', buildPerson({ names: [{ value: 'Alexei Kashin' }] }));
    const petrov = await create(ctx, 'persons', buildPerson({ names: [{ value: 'Ivan Petrov' }] }));
    const men = await create(ctx, 'person_groups', {
      description: 'mobilized men',
      count: 21,
      placeId: basement,
      memberPersonIds: [kashin],
    });
    const exempt = await create(ctx, 'person_groups', {
      description: 'exempt plant workers',
      count: 8,
      parentGroupId: men,
    });
    const detention = { caseId: kase, type: 'arbitrary_detention', status: 'alleged', placeId: basement };
    await create(ctx, 'acts', {
      ...detention,
      dateFrom: '2022-10-02',
      victimIds: [kashin, petrov],
      victimGroupIds: [men],
    });
    await create(ctx, 'acts', { ...detention, dateFrom: '2022-10-20', victimGroupIds: [exempt] });
    await create(ctx, 'acts', { ...detention, dateFrom: '2022-11', victimGroupIds: [exempt] });

    const scope = AccessScope.system(ctx);
    const byPeriod = await countSites(ctx, { cases: { scope }, minCount: 0 });
    assert.deepEqual(
      byPeriod.map((s) => [s.period, s.persons]),
      [
        // Kashin is one of the 21, Petrov is not; the eight exempt workers are among them.
        ['2022-10', 22],
        ['2022-11', 8],
      ],
    );
    const overall = await countSites(ctx, { cases: { scope }, minCount: 0, allPeriods: true });
    assert.deepEqual(
      overall.map((s) => s.persons),
      [22],
    );
    const published = await countSites(ctx, { cases: { publicOnly: true }, minCount: 25 });
    assert.deepEqual(
      published.map((s) => [s.period, s.persons, s.suppressed]),
      [
        ['2022-10', null, true],
        ['2022-11', null, true],
      ],
    );
  });
});
