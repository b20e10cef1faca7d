import { COLLECTION_NAMES } from '../../domain/collections.js';
import { addDataKey, openKeyRing, rewrapDataKeys } from '../../store/crypto/key-ring.js';
import type { OpenApp } from '../open-app.js';

export interface RotationResult {
  dataKeys: number;
  /** Records and submissions re-encrypted under a new data key (with `reencrypt`). */
  resealed: number;
}

/**
 * Rotates the master key: every data key is rewrapped under the new master key, in one
 * transaction, so sealed values (the audit chain's among them) stay valid. With `reencrypt`, a new
 * data key is made first and every record and intake submission is sealed again under it; audit
 * entries keep their sealed values (the hash chain covers them) and the old data keys stay in the
 * ring, wrapped under the new master key, to open them.
 */
export async function rotateKey({
  app,
  oldKey,
  newKey,
  reencrypt,
}: {
  app: OpenApp;
  oldKey: Uint8Array;
  newKey: Uint8Array;
  reencrypt: boolean;
}): Promise<RotationResult> {
  const { store } = app.ctx;
  let resealed = 0;
  if (reencrypt) {
    await addDataKey(store.handle.db, oldKey);
    const fresh = await openKeyRing(store.handle.db, oldKey);
    await store.write('cli:key-rotate', async (writer) => {
      for (const collection of COLLECTION_NAMES) {
        let after: string | undefined;
        for (;;) {
          const page = await writer.list(collection, { limit: 500, after });
          for (const record of page) {
            const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = record;
            const doc = JSON.stringify(fresh.sealFields(collection, fields));
            await writer.trx.updateTable(collection).set({ doc }).where('id', '=', id).execute();
            resealed++;
          }
          if (page.length < 500) break;
          after = page[page.length - 1].id;
        }
      }
      const submissions = await writer.trx
        .selectFrom('intake_submissions')
        .select(['id', 'sealed'])
        .execute();
      for (const row of submissions) {
        const sealed = fresh.seal(writer.cipher.open(row.sealed));
        await writer.trx.updateTable('intake_submissions').set({ sealed }).where('id', '=', row.id).execute();
        resealed++;
      }
      await writer.note({
        action: 'reencrypt',
        collection: '*',
        recordId: '*',
        before: undefined,
        after: { dataKey: fresh.activeKeyId, resealed },
      });
    });
  }
  const dataKeys = await rewrapDataKeys(store.handle.db, oldKey, newKey);
  return { dataKeys, resealed };
}
