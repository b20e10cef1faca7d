import { sql, type Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName, type StoredRecord } from '../domain/collections.js';
import { type AuditEntry, appendAuditMany, restoreAuditRows } from './audit-log.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { DatabaseHandle, Engine } from './database.js';
import { refreshFacets } from './facet-index.js';
import { forgetLinks, writeLinks } from './record-links.js';
import { fieldsOf, getIn, type ListQuery, listIn, toRecord, toRow } from './record-rows.js';
import { type AuditRow, columnOf, type Database, type RecordRow } from './schema.js';
import { removeFromSearch, writeManyToSearch, writeToSearch } from './search-index.js';

/** Rows per multi-row statement: well under SQLite's limit of 32766 bound parameters. */
const BATCH = 500;
/** Audit entries held back before they are appended: one multi-row statement's worth. */
const AUDIT_QUEUE = 500;

/**
 * Writes inside one transaction. Every change goes through here, and each one appends its
 * audit entry and updates references and the search index in the same transaction.
 */
export class RecordWriter {
  /**
   * What the writes of this transaction are part of, recorded with each audit entry from the
   * moment it is set (a table import sets `{ import, source }`).
   */
  context: Record<string, string> | undefined;
  /**
   * Audit entries not yet appended. The chain's head is read and rewritten once per flush rather
   * than once per change: a batch of 10 drafts costs 3 audit statements instead of 30, inside the
   * lock every writer waits on. Nothing reads the chain inside a write, and `RecordStore.write`
   * flushes before the commit, so the entries land in order in the same transaction as before.
   */
  private readonly auditQueue: AuditEntry[] = [];

  constructor(
    readonly trx: Transaction<Database>,
    readonly engine: Engine,
    readonly actor: string,
    readonly now: string,
    readonly cipher: FieldCipher,
    private readonly auditKey: Uint8Array,
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
    const present = new Set<string>();
    for (let i = 0; i < unique.length; i += BATCH) {
      const found = await this.trx
        .selectFrom(collection)
        .select('id')
        .where('id', 'in', unique.slice(i, i + BATCH))
        .execute();
      for (const r of found) present.add(r.id);
    }
    return unique.filter((id) => !present.has(id));
  }

