import type { Kysely, Transaction } from 'kysely';
import type { CollectionName } from '../domain/collections.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/** The record a FollowTheMoney id was imported as. */
export interface FtmIdTarget {
  collection: CollectionName;
  recordId: string;
}

/** Rows of `ftm_ids` (0014): FollowTheMoney ids and the records they were imported as. */
export const ftmIdRows = {
  async targets(db: Db, ftmIds: string[]): Promise<Map<string, FtmIdTarget>> {
    const out = new Map<string, FtmIdTarget>();
    const unique = [...new Set(ftmIds)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await db
        .selectFrom('ftm_ids')
        .selectAll()
        .where('ftm_id', 'in', unique.slice(i, i + CHUNK))
        .execute();
      for (const r of rows)
        out.set(r.ftm_id, { collection: r.collection as CollectionName, recordId: r.record_id });
    }
    return out;
  },

  /** Points each id at its record, replacing what it pointed at before (a record since deleted). */
  async save(db: Db, rows: Array<{ ftmId: string } & FtmIdTarget>): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await db
        .deleteFrom('ftm_ids')
        .where(
          'ftm_id',
          'in',
          chunk.map((r) => r.ftmId),
        )
        .execute();
      await db
        .insertInto('ftm_ids')
        .values(chunk.map((r) => ({ ftm_id: r.ftmId, collection: r.collection, record_id: r.recordId })))
        .execute();
    }
  },
};
