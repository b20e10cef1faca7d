import { COLLECTIONS, type CollectionName } from '../../domain/collections.js';
import { notFound, VigilError } from '../../domain/errors.js';
import type { Actor, AppContext } from '../context.js';
import { staleVersion } from './record-updater.js';

export interface DeleteRecordProps {
  ctx: AppContext;
  actor: Actor;
  collection: CollectionName;
  id: string;
  /** When given, the delete only happens if the record is still at this version. */
  version?: number;
}

/** Deletes a record nothing else refers to; a referenced record gets 409 with who refers to it. */
export async function deleteRecord({
  ctx,
  actor,
  collection,
  id,
  version,
}: DeleteRecordProps): Promise<void> {
  const spec = COLLECTIONS[collection];
  await ctx.store.write(actor.id, async (writer) => {
    const before = await writer.get(collection, id);
    if (!before) throw notFound(spec.noun);
    if (version !== undefined && before.version !== version) throw staleVersion(spec.noun, before.version);
    const referrers = await writer.referrers(collection, id);
    if (referrers.length) {
      throw new VigilError('conflict', `the ${spec.noun} is still referred to by other records`, {
        referrers,
      });
    }
    if (!(await writer.remove(collection, before))) throw staleVersion(spec.noun, before.version);
  });
}