  /** The stored version of each of these records (missing ones are left out). */
  async versions(collection: CollectionName, ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += BATCH) {
      const rows = await this.trx
        .selectFrom(collection)
        .select(['id', 'version'])
        .where('id', 'in', unique.slice(i, i + BATCH))
        .execute();
      for (const r of rows) out.set(r.id, Number(r.version));
    }
    return out;
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
    await writeLinks(this.trx, collection, [record]);
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
      await writeLinks(this.trx, collection, batch);
      await writeManyToSearch(this.trx, collection, batch);
      await refreshFacets(
        this.trx,
        collection,
        batch.map((after) => ({ after })),
      );
      await this.queueAudit(
        batch.map((r, j) => ({
          action,
          collection,
          recordId: r.id,
          before: undefined,
          after: rows[j].sealed,
        })),
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
    await forgetLinks(this.trx, collection, [before.id]);
    await writeLinks(this.trx, collection, [after]);
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

  /**
   * Replaces many records of one collection, each only if its stored version is still its
   * `before.version`: the same rows, references, search entries and audit entries as `update`
   * one by one, with batched statements. Returns the ids whose version had moved on; the caller's
   * transaction decides whether that is fatal (nothing of those was written).
   */
  async updateMany(
    collection: CollectionName,
    changes: Array<{ before: StoredRecord; after: StoredRecord }>,
    action = 'update',
  ): Promise<string[]> {
    const stale: string[] = [];
    for (let i = 0; i < changes.length; i += BATCH) {
      const done: Array<{ before: StoredRecord; after: StoredRecord; sealed: Record<string, unknown> }> = [];
      for (const { before, after } of changes.slice(i, i + BATCH)) {
        const { row, sealed } = toRow(collection, after, this.cipher);
        const { id: _id, created_at: _c, ...set } = row;
        const result = await this.trx
          .updateTable(collection)
          .set(set)
          .where('id', '=', before.id)
          .where('version', '=', before.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) done.push({ before, after, sealed });
        else stale.push(before.id);
      }
      const afters = done.map((d) => d.after);
      await forgetLinks(
        this.trx,
        collection,
        afters.map((a) => a.id),
      );
      await writeLinks(this.trx, collection, afters);
      await writeManyToSearch(this.trx, collection, afters);
      await refreshFacets(
        this.trx,
        collection,
        done.map(({ before, after }) => ({ before, after })),
      );
      await this.queueAudit(
        done.map((d) => ({
          action,
          collection,
          recordId: d.before.id,
          before: this.cipher.sealFields(collection, fieldsOf(d.before)),
          after: d.sealed,
        })),
      );
    }
    return stale;
  }

  /** Deletes a record if its stored version is still `before.version`; false when it is not. */
  async remove(collection: CollectionName, before: StoredRecord, action = 'delete'): Promise<boolean> {
    const result = await this.trx
      .deleteFrom(collection)
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await forgetLinks(this.trx, collection, [before.id]);
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
    await writeLinks(this.trx, collection, [record]);
    await writeToSearch(this.trx, collection, record);
    await refreshFacets(this.trx, collection, [{ after: record }]);
  }

  /** Puts back exported audit rows verbatim, and the chain head after them. */
  async restoreAudit(rows: AuditRow[]): Promise<void> {
    await this.flushAudit();
    await restoreAuditRows(this.trx, this.auditKey, rows);
  }

  /** Appends an audit entry that is not tied to one record change (an import, a merge). */
  note(entry: Omit<AuditEntry, 'actor'>) {
    return this.audit({ ...entry, note: true });
  }

  private audit(entry: Omit<AuditEntry, 'actor'>) {
    return this.queueAudit([entry]);
  }

  /** Holds entries for the chain, with this writer's actor and current context, flushing a full queue. */
  private async queueAudit(entries: Omit<AuditEntry, 'actor'>[]): Promise<void> {
    for (const entry of entries)
      this.auditQueue.push({
        ...entry,
        actor: this.actor,
        ...(this.context && !entry.context ? { context: this.context } : {}),
      });
    if (this.auditQueue.length >= AUDIT_QUEUE) await this.flushAudit();
  }

  /** Appends the held entries to the chain; `RecordStore.write` calls it before committing. */
  async flushAudit(): Promise<void> {
    await appendAuditMany(this.trx, this.auditKey, this.auditQueue.splice(0), this.now);
  }
}

/** Reads and transactional writes of records on either engine. */
export class RecordStore {
  constructor(
    readonly handle: DatabaseHandle,
    readonly cipher: FieldCipher,
    /** The HMAC key of the audit chain (see openAuditKey). */
    readonly auditKey: Uint8Array,
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

  /**
   * Records whose filter field holds one of `values` and that match the equality `filters`, read
   * in chunks: batched lookups such as the involvements of many persons at once.
   */
  async listWhereIn(
    collection: CollectionName,
    field: string,
    values: string[],
    filters: Record<string, string> = {},
  ): Promise<StoredRecord[]> {
    const spec = COLLECTIONS[collection];
    for (const f of [field, ...Object.keys(filters)])
      if (!spec.filters.includes(f)) throw new Error(`${collection}.${f} is not a filter field`);
    const unique = [...new Set(values)];
    const out: StoredRecord[] = [];
    for (let i = 0; i < unique.length; i += BATCH) {
      let q = this.handle.db
        .selectFrom(collection)
        .selectAll()
        .where(sql.ref(columnOf(field)), 'in', unique.slice(i, i + BATCH));
      for (const [f, v] of Object.entries(filters)) q = q.where(sql.ref(columnOf(f)), '=', v);
      for (const row of await q.execute()) out.push(toRecord(collection, row as RecordRow, this.cipher));
    }
    return out;
  }

  /** Which of these ids name records matching the equality `filters`, from the index alone. */
  async idsMatching(
    collection: CollectionName,
    ids: string[],
    filters: Record<string, string>,
  ): Promise<Set<string>> {
    const spec = COLLECTIONS[collection];
    for (const f of Object.keys(filters))
      if (!spec.filters.includes(f)) throw new Error(`${collection}.${f} is not a filter field`);
    const unique = [...new Set(ids)];
    const out = new Set<string>();
    for (let i = 0; i < unique.length; i += BATCH) {
      let q = this.handle.db
        .selectFrom(collection)
        .select('id')
        .where('id', 'in', unique.slice(i, i + BATCH));
      for (const [f, v] of Object.entries(filters)) q = q.where(sql.ref(columnOf(f)), '=', v);
      for (const row of await q.execute()) out.add(row.id);
    }
    return out;
  }

  /** Several records of one collection by id, in a few queries; missing ids are left out. */
  async getMany(collection: CollectionName, ids: string[]): Promise<StoredRecord[]> {
    const unique = [...new Set(ids)];
    const out: StoredRecord[] = [];
    for (let i = 0; i < unique.length; i += BATCH) {
      const rows = await this.handle.db
        .selectFrom(collection)
        .selectAll()
        .where('id', 'in', unique.slice(i, i + BATCH))
        .execute();
      for (const r of rows) out.push(toRecord(collection, r as RecordRow, this.cipher));
    }
    return out;
  }

  /**
   * Runs `work` in one transaction as `actor`. Writers are serialized (SQLite has one writer;
   * on PostgreSQL an advisory lock) so the audit chain never forks; all or nothing is kept.
   */
  async write<T>(actor: string, work: (writer: RecordWriter) => Promise<T>): Promise<T> {
    return this.handle.db.transaction().execute(async (trx) => {
      if (this.engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(7011)`.execute(trx);
      const writer = new RecordWriter(
        trx,
        this.engine,
        actor,
        new Date().toISOString(),
        this.cipher,
        this.auditKey,
      );
      const result = await work(writer);
      await writer.flushAudit();
      return result;
    });
  }
}
