import { type Kysely, sql, type Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName, referencesOf, type StoredRecord } from '../domain/collections.js';
import { type AuditEntry, appendAudit, appendAuditMany } from './audit-log.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { DatabaseHandle, Engine } from './database.js';
import { refreshFacets } from './facet-index.js';
import { type AuditRow, columnOf, type Database, type RecordRow } from './schema.js';
import { removeFromSearch, writeManyToSearch, writeToSearch } from './search-index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per multi-row statement: well under SQLite's limit of 32766 bound parameters. */
const BATCH = 500;

export interface ListQuery {
  /** Equality filters on the collection's filter fields. */
  filters?: Record<string, string>;
  limit: number;
  /** Return records whose id sorts after this one. */
  after?: string;
}

function toRecord(collection: CollectionName, row: RecordRow, cipher: FieldCipher): StoredRecord {
  return {
    id: row.id,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...cipher.openFields(collection, JSON.parse(row.doc) as Record<string, unknown>),
  };
}

/** The part of a record kept in `doc`: everything but the metadata. */
function fieldsOf(record: StoredRecord): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = record;
  return fields;
}

/**
 * The row for a record, and the fields as stored (sensitive ones sealed): the audit entry holds
 * that same sealed form, never the plaintext of an encrypted field.
 */
function toRow(
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
  for (const field of COLLECTIONS[collection].filters) {
    const value = record[field];
    row[columnOf(field)] = value === undefined || value === null ? null : String(value);
  }
  return { row, sealed };
}

async function getIn(
  db: Db,
  cipher: FieldCipher,
  collection: CollectionName,
  id: string,
): Promise<StoredRecord | undefined> {
  const row = await db.selectFrom(collection).selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(collection, row as RecordRow, cipher) : undefined;
}

