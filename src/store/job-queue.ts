import type { RecordWriter } from './record-store.js';

/**
 * What a job does with one source. It must call `complete` inside the same transaction that
 * writes its result, so that a job is marked done exactly when its work is kept: a worker killed
 * before the commit leaves the job to be retried, and the retry finds nothing half-done.
 */
export type JobHandler = (
  sourceId: string,
  complete: (writer: RecordWriter) => Promise<void>,
) => Promise<void>;

/** Where a source's extraction job is: waiting, running, finished or given up after its retries. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** The ingestion job queue: an in-process table on SQLite, pg-boss on PostgreSQL. */
export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /** Queues extraction of a source inside the caller's transaction (commits with the source). */
  enqueueExtraction(writer: RecordWriter, sourceId: string): Promise<void>;
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
