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
  /** Key file path from --key-file (VIGIL_KEY_FILE and VIGIL_KEY are read by the key loader). */
  keyFile?: string;
  /** Public counts below this are suppressed. */
  publicMinCount: number;
  /** Argon2id memory cost in KiB; lowered only by test scripts. */
  argon2MemoryKiB: number;
  argon2Passes: number;
  /** Trust X-Forwarded-* from a reverse proxy (for HTTPS detection and client addresses). */
  trustProxy: boolean;
  /** IANA time zone in which deadlines are judged (an appeal is overdue from 00:00 local time). */
  timeZone: string;
  /** Largest report file ingested, bytes (VIGIL_UPLOAD_LIMIT, default 20 MB). */
  maxUploadBytes: number;
  /** PostgreSQL jobs: seconds before an active job counts as lost (its worker died) and is retried. */
  jobExpireSeconds: number;
  /** PostgreSQL jobs: how often lost jobs are looked for, seconds. */
  jobMaintenanceSeconds: number;
  /** Drills only: pause (ms) inside each job (and table import) before it commits, so it can be killed mid-way. */
  jobPauseMs: number;
  /** Telegram exports (VIGIL_TELEGRAM_*_LIMIT): archive bytes, messages, bytes of one photo or file. */
  telegram: { maxArchiveBytes: number; maxMessages: number; maxMediaBytes: number };
  /** Map tiles for deployments with a tile server: an http(s) URL template with {z}, {x} and {y}. */
  tileUrl?: string;
  /** The credit line the tile server requires, shown on the map. */
  tileAttribution?: string;
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

/** A tile URL template, checked now so that a typo stops the start rather than blanking the map. */
function tileUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let ok = /^https?:\/\//.test(value) && ['{z}', '{x}', '{y}'].every((p) => value.includes(p));
  try {
    new URL(value.replace(/\{[a-z]\}/g, '0'));
  } catch {
    ok = false;
  }
  if (!ok)
    throw invalid('VIGIL_TILE_URL must be an http(s) URL template with {z}, {x} and {y}', [
      { path: '/VIGIL_TILE_URL', message: 'not a tile URL template' },
    ]);
  return value;
}

/** Limits on Telegram exports (archive bytes, messages, bytes of one photo or file) from VIGIL_TELEGRAM_*_LIMIT. */
export function telegramLimitsFrom(env: NodeJS.ProcessEnv): Config['telegram'] {
  return {
    maxArchiveBytes: intFrom(
      'VIGIL_TELEGRAM_ARCHIVE_LIMIT',
      env.VIGIL_TELEGRAM_ARCHIVE_LIMIT,
      200 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    maxMessages: intFrom(
      'VIGIL_TELEGRAM_MESSAGE_LIMIT',
      env.VIGIL_TELEGRAM_MESSAGE_LIMIT,
      100_000,
      1,
      10_000_000,
    ),
    maxMediaBytes: intFrom(
      'VIGIL_TELEGRAM_MEDIA_LIMIT',
      env.VIGIL_TELEGRAM_MEDIA_LIMIT,
      20 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
  };
}

/** The configuration for this process: flags win over VIGIL_* variables, which win over defaults. */
export function loadConfig(
  flags: { db?: string; port?: string; host?: string; 'key-file'?: string; tz?: string },
  env: NodeJS.ProcessEnv,
): Config {
  const timeZone = flags.tz || env.VIGIL_TZ || DEFAULT_TIME_ZONE;
  localDate(new Date(), timeZone); // refuses an unknown zone now rather than at the first deadline
  return {
    keyFile: flags['key-file'],
    publicMinCount: intFrom('VIGIL_PUBLIC_MIN_COUNT', env.VIGIL_PUBLIC_MIN_COUNT, 5, 1, 1_000_000),
    // OWASP's minimum for argon2id is 19 MiB with 2 passes; lower values are refused outside tests.
    argon2MemoryKiB: intFrom(
      'VIGIL_ARGON2_MEMORY_KIB',
      env.VIGIL_ARGON2_MEMORY_KIB,
      19 * 1024,
      env.VIGIL_TEST_WEAK_HASHING === '1' ? 8 : 19 * 1024,
      4 * 1024 * 1024,
    ),
    argon2Passes: intFrom(
      'VIGIL_ARGON2_PASSES',
      env.VIGIL_ARGON2_PASSES,
      2,
      env.VIGIL_TEST_WEAK_HASHING === '1' ? 1 : 2,
      100,
    ),
    trustProxy: env.VIGIL_TRUST_PROXY === '1',
    db: flags.db || env.VIGIL_DB || DEFAULT_DB,
    host: flags.host || env.VIGIL_HOST || '127.0.0.1',
    port: intFrom('port', flags.port ?? env.VIGIL_PORT, DEFAULT_PORT, 0, 65535),
    bodyLimit: intFrom('VIGIL_BODY_LIMIT', env.VIGIL_BODY_LIMIT, 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    timeZone,
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
    telegram: telegramLimitsFrom(env),
    tileUrl: tileUrlFrom(env.VIGIL_TILE_URL),
    tileAttribution: env.VIGIL_TILE_ATTRIBUTION || undefined,
  };
}
