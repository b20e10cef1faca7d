import type { Kysely, Migration } from 'kysely';
import { rebuildFacets } from '../facet-index.js';
import type { Database } from '../schema.js';

/**
 * The facet index of search: each record's regions, act types and status (record_facets) and the
 * day ranges its dates cover (record_dates), kept in step by the record writer. Existing records
 * are indexed here, by the same code the writer uses.
 */
export function searchFacetsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('record_facets')
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('facet', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_facets_pk', ['collection', 'record_id', 'facet', 'value'])
        .execute();
      // Browsing by a facet value starts here; the primary key serves lookups by record.
      await db.schema
        .createIndex('record_facets_value_idx')
        .on('record_facets')
        .columns(['facet', 'value', 'collection', 'record_id'])
        .execute();
      // Browsing everything, newest first, reads this in order.
      await db.schema
        .createIndex('record_facets_record_idx')
        .on('record_facets')
        .columns(['record_id', 'collection'])
        .execute();
      await db.schema
        .createTable('record_dates')
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('date_from', 'text', (c) => c.notNull())
        .addColumn('date_to', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_dates_pk', ['collection', 'record_id', 'date_from', 'date_to'])
        .execute();
      await db.schema
        .createIndex('record_dates_from_idx')
        .on('record_dates')
        .columns(['date_from', 'date_to'])
        .execute();
      await rebuildFacets(db as Kysely<Database>);
    },
  };
}
