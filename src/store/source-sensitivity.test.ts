import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { createRecord } from '../app/records/record-creator.js';
import { asSchemaChange, describeEachEngine } from '../testing/engines.js';
import { buildSource } from '../testing/factories.js';
import { sourceSensitivityMigration } from './migrations/0006-source-sensitivity.js';
import { dumpTables, loadTables } from './table-dump.js';

const actor = { id: 'test:sensitivity' };

describeEachEngine('source sensitivity index', (db) => {
  const addSources = async () => {
    const { ctx } = db().app;
    const add = (sensitive: boolean) =>
      createRecord({ ctx, actor, collection: 'sources', input: buildSource(sensitive ? { sensitive } : {}) });
    return { open: await add(false), secret: await add(true) };
  };
  const marked = async () => {
    const { rows } = await sql<{ id: string }>`SELECT id FROM sources WHERE sensitive = 'true'`.execute(
      db().app.ctx.store.handle.db,
    );
    return rows.map((r) => r.id);
  };

  test('the writer keeps it and the store answers which sources are sensitive', async () => {
    const { open, secret } = await addSources();
    assert.deepEqual(await marked(), [secret.id]);
    const found = await db().app.ctx.store.idsMatching('sources', [open.id, secret.id, 'src_unknown'], {
      sensitive: 'true',
    });
    assert.deepEqual([...found], [secret.id]);
  });

  test('the migration marks the sources stored before it', async () => {
    const { secret } = await addSources();
    const raw = db().app.ctx.store.handle.db as unknown as Kysely<unknown>;
    await asSchemaChange(db(), async () => {
      await raw.schema.dropIndex('sources_sensitive_idx').execute();
      await raw.schema.alterTable('sources').dropColumn('sensitive').execute();
      await sourceSensitivityMigration().up(raw);
    });
    assert.ok((await marked()).includes(secret.id));
  });

  test('a dump made before the column existed loads with it filled', async () => {
    const { secret } = await addSources();
    const { handle } = db().app.ctx.store;
    const tables = await dumpTables(handle.db);
    const older = { ...tables, sources: tables.sources.map(({ sensitive: _s, ...row }) => row) };
    await handle.db.transaction().execute(async (trx) => {
      for (const table of Object.keys(tables).reverse())
        await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
      await loadTables(trx, handle.engine, older as typeof tables);
    });
    assert.ok((await marked()).includes(secret.id));
  });
});
