import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Statements with more parameters are bulk writes or long id lists: rarely run twice with the same text. */
const MAX_PARAMETERS = 32;
/** Distinct statements this process prepares at most; each holds a plan in every pooled connection. */
const MAX_NAMED = 500;
/** PostgreSQL's "cached plan must not change result type": a table's columns changed under the statement. */
const PLAN_CHANGED = '0A000';

/**
 * A pool for Kysely whose clients run repeated statements as named prepared statements: PostgreSQL
 * then parses and plans them once per connection instead of on every call, which in the bench
 * takes about 40% off its CPU time per GET by id. Only statements with parameters are named
 * (reads and writes of records run again with other values; DDL has none), and at most MAX_NAMED
 * of them per process.
 */
export function withNamedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string, count: number): string | undefined => {
    if (count === 0 || count > MAX_PARAMETERS) return undefined;
    let name = names.get(text);
    if (!name && names.size < MAX_NAMED) {
      name = `vigil_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  // Kysely keeps one connection object per client it is given: hand it the same wrapper each time.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // Bumped when a migration (in any process) changed a prepared statement's result columns: the
    // statements are then prepared again under new names on this connection.
    let generation = 0;
    const run = (text: string, values: unknown[]) => {
      const name = nameOf(text, values.length);
      return name
        ? client.query({ name: `${name}_${generation}`, text, values })
        : client.query(text, values);
    };
    // Kysely's client type also has a cursor overload, which Vigil never uses (no cursor is configured).
    const wrapper = {
      async query(text: string, parameters: ReadonlyArray<unknown>) {
        const values = [...parameters];
        try {
          return await run(text, values);
        } catch (err) {
          if ((err as { code?: unknown }).code !== PLAN_CHANGED) throw err;
          generation++;
          // Outside a transaction the statement simply runs again; inside one the transaction has
          // already failed, the retry fails too, and the caller gets the error that failed it.
          return run(text, values).catch(() => {
            throw err;
          });
        }
      },
      release: (destroy?: boolean) => client.release(destroy),
    } as unknown as PostgresPoolClient;
    wrappers.set(client, wrapper);
    return wrapper;
  };
  return {
    async connect() {
      const client = await pool.connect();
      return wrappers.get(client) ?? wrap(client);
    },
    end: () => pool.end(),
  };
}
