import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { asSchemaChange, describeEachEngine } from '../testing/engines.js';
import { ftmIdRows } from './ftm-id-rows.js';
import { ftmIdsMigration } from './migrations/0014-ftm-ids.js';
import { ftmDatasetsMigration } from './migrations/0016-ftm-datasets.js';

describeEachEngine('migration 0016: FollowTheMoney ids per dataset', (db) => {
  test('ids imported before datasets belong to "default", and the same id may then name one record per dataset', async () => {
    const { handle } = db().app.ctx.store;
    const raw = handle.db as unknown as Kysely<unknown>;
    // The table as 0014 left it, holding an id imported then.
    await asSchemaChange(db(), async () => {
      await raw.schema.dropTable('ftm_ids').execute();
      await ftmIdsMigration().up(raw);
    });
    await handle.db
      .insertInto('ftm_ids' as never)
      .values({ ftm_id: 'p-1', collection: 'persons', record_id: 'A'.repeat(26) } as never)
      .execute();
    await asSchemaChange(db(), () => ftmDatasetsMigration().up(raw));

    const before = await ftmIdRows.targets(handle.db, 'default', ['p-1']);
    assert.deepEqual(before.get('p-1'), { collection: 'persons', recordId: 'A'.repeat(26) });
    assert.equal((await ftmIdRows.targets(handle.db, 'aleph', ['p-1'])).size, 0);
    await ftmIdRows.save(handle.db, 'aleph', [
      { ftmId: 'p-1', collection: 'persons', recordId: 'B'.repeat(26) },
    ]);
    assert.equal((await ftmIdRows.targets(handle.db, 'aleph', ['p-1'])).get('p-1')?.recordId, 'B'.repeat(26));
    assert.equal(
      (await ftmIdRows.targets(handle.db, 'default', ['p-1'])).get('p-1')?.recordId,
      'A'.repeat(26),
    );
  });
});
