import { isPostgresUrl, type OpenOptions, openDatabase } from '../store/database.js';
import type { JobQueue } from '../store/job-queue.js';
import { migrateToLatest } from '../store/migrate.js';
import { PgJobQueue } from '../store/pg-job-queue.js';
import { RecordStore } from '../store/record-store.js';
import { SqliteJobQueue } from '../store/sqlite-job-queue.js';
import type { AppContext } from './context.js';

export interface OpenApp {
  ctx: AppContext;
  close: () => Promise<void>;
}

export interface AppOptions extends OpenOptions {
  /** PostgreSQL job queue timing: how long an active job may run before it counts as lost. */
  jobExpireSeconds?: number;
  /** How often lost jobs are looked for, seconds. */
  jobMaintenanceSeconds?: number;
}

/** The schema of pg-boss's tables beside Vigil's: `<schema>_jobs`, or `vigil_jobs` beside public. */
export function jobSchemaOf(schema: string | undefined): string {
  return !schema || schema === 'public' ? 'vigil_jobs' : `${schema}_jobs`;
}

/** Opens the database at `url`, brings its schema up to date, and returns the app context. */
export async function openApp(url: string, options: AppOptions = {}): Promise<OpenApp> {
  const handle = await openDatabase(url, options);
  try {
    await migrateToLatest(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const store = new RecordStore(handle);
  let jobs: JobQueue;
  if (isPostgresUrl(url)) {
    const plain = new URL(url);
    plain.searchParams.delete('schema');
    jobs = new PgJobQueue({
      url: plain.toString(),
      schema: jobSchemaOf(handle.schema),
      expireInSeconds: options.jobExpireSeconds ?? 300,
      maintenanceIntervalSeconds: options.jobMaintenanceSeconds ?? 30,
    });
  } else jobs = new SqliteJobQueue(store);
  return {
    ctx: { store, jobs },
    close: async () => {
      await jobs.stop();
      await handle.close();
    },
  };
}
