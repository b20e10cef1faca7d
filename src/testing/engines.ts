import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { jobSchemaOf, type OpenApp, openApp } from '../app/open-app.js';
import { dropPostgresSchema, type Engine, withSchemaChangeLock } from '../store/database.js';
import { TEST_KEY, TEST_SETTINGS } from './keys.js';

/** The PostgreSQL server tests use; each test suite makes and drops its own schema there. */
export const TEST_PG_URL = process.env.VIGIL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** With VIGIL_TEST_REQUIRE_PG=1 (as in CI) an unreachable PostgreSQL fails the run instead of skipping. */
const requirePg = process.env.VIGIL_TEST_REQUIRE_PG === '1';

async function postgresReachable(): Promise<boolean> {
  // Generous: on a loaded machine (parallel suites on two cores) a healthy server can take seconds
  // to accept, and a false "does not answer" fails the whole file when PostgreSQL is required.
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 20_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether PostgreSQL answered when the tests started. */
export const pgAvailable = await postgresReachable();
if (!pgAvailable && requirePg) {
  throw new Error(`PostgreSQL is required (VIGIL_TEST_REQUIRE_PG=1) but ${TEST_PG_URL} does not answer`);
}

/** A fresh, migrated, empty database on one engine, removed again after the suite. */
export interface EngineDb {
  engine: Engine;
  /** The path or URL (with `?schema=` on PostgreSQL) that opens this database, for subprocesses. */
  url: string;
  app: OpenApp;
}

export async function createEngineDb(engine: Engine): Promise<{ db: EngineDb; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-test-'));
    const url = join(dir, 'test.db');
    const app = await openApp(url, { key: TEST_KEY, settings: TEST_SETTINGS });
    return {
      db: { engine, url, app },
      drop: async () => {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `vigil_t_${randomBytes(6).toString('hex')}`;
  const app = await openApp(TEST_PG_URL, { schema, key: TEST_KEY, settings: TEST_SETTINGS });
  return {
    db: { engine, url: `${TEST_PG_URL}?schema=${schema}`, app },
    drop: async () => {
      await app.close();
      await dropPostgresSchema(TEST_PG_URL, schema);
      await dropPostgresSchema(TEST_PG_URL, jobSchemaOf(schema));
    },
  };
}

/**
 * Runs the same suite on SQLite and on PostgreSQL, each with its own fresh database. Where
 * PostgreSQL is not reachable its half is skipped, unless VIGIL_TEST_REQUIRE_PG=1.
 */
export function describeEachEngine(title: string, suite: (db: () => EngineDb) => void): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const skip = engine === 'postgres' && !pgAvailable ? `PostgreSQL not reachable at ${TEST_PG_URL}` : false;
    describe(`${title} [${engine}]`, { skip }, () => {
      let current: { db: EngineDb; drop: () => Promise<void> } | undefined;
      before(async () => {
        current = await createEngineDb(engine);
      });
      after(async () => {
        await current?.drop();
      });
      suite(() => {
        if (!current) throw new Error('database not ready');
        return current.db;
      });
    });
  }
}

/**
 * Runs a test's own schema changes (replaying a migration) under the lock migrations hold, so
 * that other suites' migrators, which read every schema of the shared PostgreSQL database, never
 * see a table or column vanish under them.
 */
export function asSchemaChange<T>(db: EngineDb, work: () => Promise<T>): Promise<T> {
  return db.engine === 'postgres' ? withSchemaChangeLock(db.app.ctx.store.handle, work) : work();
}
