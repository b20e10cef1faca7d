import type { JobQueue } from '../store/job-queue.js';
import type { RecordStore } from '../store/record-store.js';

/** Who is acting: recorded in the audit log with every write. */
export interface Actor {
  /** Stable identifier: "user:<id>", "token:<id>", "cli:<os user>", "system". */
  id: string;
}

/** Argon2id cost: OWASP's minimum in production (19 MiB, 2 passes, 1 lane); tests lower it. */
export interface PasswordCost {
  memoryKiB: number;
  passes: number;
  lanes: number;
}

/** Security settings use cases need; read once at start (see src/config.ts). */
export interface AppSettings {
  password: PasswordCost;
  /** Failed logins for one account within `lockoutWindowMs` that lock it for the same time. */
  lockoutThreshold: number;
  lockoutWindowMs: number;
  /** How long a browser session lasts. */
  sessionTtlMs: number;
  /** Public counts below this are suppressed (shown as null). */
  publicMinCount: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  password: { memoryKiB: 19 * 1024, passes: 2, lanes: 1 },
  lockoutThreshold: 5,
  lockoutWindowMs: 15 * 60 * 1000,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  publicMinCount: 5,
};

/** What every use case needs; built once at start by the CLI or the server. */
export interface AppContext {
  store: RecordStore;
  settings: AppSettings;
  /** IANA zone in which deadlines are judged (VIGIL_TZ); Europe/Moscow when absent. */
  timeZone?: string;
  /** The clock, replaceable in tests; the system clock when absent. */
  now?: () => Date;
  /** Background ingestion jobs: in-process on SQLite, pg-boss on PostgreSQL. */
  jobs: JobQueue;
}
