import { type Kysely, sql, type Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName, type StoredRecord } from '../domain/collections.js';
import { termsOf } from '../domain/text/terms.js';
import type { Engine } from './database.js';
import type { Database } from './schema.js';

/** Folded search terms of a text, space-separated, as both engines index them. */
export function indexTerms(text: string): string {
  return termsOf(text)
    .map((t) => t.term)
    .join(' ');
}

/** Adds or replaces a record's entry in the search index (no-op for unsearched collections). */
export function writeToSearch(
  trx: Transaction<Database>,
  collection: CollectionName,
  record: StoredRecord,
): Promise<void> {
  return writeManyToSearch(trx, collection, [record]);
}

/** Adds or replaces the search entries of several records of one collection in one statement. */
export async function writeManyToSearch(
  trx: Transaction<Database>,
  collection: CollectionName,
  records: StoredRecord[],
): Promise<void> {
  const searchText = COLLECTIONS[collection].searchText;
  if (!searchText || records.length === 0) return;
  const values = records.map((record) => {
    const { title, body } = searchText(record);
    return { collection, record_id: record.id, title_terms: indexTerms(title), body_terms: indexTerms(body) };
  });
  // An upsert keeps the row id stable, which the SQLite FTS table is keyed on.
  await trx
    .insertInto('search_entries')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['collection', 'record_id']).doUpdateSet((eb) => ({
        title_terms: eb.ref('excluded.title_terms'),
        body_terms: eb.ref('excluded.body_terms'),
      })),
    )
    .execute();
}

export async function removeFromSearch(
  trx: Transaction<Database>,
  collection: CollectionName,
  id: string,
): Promise<void> {
  await trx
    .deleteFrom('search_entries')
    .where('collection', '=', collection)
    .where('record_id', '=', id)
    .execute();
}

export interface SearchCandidate {
  collection: CollectionName;
  recordId: string;
  titleTerms: string;
  bodyTerms: string;
}

/**
 * Every record of one collection whose indexed terms hold all the query terms, unranked (up to
 * `limit`), with the value of one of the collection's filter columns: blocking for entity
 * resolution, which needs all namesakes rather than the best-ranked few, and their birth dates.
 */
export async function recordsWithTerms(
  db: Kysely<Database>,
  engine: Engine,
  queryTerms: string[],
  options: { collection: CollectionName; column: string; limit: number },
): Promise<Array<{ recordId: string; value: string | null }>> {
  const terms = safeTerms(queryTerms);
  if (terms.length === 0) return [];
  const table = sql.table(options.collection);
  const column = sql.ref(`r.${options.column}`);
  const rows =
    engine === 'sqlite'
      ? await sql<{ record_id: string; value: string | null }>`
          SELECT e.record_id, ${column} AS value FROM search_fts
          JOIN search_entries e ON e.id = search_fts.rowid
          JOIN ${table} r ON r.id = e.record_id
          WHERE search_fts MATCH ${terms.map((t) => `"${t}"`).join(' AND ')} AND e.collection = ${options.collection}
          LIMIT ${options.limit}`.execute(db)
      : await sql<{ record_id: string; value: string | null }>`
          SELECT e.record_id, ${column} AS value FROM search_entries e
          JOIN ${table} r ON r.id = e.record_id
          WHERE e.tsv @@ to_tsquery('simple', ${terms.join(' & ')}) AND e.collection = ${options.collection}
          LIMIT ${options.limit}`.execute(db);
  return rows.rows.map((r) => ({ recordId: r.record_id, value: r.value === null ? null : String(r.value) }));
}

/** The indexed terms of the records of a collection whose filter column equals `value` (up to `limit`). */
export async function entriesWhere(
  db: Kysely<Database>,
  options: { collection: CollectionName; column: string; value: string; limit: number },
): Promise<Map<string, { titleTerms: string; bodyTerms: string }>> {
  const rows = await sql<{ record_id: string; title_terms: string; body_terms: string }>`
    SELECT e.record_id, e.title_terms, e.body_terms FROM ${sql.table(options.collection)} r
    JOIN search_entries e ON e.collection = ${options.collection} AND e.record_id = r.id
    WHERE ${sql.ref(`r.${options.column}`)} = ${options.value}
    LIMIT ${options.limit}`.execute(db);
  return new Map(rows.rows.map((r) => [r.record_id, { titleTerms: r.title_terms, bodyTerms: r.body_terms }]));
}

