import { type Kysely, sql, type Transaction } from 'kysely';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections.js';
import type { Engine } from './database.js';
import { rebuildFacets } from './facet-index.js';
import { filterColumns } from './record-rows.js';
import type { Database } from './schema.js';

/**
 * Every table holding data, in an order that restores cleanly; the search FTS follows by trigger.
 * The facet index is derived and rebuilt on load, so backups made before it existed still load.
 * The job queue is not data (and on PostgreSQL lives in pg-boss's schema): a restore queues the
 * extractions still owed instead.
 */
export const DATA_TABLES = [
  ...COLLECTION_NAMES,
  'refs',
  'audit_events',
  'audit_head',
  'search_entries',
  'users',
  'groups',
  'group_members',
  'grants',
  'sessions',
  'api_tokens',
  'login_counters',
  'data_keys',
  'intake_submissions',
  'source_files',
  'ocr_pages',
  'story_members',
  'story_bands',
  'drafts',
  'external_ids',
  'ftm_ids',
  'table_mappings',
  'table_imports',
  'table_import_rows',
  'table_uploads',
  'telegram_messages',
] as const satisfies ReadonlyArray<keyof Database>;
export type DataTable = (typeof DATA_TABLES)[number];

/** The primary key columns each table is ordered by, so dumps of equal databases are equal. */
const ORDER: Partial<Record<DataTable, string[]>> = {
  refs: ['from_collection', 'from_id', 'field', 'to_collection', 'to_id'],
  audit_events: ['seq'],
  login_counters: ['username_key'],
  group_members: ['group_id', 'user_id'],
  external_ids: ['collection', 'system', 'value', 'record_id'],
  ftm_ids: ['dataset', 'ftm_id'],
  table_import_rows: ['import_id', 'row_number'],
  source_files: ['sha256', 'source_id'],
  ocr_pages: ['source_id', 'page'],
  story_members: ['source_id'],
  story_bands: ['band', 'source_id'],
  table_uploads: ['user_id', 'sha256'],
  telegram_messages: ['chat_id', 'message_id'],
};

/** Binary columns travel as base64 in a dump (JSON has no bytes) and go back to bytes on load. */
const BINARY: Partial<Record<DataTable, string[]>> = { source_files: ['bytes'] };

function mapColumns(
  rows: Array<Record<string, unknown>>,
  columns: string[] | undefined,
  convert: (value: unknown) => unknown,
): Array<Record<string, unknown>> {
  if (!columns) return rows;
  return rows.map((row) => {
    const out = { ...row };
    for (const c of columns) out[c] = convert(row[c]);
    return out;
  });
}

export type TableRows = Record<DataTable, Array<Record<string, unknown>>>;

/** Every row of every data table, read in the caller's (snapshot) transaction. */
export async function dumpTables(db: Kysely<Database> | Transaction<Database>): Promise<TableRows> {
  const out = {} as TableRows;
  for (const table of DATA_TABLES) {
    const order = ORDER[table] ?? ['id'];
    // PostgreSQL's tsvector column is generated from the terms: it is rebuilt, never copied.
    const columns =
      table === 'search_entries'
        ? sql.join(['id', 'collection', 'record_id', 'title_terms', 'body_terms'].map((c) => sql.ref(c)))
        : sql`*`;
    const { rows } = await sql<
      Record<string, unknown>
    >`SELECT ${columns} FROM ${sql.table(table)} ORDER BY ${sql.join(order.map((c) => sql.ref(c)))}`.execute(
      db,
    );
    out[table] = mapColumns(rows, BINARY[table], (v) => Buffer.from(v as Uint8Array).toString('base64'));
  }
  return out;
}

const isCollection = (table: DataTable): table is CollectionName =>
  (COLLECTION_NAMES as readonly string[]).includes(table);

/** Inserts dumped rows verbatim into empty tables, in the caller's transaction. */
export async function loadTables(
  trx: Transaction<Database>,
  engine: Engine,
  tables: TableRows,
): Promise<void> {
  for (const table of DATA_TABLES) {
    let rows = mapColumns(tables[table] ?? [], BINARY[table], (v) => Buffer.from(String(v), 'base64'));
    if (isCollection(table))
      // Filter columns are derived from the document: one added after the backup was made is filled.
      rows = rows.map((row) => ({ ...row, ...filterColumns(table, JSON.parse(String(row.doc))) }));
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + 200) as never)
        .execute();
    }
  }
  await rebuildFacets(trx);
  if (engine === 'postgres') {
    // Rows came with their ids: move the id sequence past them.
    await sql`SELECT setval(pg_get_serial_sequence('search_entries', 'id'), COALESCE((SELECT MAX(id) FROM search_entries), 0) + 1, false)`.execute(
      trx,
    );
  }
}

/** Is every data table empty (a fresh data key alone does not count)? */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  for (const table of DATA_TABLES) {
    if (table === 'data_keys') continue;
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(db);
    if (Number(rows[0]?.n) > 0) return false;
  }
  return true;
}
