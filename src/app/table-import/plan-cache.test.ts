import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../testing/engines.js';
import { buildPerson } from '../../testing/factories.js';
import { importRows, LIST_V1, listMapping } from '../../testing/table-import.js';
import { createRecord } from '../records/record-creator.js';
import type { ImportPlan } from './import-planner.js';
import { cachedPlan, forgetPlan, takePlan } from './plan-cache.js';

describeEachEngine('table import plan cache', (db) => {
  const ctx = () => db().app.ctx;

  test('reuses a plan until anything is written, and per key', async () => {
    let made = 0;
    const make = async () => ({ digest: String(++made) }) as ImportPlan;
    assert.equal((await cachedPlan(ctx(), 'a', make)).digest, '1');
    assert.equal((await cachedPlan(ctx(), 'a', make)).digest, '1', 'nothing written: the same plan');
    assert.equal((await cachedPlan(ctx(), 'b', make)).digest, '2', 'another table or mapping');
    await createRecord({
      ctx: ctx(),
      actor: { id: 'test:cache' },
      collection: 'persons',
      input: buildPerson(),
    });
    assert.equal((await cachedPlan(ctx(), 'a', make)).digest, '3', 'a write makes it stale');
    forgetPlan(ctx(), 'a');
    assert.equal((await cachedPlan(ctx(), 'a', make)).digest, '4', 'an applied plan is forgotten');
  });

  test("an apply job takes a plan once, past the import's own bookkeeping but not past a write", async () => {
    let made = 0;
    const make = async () => ({ digest: `t${++made}` }) as ImportPlan;
    const note = (collection: string) =>
      ctx().store.write('test:cache', (writer) =>
        writer.note({ action: 'note', collection, recordId: 'J1', before: undefined, after: undefined }),
      );
    await cachedPlan(ctx(), 'job', make);
    await note('table_import_jobs');
    assert.equal((await takePlan(ctx(), 'job'))?.digest, 't1', 'queueing the job changes nothing it read');
    assert.equal(await takePlan(ctx(), 'job'), undefined, 'taken: an apply changes its rows');
    await cachedPlan(ctx(), 'job', make);
    await note('table_uploads');
    await createRecord({
      ctx: ctx(),
      actor: { id: 'test:cache' },
      collection: 'persons',
      input: buildPerson(),
    });
    assert.equal(await takePlan(ctx(), 'job'), undefined, 'a person written since: plan again');
  });

  test('a dry run made before an import is not shown again after it', async () => {
    const byName = listMapping(false);
    const before = await importRows(ctx(), LIST_V1, { mapping: byName, dryRun: true });
    assert.deepEqual(
      before.rows.map((r) => r.outcome),
      ['created', 'created', 'created', 'created'],
    );
    assert.deepEqual(await importRows(ctx(), LIST_V1, { mapping: byName, dryRun: true }), before);
    await importRows(ctx(), LIST_V1);
    const after = await importRows(ctx(), LIST_V1, { mapping: byName, dryRun: true });
    assert.equal(
      after.rows.some((r) => r.outcome === 'created'),
      false,
      'the men are there now: matched, not created again',
    );
  });
});
