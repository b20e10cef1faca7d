import type { Kysely, Migration } from 'kysely';

/**
 * Table imports run as background jobs (issue 16): `table_import_jobs` holds each dry run or apply
 * with its progress, its lease (a runner that died leaves it to be taken again) and, for an apply,
 * the checkpoint: the last table row whose writes committed, written in the same transaction as
 * them, so that a resumed apply never writes a row twice. `table_import_job_rows` holds the
 * report, one sealed row per table row, so that it is paged from the database. Like the ingest job
 * queue these are not data: backups leave them out.
 */
export function importJobTablesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('table_import_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('upload_sha256', 'text', (c) => c.notNull())
        .addColumn('sheet', 'text')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('plan_digest', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('rows_done', 'integer', (c) => c.notNull())
        .addColumn('rows_total', 'integer', (c) => c.notNull())
        .addColumn('checkpoint_row', 'integer', (c) => c.notNull())
        .addColumn('cancel_requested', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('phase_started_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('table_import_jobs_status')
        .on('table_import_jobs')
        .columns(['status', 'locked_until'])
        .execute();
      await db.schema
        .createTable('table_import_job_rows')
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('table_import_job_rows_pk', ['job_id', 'row_number'])
        .execute();
    },
  };
}
