import type { Kysely, Migration } from 'kysely';

/**
 * Groups of people known only by number and description, as a collection of their own (the
 * table `groups` holds user groups, hence `person_groups`), and the involvement column that links
 * a group to a case. Acts name their victim groups inside their documents, tracked by `refs`.
 */
export function personGroupsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('person_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull());
      const columns = ['place_id', 'parent_group_id'];
      for (const column of columns) table = table.addColumn(column, 'text');
      await table.execute();
      for (const column of columns)
        await db.schema
          .createIndex(`person_groups_${column}_idx`)
          .on('person_groups')
          .columns([column, 'id'])
          .execute();
      await db.schema.alterTable('involvements').addColumn('group_id', 'text').execute();
      await db.schema
        .createIndex('involvements_group_id_idx')
        .on('involvements')
        .columns(['group_id', 'id'])
        .execute();
    },
  };
}
