import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { COLLECTION_NAMES, COLLECTIONS } from '../domain/collections.js';
import { describeEachEngine } from '../testing/engines.js';
import { columnOf } from './schema.js';

describeEachEngine('migrated schema', (db) => {
  test('has a column for every filter field of every collection', async () => {
    const { handle } = db().app.ctx.store;
    for (const name of COLLECTION_NAMES) {
      const columns =
        handle.engine === 'sqlite'
          ? (
              await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(handle.db)
            ).rows.map((r) => r.name)
          : (
              await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
                WHERE table_name = ${name} AND table_schema = ${handle.schema ?? 'public'}`.execute(handle.db)
            ).rows.map((r) => r.column_name);
      for (const field of COLLECTIONS[name].filters) {
        assert.ok(columns.includes(columnOf(field)), `${name}.${columnOf(field)} exists`);
      }
    }
  });
});
