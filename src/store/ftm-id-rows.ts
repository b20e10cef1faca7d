import type { Kysely, Transaction } from 'kysely';
import type { CollectionName } from '../domain/collections.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/** The dataset of an import that names none, and of the ids imported before datasets (0016). */
export const DEFAULT_FTM_DATASET = 'default';

/** The record a FollowTheMoney id was imported as. */
export interface FtmIdTarget {
  collection: CollectionName;
  recordId: string;
}

/**
 * Rows of `ftm_ids` (0014, 0016): FollowTheMoney ids and the records they were imported as, per
 * dataset, since an id is unique only within the dataset that gave it.
 */
export const ftmIdRows = {
  async targets(db: Db, dataset: string, ftmIds: string[]): Promise<Map<string, FtmIdTarget>> {
    const out = new Map<string, FtmIdTarget>();
    const unique = [...new Set(ftmIds)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await db
        .selectFrom('ftm_ids')
        .selectAll()
        .where('dataset', '=', dataset)
        .where('ftm_id', 'in', unique.slice(i, i + CHUNK))
        .execute();
      for (const r of rows)
        out.set(r.ftm_id, { collection: r.collection as CollectionName, recordId: r.record_id });
    }
    return out;
  },

  /** Points each id at its record, replacing what it pointed at before (a person merged since). */
  async save(db: Db, dataset: string, rows: Array<{ ftmId: string } & FtmIdTarget>): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await db
        .deleteFrom('ftm_ids')
        .where('dataset', '=', dataset)
        .where(
          'ftm_id',
          'in',
          chunk.map((r) => r.ftmId),
        )
        .execute();
      await db
        .insertInto('ftm_ids')
        .values(
          chunk.map((r) => ({ dataset, ftm_id: r.ftmId, collection: r.collection, record_id: r.recordId })),
        )
        .execute();
    }
  },
};
