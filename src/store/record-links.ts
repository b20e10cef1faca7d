import type { Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName, referencesOf, type StoredRecord } from '../domain/collections.js';
import type { Database, ExternalIdRow, RefRow } from './schema.js';

/** Rows per multi-row statement: well under SQLite's limit of 32766 bound parameters. */
const BATCH = 500;

/**
 * Removes the references and external ids records had, before they are written anew (or the
 * records are deleted), in the caller's transaction.
 */
export async function forgetLinks(
  trx: Transaction<Database>,
  collection: CollectionName,
  ids: string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    await trx
      .deleteFrom('refs')
      .where('from_collection', '=', collection)
      .where('from_id', 'in', part)
      .execute();
    if (COLLECTIONS[collection].externalIds)
      await trx
        .deleteFrom('external_ids')
        .where('collection', '=', collection)
        .where('record_id', 'in', part)
        .execute();
  }
}

/**
 * Indexes what records point to (`refs`, so that a referenced record is not deleted) and the
 * ids they carry from other systems (`external_ids`), in the caller's transaction.
 */
export async function writeLinks(
  trx: Transaction<Database>,
  collection: CollectionName,
  records: StoredRecord[],
): Promise<void> {
  const spec = COLLECTIONS[collection];
  const refs = new Map<string, RefRow>();
  const externalIds = new Map<string, ExternalIdRow>();
  for (const record of records) {
    for (const r of referencesOf(spec, record))
      refs.set(`${record.id}\u0000${r.field}\u0000${r.collection}\u0000${r.id}`, {
        from_collection: collection,
        from_id: record.id,
        field: r.field,
        to_collection: r.collection,
        to_id: r.id,
      });
    for (const { system, value } of spec.externalIds?.(record) ?? [])
      externalIds.set(`${record.id}\u0000${system}\u0000${value}`, {
        collection,
        system,
        value,
        record_id: record.id,
      });
  }
  const refRows = [...refs.values()];
  for (let i = 0; i < refRows.length; i += BATCH)
    await trx
      .insertInto('refs')
      .values(refRows.slice(i, i + BATCH))
      .execute();
  const idRows = [...externalIds.values()];
  for (let i = 0; i < idRows.length; i += BATCH)
    await trx
      .insertInto('external_ids')
      .values(idRows.slice(i, i + BATCH))
      .execute();
}
