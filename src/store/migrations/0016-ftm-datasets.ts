import { type Kysely, type Migration, sql } from 'kysely';

/**
 * FollowTheMoney ids are unique only within the dataset that gave them (Aleph collections, other
 * tools' exports): the same id from two datasets names two entities, so `ftm_ids` is keyed by
 * (dataset, id). Ids imported before belong to the dataset `default`, the one an import names
 * when it names none.
 */
export function ftmDatasetsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ftm_ids_by_dataset')
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('ftm_id', 'text', (c) => c.notNull())
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ftm_ids_pk', ['dataset', 'ftm_id'])
        .execute();
      await sql`INSERT INTO ftm_ids_by_dataset (dataset, ftm_id, collection, record_id)
        SELECT 'default', ftm_id, collection, record_id FROM ftm_ids`.execute(db);
      await db.schema.dropTable('ftm_ids').execute();
      await db.schema.alterTable('ftm_ids_by_dataset').renameTo('ftm_ids').execute();
      await db.schema
        .createIndex('ftm_ids_record_idx')
        .on('ftm_ids')
        .columns(['collection', 'record_id'])
        .execute();
    },
  };
}
