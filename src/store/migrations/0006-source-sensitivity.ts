import { type Kysely, type Migration, sql } from 'kysely';

const PAGE = 500;

/**
 * Source sensitivity as a filter column, so that a reader without the sensitive role can be told
 * which claims quote sensitive testimony from an index, instead of opening every source. Existing
 * sources are marked from their documents (the flag itself is never sealed).
 */
export function sourceSensitivityMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('sources').addColumn('sensitive', 'text').execute();
      await db.schema
        .createIndex('sources_sensitive_idx')
        .on('sources')
        .columns(['sensitive', 'id'])
        .execute();
      let after = '';
      for (;;) {
        // The LIKE only narrows the pages read; the parsed document decides.
        const { rows } = await sql<{ id: string; doc: string }>`
          SELECT id, doc FROM sources WHERE id > ${after} AND doc LIKE '%"sensitive":true%'
          ORDER BY id LIMIT ${PAGE}`.execute(db);
        const marked = rows.filter((r) => (JSON.parse(r.doc) as { sensitive?: unknown }).sensitive === true);
        if (marked.length)
          await sql`UPDATE sources SET sensitive = 'true' WHERE id IN (${sql.join(marked.map((r) => r.id))})`.execute(
            db,
          );
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1].id;
      }
    },
  };
}
