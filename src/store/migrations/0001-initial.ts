import type { Migration } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.js';

/**
 * Tables and their filter columns as of this migration. Written out, not read from the
 * collection registry, so that a later change to the registry never changes what this
 * migration creates; new filter columns come in new migrations.
 */
const TABLES: Record<string, string[]> = {
  cases: ['status', 'confidentiality'],
  persons: ['unit_organization_id', 'employer_organization_id', 'hometown_place_id', 'birth_date'],
  organizations: ['kind', 'parent_id', 'country'],
  places: ['kind', 'country', 'region', 'gazetteer_id'],
  sources: ['kind', 'language', 'sha256', 'outlet'],
  claims: ['source_id', 'subject_type', 'subject_id', 'field'],
  acts: ['case_id', 'type', 'status', 'place_id'],
  interventions: ['case_id', 'status', 'kind', 'deadline'],
  involvements: ['case_id', 'person_id', 'organization_id', 'role'],
};

/** Records, references, the audit chain and the search index, on either engine. */
export function initialMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, columns] of Object.entries(TABLES)) {
        let table = db.schema
          .createTable(name)
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('doc', 'text', (c) => c.notNull());
        for (const column of columns) table = table.addColumn(column, 'text');
        await table.execute();
        for (const column of columns) {
          await db.schema.createIndex(`${name}_${column}_idx`).on(name).columns([column, 'id']).execute();
        }
      }
      // Sources are content-addressed: one record per SHA-256.
      await db.schema.createIndex('sources_sha256_unique').on('sources').column('sha256').unique().execute();

      // Every reference between records, so that deleting a referenced record is refused.
      await db.schema
        .createTable('refs')
        .addColumn('from_collection', 'text', (c) => c.notNull())
        .addColumn('from_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('to_collection', 'text', (c) => c.notNull())
        .addColumn('to_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('refs_pk', ['from_collection', 'from_id', 'field', 'to_collection', 'to_id'])
        .execute();
      await db.schema.createIndex('refs_to_idx').on('refs').columns(['to_collection', 'to_id']).execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('before_doc', 'text')
        .addColumn('after_doc', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_record_idx')
        .on('audit_events')
        .columns(['collection', 'record_id'])
        .execute();
      // The newest entry's seq and hash, written with every entry: deleting the last rows of the
      // chain then shows as a mismatch with the head.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();

      if (engine === 'sqlite') await createSqliteSearch(db);
      else await createPostgresSearch(db);
    },
  };
}

async function createSqliteSearch(db: Kysely<unknown>) {
  await sql`CREATE TABLE search_entries (
    id INTEGER PRIMARY KEY,
    collection TEXT NOT NULL,
    record_id TEXT NOT NULL,
    title_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    UNIQUE (collection, record_id))`.execute(db);
  // External-content FTS5 index over the folded terms, kept in step by triggers.
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    title_terms, body_terms, content='search_entries', content_rowid='id', tokenize='unicode61')`.execute(db);
  await sql`CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts(rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
  END`.execute(db);
  await sql`CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms) VALUES ('delete', old.id, old.title_terms, old.body_terms);
  END`.execute(db);
  await sql`CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms) VALUES ('delete', old.id, old.title_terms, old.body_terms);
    INSERT INTO search_fts(rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms);
  END`.execute(db);
}

async function createPostgresSearch(db: Kysely<unknown>) {
  await sql`CREATE TABLE search_entries (
    id BIGSERIAL PRIMARY KEY,
    collection TEXT NOT NULL,
    record_id TEXT NOT NULL,
    title_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B')
    ) STORED,
    UNIQUE (collection, record_id))`.execute(db);
  await sql`CREATE INDEX search_entries_tsv_idx ON search_entries USING GIN (tsv)`.execute(db);
}
