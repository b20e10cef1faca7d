import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../domain/collections.js';
import { notFound } from '../../domain/errors.js';
import type { AppContext } from '../context.js';

/** One record by id, or not_found. */
export async function readRecord({
  ctx,
  collection,
  id,
}: {
  ctx: AppContext;
  collection: CollectionName;
  id: string;
}): Promise<StoredRecord> {
  const record = await ctx.store.get(collection, id);
  if (!record) throw notFound(COLLECTIONS[collection].noun);
  return record;
}
