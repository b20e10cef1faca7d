import type { Kysely, Migration } from 'kysely';

/**
 * The FollowTheMoney id each imported entity came with and the record it became, so that a
 * second import of the same entities updates those records instead of adding them again.
 */
export function ftmIdsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ftm_ids')
        .addColumn('ftm_id', 'text', (c) => c.primaryKey())
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ftm_ids_record_idx')
        .on('ftm_ids')
        .columns(['collection', 'record_id'])
        .execute();
    },
  };
}
