import { DEFAULT_TIME_ZONE, localDate } from './domain/appeals/local-date.js';
import { invalid } from './domain/errors.js';

/** Settings read once at start from flags and the environment, validated, then passed down. */
export interface Config {
  /** SQLite file path or postgres:// URL. */
  db: string;
  host: string;
  port: number;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** IANA time zone in which deadlines are judged (an appeal is overdue from 00:00 local time). */
  timeZone: string;
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
  flags: { db?: string; port?: string; host?: string; tz?: string },
  env: NodeJS.ProcessEnv,
): Config {
  const timeZone = flags.tz || env.VIGIL_TZ || DEFAULT_TIME_ZONE;
  localDate(new Date(), timeZone); // refuses an unknown zone now rather than at the first deadline
  return {
    db: flags.db || env.VIGIL_DB || DEFAULT_DB,
    host: flags.host || env.VIGIL_HOST || '127.0.0.1',
    port: intFrom('port', flags.port ?? env.VIGIL_PORT, DEFAULT_PORT, 0, 65535),
    bodyLimit: intFrom('VIGIL_BODY_LIMIT', env.VIGIL_BODY_LIMIT, 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    timeZone,
  };
}
