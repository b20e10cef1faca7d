import type { JobQueue } from '../store/job-queue.js';
import type { RecordStore } from '../store/record-store.js';

/** Who is acting: recorded in the audit log with every write. */
export interface Actor {
  /** Stable identifier: "user:<id>", "token:<id>", "cli:<os user>", "system". */
  id: string;
}

/** What every use case needs; built once at start by the CLI or the server. */
export interface AppContext {
  store: RecordStore;
  /** Background ingestion jobs: in-process on SQLite, pg-boss on PostgreSQL. */
  jobs: JobQueue;
}
