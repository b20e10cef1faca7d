import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { before, test } from 'node:test';
import type { CollectionName, StoredRecord } from '../../../domain/collections.js';
import { createEngineDb, describeEachEngine } from '../../../testing/engines.js';
import {
  buildCase,
  buildOrganization,
  buildPerson,
  buildPlace,
  buildSource,
} from '../../../testing/factories.js';
import type { AppContext } from '../../context.js';
import { createRecord } from '../../records/record-creator.js';
import { exportFtm } from './ftm-exporter.js';
import { importFtm, parseFtmLines } from './ftm-importer.js';
import { ftmProblems } from './ftm-model.js';

const actor = { id: 'test:ftm' };

async function exportText(ctx: AppContext): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportFtm(ctx, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** Persons, places and links described by names, so two databases with different ids compare. */
async function picture(ctx: AppContext) {
  const all = async (c: CollectionName) => ctx.store.list(c, { limit: 1000 });
  const byId = new Map<string, StoredRecord>();
  for (const c of ['persons', 'organizations', 'places', 'cases'] as const)
    for (const r of await all(c)) byId.set(r.id, r);
  const nameOf = (id: unknown) => {
    const r = byId.get(String(id));
    if (!r) return undefined;
    return String(r.title ?? r.name ?? (r.names as Array<{ value: string }>)[0].value);
  };
  return {
    persons: (await all('persons'))
      .map((p) => ({
        names: p.names,
        birthDate: p.birthDate,
        unit: nameOf(p.unitOrganizationId),
        employer: nameOf(p.employerOrganizationId),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    places: (await all('places')).map((p) => ({
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      region: p.region,
      country: p.country,
    })),
    organizations: (await all('organizations'))
      .map((o) => ({ name: o.name, kind: o.kind, parent: nameOf(o.parentId) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    involvements: (await all('involvements'))
      .map((i) => `${nameOf(i.personId ?? i.organizationId)} ${i.role} in ${nameOf(i.caseId)}`)
      .sort(),
    acts: (await all('acts')).map(
      (a) =>
        `${a.type} ${a.status} at ${nameOf(a.placeId)} to ${(a.victimIds as string[]).map(nameOf).join(',')}`,
    ),
  };
}

describeEachEngine('FollowTheMoney export and import', (db) => {
  before(async () => {
    const { ctx } = db().app;
    const create = (collection: CollectionName, input: unknown) =>
      createRecord({ ctx, actor, collection, input });
    const place = await create('places', buildPlace({ lat: 48.5257, lon: 38.0715, precision: 'settlement' }));
    const regiment = await create(
      'organizations',
      buildOrganization({ name: '1st Motor Rifle Regiment', kind: 'military_unit', country: 'RU' }),
    );
    const company = await create(
      'organizations',
      buildOrganization({ name: 'Fifth company', kind: 'military_unit', parentId: regiment.id }),
    );
    const plant = await create('organizations', buildOrganization({ name: 'Dalpolymetal', kind: 'company' }));
    await create('organizations', buildOrganization());
    const husband = await create(
      'persons',
      buildPerson({
        names: [{ value: 'Алексей Кашин' }, { value: 'Alexei Kashin' }],
        birthDate: '1989',
        sex: 'male',
        rank: 'private',
        unitOrganizationId: company.id,
        employerOrganizationId: plant.id,
      }),
    );
    const wife = await create('persons', buildPerson({ names: [{ value: 'Елена Кашина' }], sex: 'female' }));
    const kase = await create('cases', buildCase({ periodStart: '2022-10' }));
    await create('involvements', { caseId: kase.id, personId: husband.id, role: 'victim' });
    await create('involvements', {
      caseId: kase.id,
      personId: wife.id,
      role: 'relative_of',
      relatedPersonId: husband.id,
    });
    await create('acts', {
      caseId: kase.id,
      type: 'arbitrary_detention',
      status: 'alleged',
      victimIds: [husband.id],
      placeId: place.id,
    });
    const text = 'Мужа Елены Кашиной держат в подвале в Зайцеве.';
    const source = await create(
      'sources',
      buildSource({ text, language: 'ru', published: '2022-11-07', outlet: 'Meduza' }),
    );
    await create('claims', {
      sourceId: source.id,
      subjectType: 'person',
      subjectId: husband.id,
      field: 'status',
      value: 'detained',
      span: { start: 21, end: 28 },
      quote: text.slice(21, 28),
      credibility: 3,
    });
  });

  test('writes entities that fit the FollowTheMoney model the followthemoney package ships', async () => {
    const entities = parseFtmLines(await exportText(db().app.ctx));
    assert.deepEqual(ftmProblems(entities), []);
    const schemata = new Set(entities.map((e) => e.schema));
    for (const s of [
      'Person',
      'Organization',
      'Company',
      'PublicBody',
      'Address',
      'Event',
      'Membership',
      'Employment',
      'UnknownLink',
      'Article',
      'Documentation',
    ]) {
      assert.ok(schemata.has(s), `${s} is exported`);
    }
  });

  test('the model check catches unknown properties, bad dates and dangling references', () => {
    const problems = ftmProblems([
      { id: 'a', schema: 'Person', properties: { name: ['X'], shoeSize: ['42'], birthDate: ['yesterday'] } },
      { id: 'b', schema: 'Membership', properties: { member: ['a'], organization: ['nowhere'] } },
      { id: 'c', schema: 'Thing', properties: {} },
    ]);
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  test('an export imported into a fresh database gives the same persons, places and links', async () => {
    const content = await exportText(db().app.ctx);
    const fresh = await createEngineDb(db().engine);
    try {
      await importFtm({ ctx: fresh.db.app.ctx, actor, content });
      assert.deepEqual(await picture(fresh.db.app.ctx), await picture(db().app.ctx));
    } finally {
      await fresh.drop();
    }
  });

  test('refuses a file that does not fit the model and imports nothing', async () => {
    const fresh = await createEngineDb(db().engine);
    try {
      const bad = `${JSON.stringify({ id: 'p', schema: 'Person', properties: { name: ['A'] } })}\n${JSON.stringify({ id: 'x', schema: 'Starship', properties: {} })}\n`;
      await assert.rejects(importFtm({ ctx: fresh.db.app.ctx, actor, content: bad }), /FollowTheMoney model/);
      assert.deepEqual(await fresh.db.app.ctx.store.list('persons', { limit: 1 }), []);
    } finally {
      await fresh.drop();
    }
  });
});
