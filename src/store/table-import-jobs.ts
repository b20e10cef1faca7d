import type { Kysely, Transaction } from 'kysely';
import type { Database, TableImportJobReportRow, TableImportJobRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/** What a runner may change of a job as it goes. */
export type JobUpdate = Partial<
  Pick<
    TableImportJobRow,
    | 'status'
    | 'phase'
    | 'rows_done'
    | 'rows_total'
    | 'checkpoint_row'
    | 'locked_until'
    | 'error'
    | 'result'
    | 'started_at'
    | 'phase_started_at'
    | 'updated_at'
  >
>;

/** Rows of the table-import job tables (0018): the jobs and their sealed report rows. */
export const tableImportJobs = {
  async insert(db: Db, row: TableImportJobRow): Promise<void> {
    await db.insertInto('table_import_jobs').values(row).execute();
  },

  /** Drops jobs that ended before `endedBefore`, with their reports (they name persons). */
  async prune(db: Db, endedBefore: string): Promise<void> {
    const old = db
      .selectFrom('table_import_jobs')
      .select('id')
      .where('status', 'in', ['done', 'failed', 'cancelled'])
      .where('updated_at', '<', endedBefore);
    await db.deleteFrom('table_import_job_rows').where('job_id', 'in', old).execute();
    await db
      .deleteFrom('table_import_jobs')
      .where('status', 'in', ['done', 'failed', 'cancelled'])
      .where('updated_at', '<', endedBefore)
      .execute();
  },

  async byId(db: Db, id: string): Promise<TableImportJobRow | undefined> {
    return db.selectFrom('table_import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Takes the oldest job that is queued or whose runner's lease ran out, leasing it until
   * `lockedUntil`; undefined when none is due. The update is conditional, so of several runners
   * racing for one job exactly one gets it.
   */
  async claim(
    db: Kysely<Database>,
    now: string,
    lockedUntil: string,
  ): Promise<TableImportJobRow | undefined> {
    for (;;) {
      const due = await db
        .selectFrom('table_import_jobs')
        .select(['id', 'attempts'])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!due) return undefined;
      const taken = await db
        .updateTable('table_import_jobs')
        .set({
          status: 'running',
          locked_until: lockedUntil,
          attempts: Number(due.attempts) + 1,
          updated_at: now,
        })
        .where('id', '=', due.id)
        .where('attempts', '=', due.attempts)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return this.byId(db, due.id);
    }
  },

  /** Updates a running job; false when it is no longer this runner's (its lease was taken over). */
  async update(db: Db, id: string, attempts: number, changes: JobUpdate): Promise<boolean> {
    const result = await db
      .updateTable('table_import_jobs')
      .set(changes)
      .where('id', '=', id)
      .where('attempts', '=', attempts)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Asks a job to stop; a queued one is cancelled at once. False when it had already ended. */
  async requestCancel(db: Db, id: string, now: string): Promise<boolean> {
    await db
      .updateTable('table_import_jobs')
      .set({ status: 'cancelled', cancel_requested: 1, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    const result = await db
      .updateTable('table_import_jobs')
      .set({ cancel_requested: 1, updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['running', 'cancelled'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async cancelRequested(db: Db, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('table_import_jobs')
      .select('cancel_requested')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(row?.cancel_requested ?? 0) === 1;
  },

  async insertReportRows(db: Db, rows: TableImportJobReportRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto('table_import_job_rows')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['job_id', 'row_number']).doNothing())
        .execute();
  },

  /**
   * The newest finished dry run of the same owner (and view), upload, sheet and mapping as `job`:
   * the one whose stored plan an apply may take over.
   */
  async latestDryRun(db: Db, job: TableImportJobRow): Promise<TableImportJobRow | undefined> {
    let q = db
      .selectFrom('table_import_jobs')
      .selectAll()
      .where('kind', '=', 'dry_run')
      .where('status', '=', 'done')
      .where('user_id', '=', job.user_id)
      .where('principal', '=', job.principal)
      .where('upload_sha256', '=', job.upload_sha256)
      .where('mapping', '=', job.mapping);
    q = job.sheet === null ? q.where('sheet', 'is', null) : q.where('sheet', '=', job.sheet);
    return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  /** A job's report rows after `afterRow`, in row order, a page at a time (with their stored plan). */
  async rowsAfter(
    db: Db,
    jobId: string,
    afterRow: number,
    limit: number,
  ): Promise<TableImportJobReportRow[]> {
    return db
      .selectFrom('table_import_job_rows')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('row_number', '>', afterRow)
      .orderBy('row_number')
      .limit(limit)
      .execute();
  },

  /** Forgets a dry run's stored plan (its report stays): it was applied. */
  async dropPlan(db: Db, jobId: string): Promise<void> {
    await db.updateTable('table_import_job_rows').set({ plan: null }).where('job_id', '=', jobId).execute();
  },

  async deleteReportRows(db: Db, jobId: string): Promise<void> {
    await db.deleteFrom('table_import_job_rows').where('job_id', '=', jobId).execute();
  },

  /** How many rows of a job's report have each outcome. */
  async outcomeCounts(db: Db, jobId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('table_import_job_rows')
      .select(['outcome', (eb) => eb.fn.countAll().as('n')])
      .where('job_id', '=', jobId)
      .groupBy('outcome')
      .execute();
    return new Map(rows.map((r) => [r.outcome, Number(r.n)]));
  },

  /** A page of a job's report in row order, optionally of some outcomes only, and how many there are. */
  async reportPage(
    db: Db,
    jobId: string,
    page: { offset: number; limit: number; outcomes?: string[] },
  ): Promise<{ rows: TableImportJobReportRow[]; total: number }> {
    let q = db.selectFrom('table_import_job_rows').where('job_id', '=', jobId);
    if (page.outcomes?.length) q = q.where('outcome', 'in', page.outcomes);
    const rows = await q.selectAll().orderBy('row_number').limit(page.limit).offset(page.offset).execute();
    const count = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return { rows, total: Number(count?.n ?? 0) };
  },
};
