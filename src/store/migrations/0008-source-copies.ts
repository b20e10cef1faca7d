import { type Kysely, type Migration, sql } from 'kysely';
import type { Engine } from '../database.js';

/**
 * One document may be held by several sources. Until now the same bytes (or the same text) always
 * returned the existing source; when that source belongs to a case the uploader may not see,
 * answering with it (or refusing) would tell them the document is held. Such an upload now makes
 * a source of its own: original files are keyed by (sha256, source_id), and the same text is no
 * longer unique among sources (docs/security.md).
 */
export function sourceCopiesMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('sources_sha256_unique').execute();
      if (engine === 'postgres') {
        await sql`ALTER TABLE source_files DROP CONSTRAINT source_files_pkey`.execute(db);
        await sql`ALTER TABLE source_files ADD PRIMARY KEY (sha256, source_id)`.execute(db);
        return;
      }
      // SQLite cannot change a primary key in place: the table is built again.
      await db.schema
        .createTable('source_files_next')
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('bytes', 'blob', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('source_files_pk', ['sha256', 'source_id'])
        .execute();
      await sql`INSERT INTO source_files_next SELECT sha256, source_id, media_type, size, bytes, created_at FROM source_files`.execute(
        db,
      );
      await db.schema.dropTable('source_files').execute();
      await sql`ALTER TABLE source_files_next RENAME TO source_files`.execute(db);
      await db.schema.createIndex('source_files_source_idx').on('source_files').column('source_id').execute();
    },
  };
}
