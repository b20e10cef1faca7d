import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../database.js';

/**
 * Ingestion: original files kept content-addressed, near-duplicate story clusters, extraction
 * drafts with the reviewer's decisions, and the in-process job queue used on SQLite.
 */
export function ingestMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // The original bytes of every ingested source, keyed by their SHA-256.
      await db.schema
        .createTable('source_files')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('bytes', engine === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('source_files_source_idx').on('source_files').column('source_id').execute();

      // Which story (cluster of reprints and lightly edited copies) each source belongs to.
      await db.schema
        .createTable('story_members')
        .addColumn('source_id', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'text', (c) => c.notNull())
        .addColumn('similarity', 'real', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('story_members_story_idx').on('story_members').column('story_id').execute();
      // Locality-sensitive hashing bands of each source's MinHash signature: candidates share a band.
      await db.schema
        .createTable('story_bands')
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('story_bands_pk', ['band', 'source_id'])
        .execute();

      // One extraction draft per source: the unique source_id makes a retried job a no-op.
      await db.schema
        .createTable('drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('drafts_status_idx').on('drafts').columns(['status', 'id']).execute();

      // The job queue of the in-process runner (SQLite); PostgreSQL deployments use pg-boss.
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('jobs_kind_source_unique', ['kind', 'source_id'])
        .execute();
      await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['status', 'id']).execute();
    },
  };
}
