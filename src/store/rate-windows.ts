import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The stored form of a client address: a digest, so that the table does not list addresses. */
function clientKey(address: string): string {
  return createHash('sha256').update(address).digest('base64url');
}

/**
 * Counts one hit of `address` on `bucket` and returns the hits in its fixed window, this one
 * included. One statement both reads and moves the counter, so hits on every server process over
 * the same database add up and parallel hits each get a distinct number. A window older than
 * `windowMs` starts again at one.
 */
export async function countHit(
  db: Kysely<Database>,
  bucket: string,
  address: string,
  now: Date,
  windowMs: number,
): Promise<number> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('rate_windows')
    .values({ bucket, client: clientKey(address), window_start: at, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'client']).doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when('rate_windows.window_start', '<=', since)
          .then(1)
          .else(eb('rate_windows.hits', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('rate_windows.window_start', '<=', since)
          .then(at)
          .else(eb.ref('rate_windows.window_start'))
          .end(),
      })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** Drops the rows of `bucket` whose window ended before `now`. */
export async function pruneWindows(
  db: Kysely<Database>,
  bucket: string,
  now: Date,
  windowMs: number,
): Promise<void> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  await db
    .deleteFrom('rate_windows')
    .where('bucket', '=', bucket)
    .where('window_start', '<=', since)
    .execute();
}