/** The indexed terms of these records of one collection, by record id. */
export async function searchEntriesOf(
  db: Kysely<Database>,
  collection: CollectionName,
  ids: string[],
): Promise<Map<string, { titleTerms: string; bodyTerms: string }>> {
  const out = new Map<string, { titleTerms: string; bodyTerms: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('search_entries')
      .select(['record_id', 'title_terms', 'body_terms'])
      .where('collection', '=', collection)
      .where('record_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.record_id, { titleTerms: r.title_terms, bodyTerms: r.body_terms });
  }
  return out;
}

/** Only letters and digits reach the engines' query languages. */
export function safeTerms(terms: string[]): string[] {
  return terms.map((t) => t.replace(/[^a-z0-9]/g, '')).filter((t) => t.length > 0);
}

/**
 * Records whose indexed terms contain every query term, best first by the engine's own
 * ranking (FTS5 bm25 / PostgreSQL ts_rank), at most `limit`. This is the "raw engine" query
 * the benchmark compares Vigil's search with.
 */
export async function searchCandidates(
  db: Kysely<Database>,
  engine: Engine,
  queryTerms: string[],
  options: { collections?: CollectionName[]; limit: number },
): Promise<SearchCandidate[]> {
  const terms = safeTerms(queryTerms);
  if (terms.length === 0) return [];
  const only = options.collections?.length ? options.collections : undefined;
  if (engine === 'sqlite') return sqliteCandidates(db, terms, only, options.limit);
  const query = terms.join(' & ');
  const rows = await sql<{
    collection: CollectionName;
    record_id: string;
    title_terms: string;
    body_terms: string;
  }>`
    SELECT collection, record_id, title_terms, body_terms
    FROM search_entries
    WHERE tsv @@ to_tsquery('simple', ${query})
    ${only ? sql`AND collection IN (${sql.join(only)})` : sql``}
    ORDER BY ts_rank(tsv, to_tsquery('simple', ${query})) DESC
    LIMIT ${options.limit}`.execute(db);
  return rows.rows.map(toCandidate);
}

function toCandidate(r: {
  collection: CollectionName;
  record_id: string;
  title_terms: string;
  body_terms: string;
}): SearchCandidate {
  return {
    collection: r.collection,
    recordId: r.record_id,
    titleTerms: r.title_terms,
    bodyTerms: r.body_terms,
  };
}

type EntryRow = { collection: CollectionName; record_id: string; title_terms: string; body_terms: string };

/**
 * SQLite: rank inside the FTS index first and only then read the entries of the best rows, in
 * one statement. Joining the entries before ranking would read every match (thousands for a
 * common surname). With a type filter, the window of ranked rows widens until it holds enough
 * of those types.
 */
async function sqliteCandidates(
  db: Kysely<Database>,
  terms: string[],
  only: CollectionName[] | undefined,
  limit: number,
): Promise<SearchCandidate[]> {
  const match = terms.map((t) => `"${t}"`).join(' AND ');
  for (let window = limit; ; window *= 8) {
    const top = await sql<EntryRow>`
      SELECT e.collection, e.record_id, e.title_terms, e.body_terms FROM (
        SELECT rowid, bm25(search_fts, 10.0, 1.0) AS rank FROM search_fts WHERE search_fts MATCH ${match}
        ORDER BY rank LIMIT ${window}
      ) top JOIN search_entries e ON e.id = top.rowid
      ORDER BY top.rank`.execute(db);
    // Filtered here, not in SQL: a collection condition makes SQLite scan the collection's index
    // instead of looking up these few rows by id.
    const ranked = only ? top.rows.filter((e) => only.includes(e.collection)) : top.rows;
    if (!only || ranked.length >= limit || top.rows.length < window)
      return ranked.slice(0, limit).map(toCandidate);
  }
}
