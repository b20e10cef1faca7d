import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createEngineDb, describeEachEngine } from '../../../testing/engines.js';
import { seedExportDataset } from '../../../testing/export-dataset.js';
import { exportBytes, recordPicture } from '../../../testing/export-output.js';
import type { AppContext } from '../../context.js';
import { ftmId } from './ftm-export-mapping.js';
import { importFtm, parseFtmLines } from './ftm-importer.js';
import { ftmProblems } from './ftm-model.js';

const actor = { id: 'test:ftm' };

const exportText = async (ctx: AppContext, filters?: unknown) =>
  (await exportBytes(ctx, 'ftm', filters)).toString('utf8');

describeEachEngine('FollowTheMoney export and import', (db) => {
  let seeded: Awaited<ReturnType<typeof seedExportDataset>>;
  before(async () => {
    seeded = await seedExportDataset(db().app.ctx);
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
      'Family',
      'Article',
      'Document',
      'Documentation',
      'Note',
    ]) {
      assert.ok(schemata.has(s), `${s} is exported`);
    }
    const note = entities.find((e) => e.schema === 'Note');
    assert.match(String(note?.properties.description), /GeoNames/, 'the attribution travels as a Note');
    const detention = entities.find((e) => e.properties.keywords?.includes('type:arbitrary_detention'));
    assert.deepEqual(detention?.properties.involved, [ftmId('persons', seeded.husband)]);
    assert.deepEqual(
      detention?.properties.organizer?.sort(),
      [ftmId('organizations', seeded.company), ftmId('persons', seeded.officer)].sort(),
    );
  });

  test('the model check catches unknown properties, bad dates, missing required values and dangling references', () => {
    const problems = ftmProblems([
      { id: 'a', schema: 'Person', properties: { name: ['X'], shoeSize: ['42'], birthDate: ['yesterday'] } },
      { id: 'b', schema: 'Membership', properties: { member: ['a'], organization: ['nowhere'] } },
      { id: 'c', schema: 'Thing', properties: {} },
      { id: 'd', schema: 'Employment', properties: { employee: ['a'] } },
    ]);
    assert.deepEqual(
      problems.sort(),
      [
        'a: Person has no property shoeSize',
        'a: birthDate "yesterday" is not a date',
        'b: organization points to nowhere, which is not in the file',
        'c: schema Thing is abstract',
        'd: Employment requires employer',
      ].sort(),
    );
  });

  test('holds no contacts and no text of sensitive sources, even when the operator exports', async () => {
    const text = await exportText(db().app.ctx);
    for (const leak of ['+7 900 555', 'elena@example.org', 'Звоните мне ночью', 'меня просили молчать'])
      assert.equal(text.includes(leak), false, `the export holds "${leak}"`);
    assert.ok(text.includes('держат в подвале'), 'the text of an ordinary source is exported');
  });

  test('an export imported into a fresh database gives the same persons, places and links', async () => {
    const content = await exportText(db().app.ctx);
    const fresh = await createEngineDb(db().engine);
    try {
      const result = await importFtm({ ctx: fresh.db.app.ctx, actor, content });
      const target = fresh.db.app.ctx;
      assert.deepEqual(await recordPicture(target), await recordPicture(db().app.ctx));
      // The claims that quote an exported text come back; the one quoting the sensitive testimony cannot.
      assert.equal(result.created.claims, 2);
      // Nothing of Vigil's own export is dropped; only the attribution note and that claim are skipped.
      assert.deepEqual(
        result.entities.flatMap((e) => e.dropped),
        [],
      );
      assert.deepEqual(
        result.entities.filter((e) => e.outcome === 'skipped').map((e) => e.schema),
        ['Note', 'Documentation'],
      );
      const claims = await target.store.list('claims', { limit: 10 });
      assert.deepEqual(claims.map((c) => [c.field, c.quote, c.credibility]).sort(), [
        ['place', 'в подвале школы', 2],
        ['status', 'держат', 3],
      ]);
      const places = await target.store.list('places', { limit: 10 });
      const basement = places.find((p) => p.name === 'Basement of the school');
      assert.equal(basement?.precision, 'exact');
      assert.equal(
        basement?.parentPlaceId,
        places.find((p) => p.id !== basement?.id && p.precision === 'settlement')?.id,
        'the place it lies within comes back',
      );
      const persons = await target.store.list('persons', { limit: 10 });
      const idOf = (name: string) =>
        persons.find((p) => (p.names as Array<{ value: string }>)[0].value === name)?.id;
      const relative = (
        await target.store.list('involvements', { filters: { role: 'relative_of' }, limit: 10 })
      )[0];
      assert.equal(relative.personId, idOf('Елена Кашина'));
      assert.equal(relative.relatedPersonId, idOf('Алексей Кашин'));
      const husband = persons.find((p) => p.id === idOf('Алексей Кашин'));
      assert.equal(husband?.exemptionGrounds, 'works at a defence plant');
    } finally {
      await fresh.drop();
    }
  });

  test('an export imported back into the database it came from updates its records, adding none', async () => {
    const content = await exportText(db().app.ctx);
    const before = await recordPicture(db().app.ctx);
    const result = await importFtm({ ctx: db().app.ctx, actor, content });
    assert.deepEqual(result.created, {});
    assert.deepEqual(await recordPicture(db().app.ctx), before);
  });

  test('a filtered export holds only what matches and no link to a record it leaves out', async () => {
    const entities = parseFtmLines(await exportText(db().app.ctx, { caseId: seeded.publicCase }));
    assert.deepEqual(ftmProblems(entities), []);
    const ids = new Set(entities.map((e) => e.id));
    assert.ok(ids.has(ftmId('cases', seeded.publicCase)));
    assert.ok(ids.has(ftmId('persons', seeded.husband)));
    for (const out of [
      ftmId('cases', seeded.kase),
      ftmId('persons', seeded.wife),
      ftmId('places', seeded.basement),
    ])
      assert.equal(ids.has(out), false, `${out} is not linked to the public case`);
    // The husband's unit and employer are not linked to the public case: their links are left out.
    assert.equal(
      entities.some((e) => e.schema === 'Membership' || e.schema === 'Employment'),
      false,
    );
  });

  test('reports entities that do not fit the model and imports the rest; refuses a line that is no entity', async () => {
    const fresh = await createEngineDb(db().engine);
    try {
      const ctx = fresh.db.app.ctx;
      const person = JSON.stringify({
        id: 'p',
        schema: 'Person',
        properties: { name: ['A'], shoeSize: ['42'], keywords: ['vip'] },
      });
      const starship = JSON.stringify({ id: 'x', schema: 'Starship', properties: {} });
      const result = await importFtm({ ctx, actor, content: `${person}\n${starship}\n` });
      assert.deepEqual(result.created, { persons: 1 });
      assert.deepEqual(
        result.entities.map((e) => [e.id, e.outcome, e.reason, e.dropped.map((d) => d.property)]),
        [
          ['p', 'created', undefined, ['shoeSize', 'keywords']],
          ['x', 'skipped', 'unknown schema Starship', []],
        ],
      );
      await assert.rejects(
        importFtm({ ctx, actor, content: `${person.replace('"A"', '"B"')}\nnot json\n` }),
        /line 2 is not a FollowTheMoney entity/,
      );
      const persons = await ctx.store.list('persons', { limit: 5 });
      assert.deepEqual(
        persons.map((p) => (p.names as Array<{ value: string }>)[0].value),
        ['A'],
      );
    } finally {
      await fresh.drop();
    }
  });
});
