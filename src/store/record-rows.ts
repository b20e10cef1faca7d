import { type Kysely, sql, type Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName, type StoredRecord } from '../domain/collections.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import { columnOf, type Database, type RecordRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A page of a collection: equality filters, a page size and the id to start after. */
export interface ListQuery {
  /** Equality filters on the collection's filter fields. */
  filters?: Record<string, string>;
  limit: number;
  /** Return records whose id sorts after this one. */
  after?: string;
}

/** A stored row as a record, its sealed fields opened. */
export function toRecord(collection: CollectionName, row: RecordRow, cipher: FieldCipher): StoredRecord {
  return {
    id: row.id,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...cipher.openFields(collection, JSON.parse(row.doc) as Record<string, unknown>),
  };
}

/** The part of a record kept in `doc`: everything but the metadata. */
export function fieldsOf(record: StoredRecord): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = record;
  return fields;
}

/**
 * The row for a record, and the fields as stored (sensitive ones sealed): the audit entry holds
 * that same sealed form, never the plaintext of an encrypted field.
 */
export function toRow(
  collection: CollectionName,
  record: StoredRecord,
  cipher: FieldCipher,
): { row: RecordRow; sealed: Record<string, unknown> } {
  const sealed = cipher.sealFields(collection, fieldsOf(record));
  const row: RecordRow = {
    id: record.id,
    version: record.version,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    doc: JSON.stringify(sealed),
  };
  return { row: { ...row, ...filterColumns(collection, record) }, sealed };
}

/** The indexed filter columns of a record's row; filter fields are never sealed. */
export function filterColumns(
  collection: CollectionName,
  fields: Record<string, unknown>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of COLLECTIONS[collection].filters) {
    const value = fields[field];
    out[columnOf(field)] = value === undefined || value === null ? null : String(value);
  }
  return out;
}

/** One record by id, in a transaction or not. */
export async function getIn(
  db: Db,
  cipher: FieldCipher,
  collection: CollectionName,
  id: string,
): Promise<StoredRecord | undefined> {
  const row = await db.selectFrom(collection).selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(collection, row as RecordRow, cipher) : undefined;
}

/** A page of records, filtered on the collection's filter columns, by id. */
export async function listIn(
  db: Db,
  cipher: FieldCipher,
  collection: CollectionName,
  query: ListQuery,
): Promise<StoredRecord[]> {
  let q = db.selectFrom(collection).selectAll();
  for (const [field, value] of Object.entries(query.filters ?? {})) {
    q = q.where(sql.ref(columnOf(field)), '=', value);
  }
  if (query.after) q = q.where('id', '>', query.after);
  const rows = await q.orderBy('id').limit(query.limit).execute();
  return rows.map((r) => toRecord(collection, r as RecordRow, cipher));
}
