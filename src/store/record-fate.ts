import type { Kysely, Transaction } from 'kysely';
import type { CollectionName } from '../domain/collections.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What became of a record that is no longer there. */
export type RecordFate =
  | { fate: 'merged'; into: string }
  | { fate: 'deleted' }
  /** No removal is in the audit log (a record never written to this database). */
  | { fate: 'unknown' };

/** Merges followed at most, in case the log held a cycle (a merge, a split, a merge back). */
const MAX_HOPS = 20;

/**
 * What became of a record missing from its collection, read from the audit log: a person merge
 * removes the other person (`merge-remove`) and notes `{ mergedId }` → `{ keptId }`, which is
 * followed (through later merges) to the record that survives; any other removal is a deletion.
 */
export async function recordFate(db: Db, collection: CollectionName, id: string): Promise<RecordFate> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const removal = await db
      .selectFrom('audit_events')
      .select(['seq', 'action'])
      .where('collection', '=', collection)
      .where('record_id', '=', current)
      .where('after_doc', 'is', null)
      .where('before_doc', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!removal) return { fate: 'unknown' };
    if (removal.action !== 'merge-remove') return { fate: 'deleted' };
    const note = await db
      .selectFrom('audit_events')
      .select('after_doc')
      .where('collection', '=', collection)
      .where('action', '=', 'merge')
      .where('kind', '=', 'note')
      .where('seq', '>', removal.seq)
      .where('before_doc', 'like', `%"mergedId":${JSON.stringify(current)}%`)
      .orderBy('seq', 'asc')
      .limit(1)
      .executeTakeFirst();
    const kept = note?.after_doc ? (JSON.parse(note.after_doc) as { keptId?: unknown }).keptId : undefined;
    if (typeof kept !== 'string') return { fate: 'deleted' };
    const alive = await db.selectFrom(collection).select('id').where('id', '=', kept).executeTakeFirst();
    if (alive) return { fate: 'merged', into: kept };
    current = kept;
  }
  return { fate: 'deleted' };
}
