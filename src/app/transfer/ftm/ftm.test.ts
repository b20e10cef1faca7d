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
        'b: organization points to nowhere, which is not in the export',
        'c: schema Thing is abstract',
        'c: Thing requires name',
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
      assert.equal(result.skipped, 1);
      const claims = await target.store.list('claims', { limit: 10 });
      assert.deepEqual(claims.map((c) => [c.field, c.quote, c.credibility]).sort(), [
        ['place', 'в подвале школы', 2],
        ['status', 'держат', 3],
      ]);
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
