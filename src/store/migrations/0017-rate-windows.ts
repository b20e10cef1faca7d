import type { Kysely, Migration } from 'kysely';

/**
 * Hits per client address in the current fixed window of each rate-limited route (`bucket`), so
 * that several server processes on one database count together. The address is stored as a
 * digest; a row is overwritten when its window ends and rows of ended windows are pruned, so
 * the table holds about one window's clients. It is not data: backups leave it out.
 */
export function rateWindowsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_windows')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_windows_pk', ['bucket', 'client'])
        .execute();
    },
  };
}
