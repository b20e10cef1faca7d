import { writeBatchOrEach } from './batch-or-each.js';
import type { RecordWriter } from './record-store.js';

/** One prepared job's writes, run inside a transaction that also marks the job done. */
export type JobWrite = (writer: RecordWriter) => Promise<void>;

/** A job whose preparation failed, with why. */
export interface JobFailure {
  failed: unknown;
}

/**
 * What jobs do with their sources, in two steps so that a batch of jobs commits together:
 * `prepare` reads and computes outside any transaction, for the whole batch at once (one read
 * of the batch's sources instead of one per job), and answers each job with its writes or its
 * failure, in order (a failed job fails alone; a throw fails the batch); `write` opens one
 * transaction in which the queue runs the prepared writes of a batch and marks those jobs done. A
 * job is thus marked done exactly when its work is kept: a worker killed before the commit leaves
 * the jobs to be retried, and the retry finds nothing half-done. One commit (and one turn of the
 * audit chain's lock) per batch instead of per job is what makes batches pay.
 */
export interface JobHandler {
  prepare(sourceIds: string[]): Promise<Array<JobWrite | JobFailure>>;
  write(run: (writer: RecordWriter) => Promise<void>): Promise<void>;
}

/** Where a source's extraction job is: waiting, running, finished or given up after its retries. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** The ingestion job queue: an in-process table on SQLite, pg-boss on PostgreSQL. */
export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /** Queues extraction of sources inside the caller's transaction (commits with the sources). */
  enqueueExtractions(writer: RecordWriter, sourceIds: string[]): Promise<void>;
  /** Runs every job that is due now, here, until none is left; returns how many ran. */
  drain(handler: JobHandler): Promise<number>;
  /** Processes jobs in the background until `stop`. */
  start(handler: JobHandler, options?: { concurrency?: number }): Promise<void>;
  stop(): Promise<void>;
  /** The state of the latest extraction job of a source, or undefined when none was queued. */
  stateOf(sourceId: string): Promise<{ state: JobState; attempts: number } | undefined>;
}

/** Safe text about a failure for the job table: the error's kind, never its message (it may hold data). */
export function failureOf(err: unknown): string {
  if (err && typeof err === 'object' && 'kind' in err)
    return `VigilError:${String((err as { kind: unknown }).kind)}`;
  return err instanceof Error ? err.name : 'unknown';
}

/**
 * Runs a batch of jobs: prepares each, then writes all prepared ones and marks them done in one
 * transaction. When that transaction fails, each job is written in its own, so that one bad job
 * does not hold back the others; a job whose preparation or own write fails is reported to `failed`.
 */
export async function runJobBatch<J extends { sourceId: string }>(
  handler: JobHandler,
  jobs: J[],
  complete: (writer: RecordWriter, jobs: J[]) => Promise<void>,
  failed: (job: J, err: unknown) => Promise<void>,
): Promise<void> {
  const prepared: { job: J; write: JobWrite }[] = [];
  let outcomes: Array<JobWrite | JobFailure>;
  try {
    outcomes = await handler.prepare(jobs.map((job) => job.sourceId));
  } catch (err) {
    for (const job of jobs) await failed(job, err);
    return;
  }
  for (const [i, job] of jobs.entries()) {
    const outcome = outcomes[i];
    if (typeof outcome === 'function') prepared.push({ job, write: outcome });
    else await failed(job, outcome?.failed);
  }
  await writeBatchOrEach(
    prepared,
    (batch) =>
      handler.write(async (writer) => {
        for (const { write } of batch) await write(writer);
        await complete(
          writer,
          batch.map((p) => p.job),
        );
      }),
    (one, err) => failed(one.job, err),
  );
}
