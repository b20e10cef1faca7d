import type { Kysely, Migration } from 'kysely';

/**
 * A dry run job keeps, beside each report row, what applying that row would write (sealed: it
 * names persons and their fields), so that an apply of the same upload and mapping that follows
 * while no record changed writes that plan instead of planning the table again (issue 16).
 * Null for an apply's rows. Dropped with the job's report.
 */
export function importJobPlansMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('table_import_job_rows').addColumn('plan', 'text').execute();
    },
  };
}
