import type { Kysely, Transaction } from 'kysely';
import type { CollectionName } from '../domain/collections.js';
import type { Database, TableImportRow, TableMappingRow, TableUploadRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/**
 * Rows of the table-import tables (0004): external ids, saved mappings, staged uploads, imports
 * and their rows. Writes happen inside a RecordStore transaction, with the records they go with.
 */
export const tableImportRows = {
  /** The records carrying each of these external ids of one system. */
  async recordsByExternalId(
    db: Db,
    collection: CollectionName,
    system: string,
    values: string[],
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await db
        .selectFrom('external_ids')
        .select(['value', 'record_id'])
        .where('collection', '=', collection)
        .where('system', '=', system)
        .where('value', 'in', unique.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) out.set(r.value, [...(out.get(r.value) ?? []), r.record_id]);
    }
    return out;
  },

  async mappings(db: Db): Promise<TableMappingRow[]> {
    return db.selectFrom('table_mappings').selectAll().orderBy('name').execute();
  },

  async mappingById(db: Db, id: string): Promise<TableMappingRow | undefined> {
    return db.selectFrom('table_mappings').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async mappingByName(db: Db, name: string): Promise<TableMappingRow | undefined> {
    return db.selectFrom('table_mappings').selectAll().where('name', '=', name).executeTakeFirst();
  },

  async insertMapping(trx: Transaction<Database>, row: TableMappingRow): Promise<void> {
    await trx.insertInto('table_mappings').values(row).execute();
  },

  /** Replaces a mapping if it is still at `version`; false when someone changed it meanwhile. */
  async updateMapping(
    trx: Transaction<Database>,
    id: string,
    version: number,
    changes: { name: string; doc: string; updated_at: string },
  ): Promise<boolean> {
    const result = await trx
      .updateTable('table_mappings')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async deleteMapping(trx: Transaction<Database>, id: string, version: number): Promise<boolean> {
    const result = await trx
      .deleteFrom('table_mappings')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  async upload(db: Db, userId: string, sha256: string): Promise<TableUploadRow | undefined> {
    return db
      .selectFrom('table_uploads')
      .selectAll()
      .where('user_id', '=', userId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  },

  /** Stores an upload (the same bytes again replace it) and drops uploads older than `expiredBefore`. */
  async putUpload(trx: Transaction<Database>, row: TableUploadRow, expiredBefore: string): Promise<void> {
    await trx.deleteFrom('table_uploads').where('created_at', '<', expiredBefore).execute();
    await trx
      .deleteFrom('table_uploads')
      .where('user_id', '=', row.user_id)
      .where('sha256', '=', row.sha256)
      .execute();
    await trx.insertInto('table_uploads').values(row).execute();
  },

  async deleteUpload(trx: Transaction<Database>, userId: string, sha256: string): Promise<boolean> {
    const result = await trx
      .deleteFrom('table_uploads')
      .where('user_id', '=', userId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  /** The latest import of a list, the one a new version is compared with. */
  async latestImport(db: Db, system: string): Promise<TableImportRow | undefined> {
    return db
      .selectFrom('table_imports')
      .selectAll()
      .where('system', '=', system)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async listImports(db: Db, query: { after?: string; limit: number }): Promise<TableImportRow[]> {
    let q = db.selectFrom('table_imports').selectAll();
    if (query.after) q = q.where('id', '<', query.after);
    return q.orderBy('id', 'desc').limit(query.limit).execute();
  },

  /** Row number → person of every row an import resolved. */
  async importRows(db: Db, importId: string): Promise<Array<{ row: number; personId: string }>> {
    const rows = await db
      .selectFrom('table_import_rows')
      .select(['row_number', 'person_id'])
      .where('import_id', '=', importId)
      .orderBy('row_number')
      .execute();
    return rows.map((r) => ({ row: Number(r.row_number), personId: r.person_id }));
  },

  /** The record of an import; its rows follow with `insertImportRows`, in the same or later transactions. */
  async insertImport(trx: Transaction<Database>, row: TableImportRow): Promise<void> {
    await trx.insertInto('table_imports').values(row).execute();
  },

  async insertImportRows(
    trx: Transaction<Database>,
    importId: string,
    rows: Array<{ row: number; personId: string }>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await trx
        .insertInto('table_import_rows')
        .values(
          rows
            .slice(i, i + CHUNK)
            .map((r) => ({ import_id: importId, row_number: r.row, person_id: r.personId })),
        )
        .execute();
  },
};
