import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

// An invented report: men held at two sites one after the other, counted once.
const REPORT =
  'Twelve mobilized men who refused to fight are held in a basement in Zaitseve. ' +
  'Before that they were kept in a tent camp in Svatove. The commander threatened to shoot them.';

describeEachEngine('applying a draft places a detention at every detention site', (db) => {
  let server: FastifyInstance;
  let call: ReturnType<typeof apiCaller>;
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 64 * 1024, logger: false });
    call = apiCaller(server, (await seedAccount(db().app.ctx, 'editor')).token);
  });
  after(async () => {
    await server.close();
  });

  test('each site gets one detention act with the group as victims, and the map counts the group at each', async () => {
    const source = await call('POST', '/api/sources', {
      text: REPORT,
      language: 'en',
      published: '2024-03-01',
    });
    assert.equal(source.status, 201, JSON.stringify(source.body));
    await db().app.ctx.jobs.drain(draftJobHandler(db().app.ctx));
    const drafts = await call('GET', `/api/drafts?sourceId=${source.body.id}`);
    const draftId = String((drafts.body.items as Json[])[0].id);
    const applied = await call('POST', `/api/drafts/${draftId}/apply`, { acceptPending: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const caseId = String((applied.body.result as Json).caseId);

    const acts = (await call('GET', `/api/acts?caseId=${caseId}&limit=100`)).body.items as Json[];
    const places = (await call('GET', '/api/places?limit=100')).body.items as Json[];
    const nameOf = (id: unknown) => String(places.find((p) => p.id === id)?.name);
    const detentions = acts.filter((a) => a.type === 'arbitrary_detention');
    assert.deepEqual(detentions.map((a) => nameOf(a.placeId)).sort(), ['Svatove', 'Zaitseve']);
    for (const act of detentions) assert.equal((act.victimGroupIds as string[]).length, 1);

    const sites = (await call('GET', '/api/map/sites?periods=all')).body.features as Array<{
      properties: Json;
    }>;
    const held = Object.fromEntries(
      sites
        .filter((s) => (s.properties.caseIds as string[]).includes(caseId))
        .map((s) => [s.properties.name, s.properties.persons]),
    );
    assert.deepEqual(held, { Svatove: 12, Zaitseve: 12 });
  });
});
