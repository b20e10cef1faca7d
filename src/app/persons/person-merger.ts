import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../domain/collections.js';
import { invalid, notFound, VigilError } from '../../domain/errors.js';
import type { ExternalId } from '../../domain/schemas/person.js';
import type { Actor, AppContext } from '../context.js';
import { patchInTransaction } from '../records/record-updater.js';

export interface MergePersonsProps {
  ctx: AppContext;
  actor: Actor;
  /** The person that stays. */
  personId: string;
  /** The person merged into it and then removed. */
  otherId: string;
}

/** Every string equal to `from` in a record's fields, replaced by `to` (ids are unique, so nothing else matches). */
export function replaceId(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return [...new Set(value.map((v) => replaceId(v, from, to)))];
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceId(v, from, to)]));
  return value;
}

function fieldsOf(record: StoredRecord): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...fields } = record;
  return fields;
}

/**
 * Merges two persons found to be one: every record that points to the other (claims,
 * involvements, acts, appeals) is moved to the kept person, names and history are combined,
 * missing fields filled, and the other is deleted — each step in the audit log, in one
 * transaction, so no claim is lost and the merge can be traced and split again.
 */
export async function mergePersons({
  ctx,
  actor,
  personId,
  otherId,
}: MergePersonsProps): Promise<StoredRecord> {
  if (personId === otherId)
    throw invalid('a person cannot be merged with itself', [
      { path: '/otherId', message: 'is the same person' },
    ]);
  return ctx.store.write(actor.id, async (writer) => {
    const keep = await writer.get('persons', personId);
    const other = await writer.get('persons', otherId);
    if (!keep) throw notFound('person');
    if (!other) throw notFound('other person');
    const referrers = await writer.trx
      .selectFrom('refs')
      .select(['from_collection', 'from_id'])
      .distinct()
      .where('to_collection', '=', 'persons')
      .where('to_id', '=', otherId)
      .execute();
    const moved: Array<{ collection: string; id: string }> = [];
    for (const ref of referrers) {
      const collection = ref.from_collection as CollectionName;
      if (!(collection in COLLECTIONS) || (collection === 'persons' && ref.from_id === otherId)) continue;
      const record = await writer.get(collection, ref.from_id);
      if (!record) continue;
      const fields = fieldsOf(record);
      const changes = replaceId(fields, otherId, personId) as Record<string, unknown>;
      await patchInTransaction(writer, collection, record, changes, actor.id, 'merge-move');
      moved.push({ collection, id: record.id });
    }
    const keepFields = fieldsOf(keep);
    const otherFields = fieldsOf(other);
    const names = [...(keep.names as Array<{ value: string }>)];
    for (const n of other.names as Array<{ value: string }>)
      if (!names.some((m) => m.value === n.value)) names.push(n);
    const merged: Record<string, unknown> = { ...otherFields, ...keepFields, names: names.slice(0, 50) };
    const history = [
      ...((keep.statusHistory as unknown[]) ?? []),
      ...((other.statusHistory as unknown[]) ?? []),
    ];
    if (history.length) merged.statusHistory = history.slice(0, 500);
    // The other's ids in outside lists stay with the man, so the lists' next versions find him.
    const externalIds = [...((keep.externalIds as ExternalId[] | undefined) ?? [])];
    for (const e of (other.externalIds as ExternalId[] | undefined) ?? [])
      if (!externalIds.some((k) => k.system === e.system && k.value === e.value)) externalIds.push(e);
    if (externalIds.length) merged.externalIds = externalIds.slice(0, 50);
    const current = await writer.get('persons', personId);
    if (!current) throw notFound('person');
    const after = await patchInTransaction(writer, 'persons', current, merged, actor.id, 'merge');
    const otherNow = await writer.get('persons', otherId);
    if (!otherNow || !(await writer.remove('persons', otherNow, 'merge-remove')))
      throw new VigilError('conflict', 'the other person changed during the merge');
    await writer.note({
      action: 'merge',
      collection: 'persons',
      recordId: personId,
      before: { merged: otherFields, mergedId: otherId },
      after: { keptId: personId, moved },
    });
    return after;
  });
}
