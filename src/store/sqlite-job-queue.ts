import { newId } from '../domain/ids.js';
import { failureOf, type JobHandler, type JobQueue, type JobState, runJobBatch } from './job-queue.js';
import type { RecordStore, RecordWriter } from './record-store.js';

const KIND = 'extract';
const MAX_ATTEMPTS = 3;
/** How long a claimed job stays reserved; a job whose runner died is taken again after it. */
const LEASE_MS = 60_000;
const POLL_MS = 500;
/** Jobs claimed and committed together: one commit (one fsync) per batch instead of per job. */
const BATCH_SIZE = 10;

/**
 * The job queue of a single-process (SQLite) deployment: rows of the `jobs` table, run by the
 * server process itself. A job is claimed with a lease; it is marked done in the transaction that
 * writes its result.
 */
export class SqliteJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(private readonly store: RecordStore) {}

  async enqueueExtractions(writer: RecordWriter, sourceIds: string[]): Promise<void> {
    if (sourceIds.length === 0) return;
    await writer.trx
      .insertInto('jobs')
      .values(
        sourceIds.map((sourceId) => ({
          id: newId(),
          kind: KIND,
          source_id: sourceId,
          status: 'queued',
          attempts: 0,
          locked_until: null,
          last_error: null,
          created_at: writer.now,
          updated_at: writer.now,
        })),
      )
      .onConflict((oc) => oc.columns(['kind', 'source_id']).doNothing())
      .execute();
    this.kick();
  }

  /** Takes up to BATCH_SIZE of the oldest due jobs, in one transaction. */
  private async claim(): Promise<{ id: string; sourceId: string }[]> {
    const now = new Date();
    const db = this.store.handle.db;
    return db.transaction().execute(async (trx) => {
      const jobs = await trx
        .selectFrom('jobs')
        .select(['id', 'source_id'])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now.toISOString())]),
          ]),
        )
        .orderBy('id')
        .limit(BATCH_SIZE)
        .execute();
      if (jobs.length === 0) return [];
      await trx
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_until: new Date(now.getTime() + LEASE_MS).toISOString(),
          updated_at: now.toISOString(),
        }))
        .where(
          'id',
          'in',
          jobs.map((job) => job.id),
        )
        .execute();
      return jobs.map((job) => ({ id: job.id, sourceId: job.source_id }));
    });
  }

  /** Runs one claimed batch; returns how many jobs it held (0: none was due). */
  private async runBatch(handler: JobHandler): Promise<number> {
    const jobs = await this.claim();
    await runJobBatch(
      handler,
      jobs,
      async (writer, done) => {
        await writer.trx
          .updateTable('jobs')
          .set({ status: 'done', locked_until: null, updated_at: writer.now })
          .where(
            'id',
            'in',
            done.map((job) => job.id),
          )
          .execute();
      },
      async (job, err) => {
        const row = await this.store.handle.db
          .selectFrom('jobs')
          .select('attempts')
          .where('id', '=', job.id)
          .executeTakeFirst();
        await this.store.handle.db
          .updateTable('jobs')
          .set({
            status: (row?.attempts ?? MAX_ATTEMPTS) >= MAX_ATTEMPTS ? 'failed' : 'queued',
            locked_until: null,
            last_error: failureOf(err),
            updated_at: new Date().toISOString(),
          })
          .where('id', '=', job.id)
          .execute();
      },
    );
    return jobs.length;
  }

  async drain(handler: JobHandler): Promise<number> {
    let ran = 0;
    for (let n = await this.runBatch(handler); n > 0; n = await this.runBatch(handler)) ran += n;
    return ran;
  }

  private handler: JobHandler | undefined;

  async start(handler: JobHandler): Promise<void> {
    // This process is the only runner of an SQLite database: jobs left running by a crash are due again.
    await this.store.handle.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_until: null })
      .where('status', '=', 'running')
      .execute();
    this.handler = handler;
    this.stopped = false;
    this.kick();
  }

  /** Runs due jobs soon, a batch at a time; polls while started. */
  private kick() {
    if (this.stopped || !this.handler) return;
    if (this.timer) clearTimeout(this.timer);
    const handler = this.handler;
    this.timer = setTimeout(() => {
      this.running = this.running
        .then(() => this.drain(handler))
        .catch(() => undefined)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(() => this.kick(), POLL_MS);
        });
    }, 10);
  }

  async stateOf(sourceId: string): Promise<{ state: JobState; attempts: number } | undefined> {
    const row = await this.store.handle.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('kind', '=', KIND)
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
    return row ? { state: row.status as JobState, attempts: Number(row.attempts) } : undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
