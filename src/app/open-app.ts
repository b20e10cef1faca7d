import { openAuditKey, openKeyRing } from '../store/crypto/key-ring.js';
import { isPostgresUrl, type OpenOptions, openDatabase } from '../store/database.js';
import type { JobQueue } from '../store/job-queue.js';
import { migrateToLatest } from '../store/migrate.js';
import { PgJobQueue } from '../store/pg-job-queue.js';
import { RecordStore } from '../store/record-store.js';
import { SqliteJobQueue } from '../store/sqlite-job-queue.js';
import { type AppContext, type AppSettings, DEFAULT_SETTINGS } from './context.js';

export interface OpenApp {
  ctx: AppContext;
  close: () => Promise<void>;
}

export interface OpenAppOptions extends OpenOptions {
  /** The master key (32 bytes). Required: Vigil never runs without encryption. */
  key: Uint8Array;
  settings?: Partial<AppSettings>;
  /** PostgreSQL job queue timing: how long an active job may run before it counts as lost. */
  jobExpireSeconds?: number;
  /** How often lost jobs are looked for, seconds. */
  jobMaintenanceSeconds?: number;
}

/** The schema of pg-boss's tables beside Vigil's: `<schema>_jobs`, or `vigil_jobs` beside public. */
export function jobSchemaOf(schema: string | undefined): string {
  return !schema || schema === 'public' ? 'vigil_jobs' : `${schema}_jobs`;
}

/**
 * Opens the database at `url`, brings its schema up to date, opens its data keys with the
 * master key (a wrong key throws KeyError before anything is written), and returns the context.
 */
export async function openApp(url: string, options: OpenAppOptions): Promise<OpenApp> {
  const handle = await openDatabase(url, options);
  let store: RecordStore;
  try {
    await migrateToLatest(handle);
    const cipher = await openKeyRing(handle.db, options.key);
    store = new RecordStore(handle, cipher, await openAuditKey(handle.db, options.key));
  } catch (err) {
    await handle.close();
    throw err;
  }
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
    ctx: { store, jobs, settings: { ...DEFAULT_SETTINGS, ...options.settings } },
    close: async () => {
      await jobs.stop();
      await handle.close();
    },
  };
}
