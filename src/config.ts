import { invalid } from './domain/errors.js';

/** Settings read once at start from flags and the environment, validated, then passed down. */
export interface Config {
  /** SQLite file path or postgres:// URL. */
  db: string;
  host: string;
  port: number;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** Largest report file ingested, bytes (VIGIL_UPLOAD_LIMIT, default 20 MB). */
  maxUploadBytes: number;
  /** PostgreSQL jobs: seconds before an active job counts as lost (its worker died) and is retried. */
  jobExpireSeconds: number;
  /** PostgreSQL jobs: how often lost jobs are looked for, seconds. */
  jobMaintenanceSeconds: number;
  /** Drills only: pause (ms) inside each job before it commits, so a worker can be killed mid-job. */
  jobPauseMs: number;
}

export const DEFAULT_DB = './vigil.db';
export const DEFAULT_PORT = 8080;

function intFrom(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}`, [
      { path: `/${name}`, message: 'out of range' },
    ]);
  }
  return n;
}

/** The configuration for this process: flags win over VIGIL_* variables, which win over defaults. */
export function loadConfig(
  flags: { db?: string; port?: string; host?: string },
  env: NodeJS.ProcessEnv,
): Config {
  return {
    db: flags.db || env.VIGIL_DB || DEFAULT_DB,
    host: flags.host || env.VIGIL_HOST || '127.0.0.1',
    port: intFrom('port', flags.port ?? env.VIGIL_PORT, DEFAULT_PORT, 0, 65535),
    bodyLimit: intFrom('VIGIL_BODY_LIMIT', env.VIGIL_BODY_LIMIT, 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxUploadBytes: intFrom(
      'VIGIL_UPLOAD_LIMIT',
      env.VIGIL_UPLOAD_LIMIT,
      20 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    jobExpireSeconds: intFrom('VIGIL_JOB_EXPIRE_SECONDS', env.VIGIL_JOB_EXPIRE_SECONDS, 300, 1, 86_400),
    jobMaintenanceSeconds: intFrom(
      'VIGIL_JOB_MAINTENANCE_SECONDS',
      env.VIGIL_JOB_MAINTENANCE_SECONDS,
      30,
      1,
      3600,
    ),
    jobPauseMs: intFrom('VIGIL_JOB_PAUSE_MS', env.VIGIL_JOB_PAUSE_MS, 0, 0, 600_000),
  };
}
