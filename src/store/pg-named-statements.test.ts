import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { asSchemaChange, describeEachEngine } from '../testing/engines.js';

describeEachEngine('repeated statements', (db) => {
  it('answer with the columns a table has now after a column was added under them', async () => {
    const kysely = db().app.ctx.store.handle.db;
    await asSchemaChange(db(), () =>
      // One connection throughout, so that the read runs again where it was prepared before.
      kysely.connection().execute(async (conn) => {
        await sql`CREATE TABLE statement_probe (id TEXT PRIMARY KEY, a TEXT)`.execute(conn);
        try {
          await sql`INSERT INTO statement_probe (id, a) VALUES (${'x'}, ${'1'})`.execute(conn);
          const read = async () =>
            (
              await sql<Record<string, unknown>>`SELECT * FROM statement_probe WHERE id = ${'x'}`.execute(
                conn,
              )
            ).rows;
          for (let i = 0; i < 6; i++) assert.deepEqual(await read(), [{ id: 'x', a: '1' }]);
          await sql`ALTER TABLE statement_probe ADD COLUMN b TEXT`.execute(conn);
          await sql`UPDATE statement_probe SET b = ${'2'} WHERE id = ${'x'}`.execute(conn);
          assert.deepEqual(await read(), [{ id: 'x', a: '1', b: '2' }]);
          assert.deepEqual(await read(), [{ id: 'x', a: '1', b: '2' }]);
        } finally {
          await sql`DROP TABLE statement_probe`.execute(conn);
        }
      }),
    );
  });

  it('keep answering with the values of each call', async () => {
    const kysely = db().app.ctx.store.handle.db;
    const echo = async (value: string) =>
      (await sql<{ v: string }>`SELECT ${value} AS v`.execute(kysely)).rows[0].v;
    const values = Array.from({ length: 20 }, (_, i) => `value ${i}`);
    assert.deepEqual(await Promise.all(values.map(echo)), values);
  });
});