async function listIn(
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

/**
 * Writes inside one transaction. Every change goes through here, and each one appends its
 * audit entry and updates references and the search index in the same transaction.
 */
export class RecordWriter {
  constructor(
    readonly trx: Transaction<Database>,
    readonly engine: Engine,
    readonly actor: string,
    readonly now: string,
    readonly cipher: FieldCipher,
  ) {}

  get(collection: CollectionName, id: string) {
    return getIn(this.trx, this.cipher, collection, id);
  }

  list(collection: CollectionName, query: ListQuery) {
    return listIn(this.trx, this.cipher, collection, query);
  }

  /** Ids among `ids` that do not exist in the collection. */
  async missing(collection: CollectionName, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.trx.selectFrom(collection).select('id').where('id', 'in', unique).execute();
    const present = new Set(found.map((r) => r.id));
    return unique.filter((id) => !present.has(id));
  }

  /** How many records point at this one, by collection. */
  async referrers(
    collection: CollectionName,
    id: string,
  ): Promise<Array<{ collection: string; count: number }>> {
    const rows = await this.trx
      .selectFrom('refs')
      .select(['from_collection', (eb) => eb.fn.count<number>('from_id').distinct().as('count')])
      .where('to_collection', '=', collection)
      .where('to_id', '=', id)
      .where((eb) => eb.not(eb.and([eb('from_collection', '=', collection), eb('from_id', '=', id)])))
      .groupBy('from_collection')
      .execute();
    return rows.map((r) => ({ collection: r.from_collection, count: Number(r.count) }));
  }

  async insert(collection: CollectionName, record: StoredRecord, action = 'create'): Promise<void> {
    const { row, sealed } = toRow(collection, record, this.cipher);
    await this.trx.insertInto(collection).values(row).execute();
    await this.writeRefs(collection, record);
    await writeToSearch(this.trx, collection, record);
    await refreshFacets(this.trx, collection, [{ after: record }]);
    await this.audit({ action, collection, recordId: record.id, before: undefined, after: sealed });
  }

  /**
   * Inserts many new records of one collection with multi-row statements: the same rows,
   * references, search entries and audit entries as `insert` one by one, in far fewer round trips.
   */
  async insertMany(collection: CollectionName, records: StoredRecord[], action = 'create'): Promise<void> {
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      const rows = batch.map((r) => toRow(collection, r, this.cipher));
      await this.trx
        .insertInto(collection)
        .values(rows.map((r) => r.row))
        .execute();
      for (const record of batch) await this.writeRefs(collection, record);
      await writeManyToSearch(this.trx, collection, batch);
      await refreshFacets(
        this.trx,
        collection,
        batch.map((after) => ({ after })),
      );
      await appendAuditMany(
        this.trx,
        batch.map((r, j) => ({
          actor: this.actor,
          action,
          collection,
          recordId: r.id,
          before: undefined,
          after: rows[j].sealed,
        })),
        this.now,
      );
    }
  }

  /** Replaces a record if its stored version is still `before.version`; false when it is not. */
  async update(
    collection: CollectionName,
    before: StoredRecord,
    after: StoredRecord,
    action = 'update',
  ): Promise<boolean> {
    const { row, sealed } = toRow(collection, after, this.cipher);
    const { id: _id, created_at: _c, ...changes } = row;
    const result = await this.trx
      .updateTable(collection)
      .set(changes)
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.trx
      .deleteFrom('refs')
      .where('from_collection', '=', collection)
      .where('from_id', '=', before.id)
      .execute();
    await this.writeRefs(collection, after);
    await writeToSearch(this.trx, collection, after);
    await refreshFacets(this.trx, collection, [{ before, after }]);
    await this.audit({
      action,
      collection,
      recordId: before.id,
      before: this.cipher.sealFields(collection, fieldsOf(before)),
      after: sealed,
    });
    return true;
  }

  /** Deletes a record if its stored version is still `before.version`; false when it is not. */
  async remove(collection: CollectionName, before: StoredRecord, action = 'delete'): Promise<boolean> {
    const result = await this.trx
      .deleteFrom(collection)
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await this.trx
      .deleteFrom('refs')
      .where('from_collection', '=', collection)
      .where('from_id', '=', before.id)
      .execute();
    await removeFromSearch(this.trx, collection, before.id);
    await refreshFacets(this.trx, collection, [{ before }]);
    await this.audit({
      action,
      collection,
      recordId: before.id,
      before: this.cipher.sealFields(collection, fieldsOf(before)),
      after: undefined,
    });
    return true;
  }

  /**
   * Puts back a record exactly as exported (id, version, timestamps), without an audit entry:
   * only for restoring into an empty database together with the exported audit chain.
   */
  async restore(collection: CollectionName, record: StoredRecord): Promise<void> {
    await this.trx
      .insertInto(collection)
      .values(toRow(collection, record, this.cipher).row)
      .execute();
    await this.writeRefs(collection, record);
    await writeToSearch(this.trx, collection, record);
    await refreshFacets(this.trx, collection, [{ after: record }]);
  }

  /** Puts back exported audit rows verbatim, and the chain head after them. */
  async restoreAudit(rows: AuditRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await this.trx
        .insertInto('audit_events')
        .values(rows.slice(i, i + 200))
        .execute();
    const last = rows[rows.length - 1];
    if (last)
      await this.trx.insertInto('audit_head').values({ id: 1, seq: last.seq, hash: last.hash }).execute();
  }

  /** Appends an audit entry that is not tied to one record change (an import, a merge). */
  note(entry: Omit<AuditEntry, 'actor'>) {
    return this.audit(entry);
  }

  private async writeRefs(collection: CollectionName, record: StoredRecord) {
    const refs = referencesOf(COLLECTIONS[collection], record);
    const unique = new Map(refs.map((r) => [`${r.field}\u0000${r.collection}\u0000${r.id}`, r]));
    if (unique.size === 0) return;
    await this.trx
      .insertInto('refs')
      .values(
        [...unique.values()].map((r) => ({
          from_collection: collection,
          from_id: record.id,
          field: r.field,
          to_collection: r.collection,
          to_id: r.id,
        })),
      )
      .execute();
  }

  private audit(entry: Omit<AuditEntry, 'actor'>) {
    return appendAudit(this.trx, { ...entry, actor: this.actor }, this.now);
  }
}

/** Reads and transactional writes of records on either engine. */
export class RecordStore {
  constructor(
    readonly handle: DatabaseHandle,
    readonly cipher: FieldCipher,
  ) {}

  get engine(): Engine {
    return this.handle.engine;
  }

  get(collection: CollectionName, id: string) {
    return getIn(this.handle.db, this.cipher, collection, id);
  }

  list(collection: CollectionName, query: ListQuery) {
    return listIn(this.handle.db, this.cipher, collection, query);
  }

  /** Several records of one collection by id, in one query; missing ids are left out. */
  async getMany(collection: CollectionName, ids: string[]): Promise<StoredRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.handle.db.selectFrom(collection).selectAll().where('id', 'in', ids).execute();
    return rows.map((r) => toRecord(collection, r as RecordRow, this.cipher));
  }

  /**
   * Runs `work` in one transaction as `actor`. Writers are serialized (SQLite has one writer;
   * on PostgreSQL an advisory lock) so the audit chain never forks; all or nothing is kept.
   */
  async write<T>(actor: string, work: (writer: RecordWriter) => Promise<T>): Promise<T> {
    return this.handle.db.transaction().execute(async (trx) => {
      if (this.engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(7011)`.execute(trx);
      return work(new RecordWriter(trx, this.engine, actor, new Date().toISOString(), this.cipher));
    });
  }
}
