import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import { type JobHandler, type JobQueue, type JobState, runJobBatch } from './job-queue.js';
import type { RecordWriter } from './record-store.js';
import type { Database } from './schema.js';

const QUEUE = 'vigil-extract';
/** Jobs taken per fetch: one round trip claims several, so a busy worker never waits on the queue. */
const BATCH_SIZE = 10;
/** How long an idle worker waits before looking again; a busy one goes straight back for more. */
const IDLE_POLL_MS = 100;
const PG_STATES: Record<string, JobState> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'done',
  failed: 'failed',
  cancelled: 'failed',
};

export interface PgJobQueueOptions {
  /** postgres:// URL without the schema parameter. */
  url: string;
  /** Schema of pg-boss's own tables. */
  schema: string;
  /** Seconds a job may stay active before it is taken as lost (its worker killed) and retried. */
  expireInSeconds: number;
  /** How often expired jobs are looked for, seconds. */
  maintenanceIntervalSeconds: number;
}

/** pg-boss's way to run its statements inside our transaction: the job commits with our rows. */
function inTransaction(trx: Transaction<Database>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

/**
 * The job queue of a PostgreSQL deployment: pg-boss, so that any number of `vigil worker`
 * processes share the work. Jobs are sent and completed inside Vigil's transactions; a job whose
 * worker dies is expired by pg-boss's maintenance and retried.
 */
export class PgJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private started: Promise<void> | undefined;
  private loops: Promise<void>[] = [];
  private stopping = false;
  /** Ends the idle waits of the worker loops (on stop). */
  private readonly wake = new Set<() => void>();

  constructor(private readonly options: PgJobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: options.schema,
      max: 3,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
      schedule: false,
    });
    // pg-boss reports connection trouble as events; without a listener they would crash the process.
    this.boss.on('error', () => undefined);
  }

  /** Creates pg-boss's schema and the queue (idempotent); called before first use. */
  ready(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      const queue = await this.boss.getQueue(QUEUE);
      const settings = { retryLimit: 5, retryDelay: 1, expireInSeconds: this.options.expireInSeconds };
      if (!queue) await this.boss.createQueue(QUEUE, { name: QUEUE, ...settings });
      else await this.boss.updateQueue(QUEUE, { name: QUEUE, ...settings });
    })();
    return this.started;
  }

  async enqueueExtractions(writer: RecordWriter, sourceIds: string[]): Promise<void> {
    if (sourceIds.length === 0) return;
    await this.ready();
    // One statement for the lot; the queue's own retry and expiry settings apply to each job.
    await this.boss.insert(
      sourceIds.map((sourceId) => ({ name: QUEUE, data: { sourceId } })),
      { db: inTransaction(writer.trx) },
    );
  }

  /**
   * Runs fetched jobs as one batch: their drafts and their completion commit in one transaction;
   * a failed job is handed back to pg-boss for retry.
   */
  private runAll(handler: JobHandler, jobs: PgBoss.Job<{ sourceId: string }>[]): Promise<void> {
    return runJobBatch(
      handler,
      jobs.map((job) => ({ id: job.id, sourceId: job.data.sourceId })),
      async (writer, done) => {
        // pg-boss completes an array of ids wherever it takes one id; its types allow the array
        // only in the form without `data`, which would read our transaction as the job's data.
        const ids = done.map((job) => job.id) as unknown as string;
        await this.boss.complete(QUEUE, ids, {}, { db: inTransaction(writer.trx) });
      },
      async (job) => {
        await this.boss.fail(QUEUE, job.id);
      },
    );
  }

  private fetchBatch(): Promise<PgBoss.Job<{ sourceId: string }>[]> {
    return this.boss.fetch<{ sourceId: string }>(QUEUE, { batchSize: BATCH_SIZE });
  }

  async drain(handler: JobHandler): Promise<number> {
    await this.ready();
    let ran = 0;
    for (;;) {
      const jobs = await this.fetchBatch();
      if (jobs.length === 0) return ran;
      await this.runAll(handler, jobs);
      ran += jobs.length;
    }
  }

  /**
   * One worker loop: fetch a batch, run it, and go straight back while jobs come back; only an
   * empty queue (or a database error) makes it wait, and `stop` cuts that wait short. pg-boss's
   * own `work` waits a whole polling interval after every batch, which made one worker take about
   * two jobs a second however fast the jobs were.
   */
  private async loop(handler: JobHandler): Promise<void> {
    while (!this.stopping) {
      let jobs: PgBoss.Job<{ sourceId: string }>[] = [];
      try {
        jobs = await this.fetchBatch();
        await this.runAll(handler, jobs);
      } catch {
        // The database is unreachable: the jobs stay active and expire into a retry; wait and look again.
        jobs = [];
      }
      if (jobs.length === 0 && !this.stopping)
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.wake.delete(done);
            resolve();
          };
          const timer = setTimeout(done, IDLE_POLL_MS);
          this.wake.add(done);
        });
    }
  }

  async start(handler: JobHandler, options: { concurrency?: number } = {}): Promise<void> {
    await this.ready();
    this.stopping = false;
    for (let i = 0; i < (options.concurrency ?? 1); i++) this.loops.push(this.loop(handler));
  }

  async stateOf(sourceId: string): Promise<{ state: JobState; attempts: number } | undefined> {
    await this.ready();
    // pg-boss keeps live jobs in its job table (finished ones move to the archive later; by then the
    // draft exists, which is how callers tell that the work is done).
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `SELECT state, retry_count FROM "${this.options.schema}".job WHERE name = $1 AND data->>'sourceId' = $2 ORDER BY created_on DESC LIMIT 1`,
        [QUEUE, sourceId],
      );
    const row = rows[0] as { state: string; retry_count: number } | undefined;
    if (!row) return undefined;
    return {
      state: PG_STATES[row.state] ?? 'queued',
      attempts: Number(row.retry_count) + (row.state === 'created' ? 0 : 1),
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wake) wake();
    await Promise.all(this.loops);
    this.loops = [];
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
