import type { Kysely, Migration } from 'kysely';

/**
 * Table import: ids records carry from other lists, saved column mappings, uploads staged
 * between preview and apply, the imports made and the person each of their rows resolved to,
 * and a context on audit entries (which import a change came from).
 */
export function tableImportMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Old entries keep a null context, which the hash leaves out: chains written before verify.
      await db.schema.alterTable('audit_events').addColumn('context', 'text').execute();

      // Kept in step with each record's `externalIds` by the record writer, like `refs`.
      await db.schema
        .createTable('external_ids')
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('external_ids_pk', ['collection', 'system', 'value', 'record_id'])
        .execute();
      await db.schema
        .createIndex('external_ids_record_idx')
        .on('external_ids')
        .columns(['collection', 'record_id'])
        .execute();

      await db.schema
        .createTable('table_mappings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // A file uploaded for preview, dry run and apply, sealed: it holds names and contacts.
      await db.schema
        .createTable('table_uploads')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('table_uploads_pk', ['user_id', 'sha256'])
        .execute();
      await db.schema
        .createIndex('table_uploads_created_idx')
        .on('table_uploads')
        .column('created_at')
        .execute();

      await db.schema
        .createTable('table_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('table_imports_system_idx')
        .on('table_imports')
        .columns(['system', 'id'])
        .execute();
      await db.schema
        .createTable('table_import_rows')
        .addColumn('import_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('table_import_rows_pk', ['import_id', 'row_number'])
        .execute();
    },
  };
}
