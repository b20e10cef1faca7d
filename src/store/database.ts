import { closeSync, existsSync, openSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { withNamedStatements } from './pg-named-statements.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  engine: Engine;
  db: Kysely<Database>;
  /** Where the data lives, with any password removed: safe to print. */
  location: string;
  /** PostgreSQL schema holding Vigil's tables. */
  schema?: string;
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); also `?schema=` in the URL. Tests use one per suite. */
  schema?: string;
}

/** Is this database URL a PostgreSQL one (otherwise it is an SQLite file path)? */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

// PostgreSQL returns BIGINT (e.g. COUNT) as text by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** Opens SQLite (a file path) or PostgreSQL (a postgres:// URL). Migrations are run separately. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (isPostgresUrl(url)) return openPostgres(url, options);
  return openSqlite(url);
}

function openSqlite(path: string): DatabaseHandle {
  // The file holds case data: made private (0600) before SQLite opens it. SQLite gives the WAL and
  // shared-memory files it creates beside it the database file's permissions.
  if (path !== ':memory:' && !existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const raw = new SqliteDatabase(path);
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit
  // durable even on power loss, not only on a process crash.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  // Reads through a memory map instead of a read call per page: a search over a common surname at
  // 1M persons looks up thousands of scattered rows, and those calls were most of its time.
  raw.pragma('mmap_size = 1073741824');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    engine: 'sqlite',
    db,
    location: path,
    close: () => db.destroy(),
  };
}

/**
 * Reuses prepared statements: Kysely prepares every query anew, and preparing costs as much as
 * running a point query. Safe because the driver runs one statement at a time to completion.
 */
function withStatementCache(raw: SqliteDatabase.Database, size = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert below: the Map's order is the recency order
      } else {
        statement = raw.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  // `?schema=name` in the URL keeps Vigil's tables in their own schema of a shared database.
  const parsed = new URL(url);
  const schema = options.schema ?? (parsed.searchParams.get('schema') || undefined);
  parsed.searchParams.delete('schema');
  url = parsed.toString();
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid PostgreSQL schema name');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withNamedStatements(pool) }),
  });
  if (schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
  parsed.password = '';
  if (schema) parsed.searchParams.set('schema', schema);
  return {
    engine: 'postgres',
    db,
    location: parsed.toString(),
    schema: schema ?? 'public',
    close: () => db.destroy(),
  };
}

/**
 * Key of the PostgreSQL advisory lock held while schemas are migrated or dropped. Kysely's
 * migrator introspects every schema of the database, and fails if another process drops one
 * at that moment (several Vigil instances or test runs sharing a database).
 */
const SCHEMA_CHANGE_LOCK = 7012;

/** Runs `work` while this database session holds the schema-change lock. */
export async function withSchemaChangeLock<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  return handle.db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${SCHEMA_CHANGE_LOCK})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${SCHEMA_CHANGE_LOCK})`.execute(connection);
    }
  });
}

/** Drops a PostgreSQL schema and everything in it, under the schema-change lock. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid PostgreSQL schema name');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_CHANGE_LOCK]);
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
