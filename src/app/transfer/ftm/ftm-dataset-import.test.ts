import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { StoredRecord } from '../../../domain/collections.js';
import { auditHead } from '../../../store/audit-log.js';
import { describeEachEngine } from '../../../testing/engines.js';
import { mergePersons } from '../../persons/person-merger.js';
import { createRecord } from '../../records/record-creator.js';
import { deleteRecord } from '../../records/record-deleter.js';
import { type FtmImportResult, importFtm } from './ftm-importer.js';

const actor = { id: 'test:ftm' };
// Written with the reference Python library and accepted by its validator (see its README).
const fixture = readFileSync(
  fileURLToPath(new URL('../../../../../shared/fixtures/ftm/reference-built.ftm', import.meta.url)),
  'utf8',
);
const names = (p: StoredRecord) => (p.names as Array<{ value: string }>).map((n) => n.value);
const line = (entity: object) => `${JSON.stringify(entity)}\n`;

describeEachEngine(
  'FollowTheMoney import by dataset, with dry runs, collisions and records changed since',
  (db) => {
    const ctx = () => db().app.ctx;
    const persons = () => ctx().store.list('persons', { limit: 100 });
    /** The person an entity of an import became (earlier tests imported the file into other datasets). */
    const personOf = async (result: FtmImportResult, ftmId: string) => {
      const id = String(result.entities.find((e) => e.id === ftmId)?.recordId);
      const found = await ctx().store.get('persons', id);
      assert.ok(found, `${ftmId} is imported`);
      return found;
    };

    test('a dry run gives the report of the import and keeps nothing, not even an audit entry', async () => {
      const head = await auditHead(ctx().store.handle.db);
      const dry = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'dry', dryRun: true });
      assert.equal(dry.dryRun, true);
      assert.equal(dry.created.persons, 3);
      assert.equal(dry.entities.find((e) => e.id === 'p-1')?.outcome, 'created');
      assert.deepEqual(await persons(), []);
      assert.deepEqual(await auditHead(ctx().store.handle.db), head);
      const real = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'dry' });
      assert.deepEqual(
        real.entities.map((e) => [e.id, e.outcome, e.dropped]),
        dry.entities.map((e) => [e.id, e.outcome, e.dropped]),
        'the import does what its dry run said',
      );
    });

    test('the same id from two datasets is two entities', async () => {
      const before = (await persons()).length;
      const first = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'hotline A' });
      const second = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'hotline B' });
      assert.equal(first.created.persons, 3);
      assert.equal(second.created.persons, 3);
      assert.equal((await persons()).length, before + 6);
      const again = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'hotline B' });
      assert.deepEqual(again.created, {}, 'within a dataset the id still updates');
    });

    test('an id already bound to a record of another kind or a clearly different name is reported, not overwritten', async () => {
      const first = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'collide' });
      const commander = await personOf(first, 'p-3');
      const organizations = (await ctx().store.list('organizations', { limit: 100 })).length;
      const result = await importFtm({
        ctx: ctx(),
        actor,
        dataset: 'collide',
        content:
          line({ id: 'p-3', schema: 'Organization', properties: { name: ['Commander X'] } }) +
          line({ id: 'p-2', schema: 'Person', properties: { name: ['Мария Сидорова'] } }) +
          line({
            id: 'p-1',
            schema: 'Person',
            properties: { name: ['Petr Ivanov'], position: ['ефрейтор'] },
          }),
      });
      const report = new Map(result.entities.map((e) => [e.id, e]));
      assert.equal(report.get('p-3')?.outcome, 'conflict');
      assert.match(String(report.get('p-3')?.reason), /another kind \(persons\)/);
      assert.equal(report.get('p-2')?.outcome, 'conflict');
      assert.match(String(report.get('p-2')?.reason), /clearly different name/);
      assert.equal(result.conflicts, 2);
      assert.equal((await ctx().store.list('organizations', { limit: 100 })).length, organizations);
      assert.ok(!(await persons()).some((p) => names(p).includes('Мария Сидорова')), 'nothing overwritten');
      assert.deepEqual(await ctx().store.get('persons', commander.id), commander);
      // The same man in another script is an update, not a collision.
      assert.equal(report.get('p-1')?.outcome, 'updated');
      assert.equal((await personOf(first, 'p-1')).rank, 'ефрейтор');
    });

    test('a person merged since is followed to the survivor, and a record deleted since is not recreated', async () => {
      const first = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'changed' });
      const commander = await personOf(first, 'p-3');
      const kept = await createRecord({
        ctx: ctx(),
        actor,
        collection: 'persons',
        input: { names: [{ value: 'Командир Икс', script: 'cyrillic' }] },
      });
      await mergePersons({ ctx: ctx(), actor, personId: kept.id, otherId: commander.id });
      const claims = await ctx().store.list('claims', { limit: 100 });
      const claimId = String(first.entities.find((e) => e.id === 'dn-1')?.recordId);
      await deleteRecord({ ctx: ctx(), actor, collection: 'claims', id: claimId });
      const count = (await persons()).length;

      const again = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'changed' });
      const report = new Map(again.entities.map((e) => [e.id, e]));
      assert.equal(report.get('p-3')?.recordId, kept.id, 'the merged commander is the kept person now');
      assert.match(String(report.get('p-3')?.reason), /merged into another/);
      assert.equal((await persons()).length, count, 'the merged person is not recreated');
      assert.equal(report.get('dn-1')?.outcome, 'skipped');
      assert.match(String(report.get('dn-1')?.reason), /deleted since/);
      assert.equal((await ctx().store.list('claims', { limit: 100 })).length, claims.length - 1);
      // The act still names the commander, as the merge moved it to the kept person.
      const act = (await ctx().store.list('acts', { limit: 100 })).find((a) =>
        (a.perpetratorPersonIds as string[] | undefined)?.includes(kept.id),
      );
      assert.ok(act);
      const third = await importFtm({ ctx: ctx(), actor, content: fixture, dataset: 'changed' });
      assert.equal(
        third.entities.find((e) => e.id === 'p-3')?.outcome,
        'unchanged',
        'the id now names the survivor',
      );
    });
  },
);
