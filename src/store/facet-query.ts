import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CollectionName } from '../domain/collections.js';
import type { IsoDate } from '../domain/deadlines/iso-date.js';
import type { FacetName } from '../domain/search-facets.js';
import type { Engine } from './database.js';
import type { Database } from './schema.js';
import { safeTerms } from './search-index.js';

/** Facet filters: any of the listed values within a facet, every facet given (and the date range). */
export interface FacetFilters {
  region?: string[];
  act?: string[];
  status?: string[];
  /** Records with a date range overlapping from … to (either end may be open). */
  dates?: { from?: IsoDate; to?: IsoDate };
}

export interface MatchQuery {
  /** Folded query terms; none to browse by the filters alone (or, with none, everything faceted). */
  terms: string[];
  collections: CollectionName[];
  filters: FacetFilters;
  /** Only records holding some value of this facet (the ones that count towards it). */
  having?: FacetName;
  limit: number;
}

export interface MatchedRecord {
  collection: CollectionName;
  recordId: string;
}

const FACETS: FacetName[] = ['region', 'act', 'status'];

function facetCondition(facet: FacetName, values?: string[]): RawBuilder<unknown> {
  return sql`EXISTS (SELECT 1 FROM record_facets f WHERE f.collection = e.collection AND f.record_id = e.record_id
    AND f.facet = ${facet}${values ? sql` AND f.value IN (${sql.join(values)})` : sql``})`;
}

function dateBounds(alias: string, dates: { from?: IsoDate; to?: IsoDate }): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (dates.to) out.push(sql`${sql.ref(`${alias}.date_from`)} <= ${dates.to}`);
  if (dates.from) out.push(sql`${sql.ref(`${alias}.date_to`)} >= ${dates.from}`);
  return out;
}

const active = (values?: string[]): values is string[] => Array.isArray(values) && values.length > 0;
const hasDates = (d?: { from?: IsoDate; to?: IsoDate }) => Boolean(d?.from || d?.to);

/**
 * Browsing is driven by one facet's rows (or the date rows); the rest are conditions on them.
 * With no filter at all, every record with a region, act type or status is browsed, newest first.
 */
function driverOf(facets: FacetName[], query: MatchQuery): FacetName | 'dates' | 'any' {
  return facets[0] ?? query.having ?? (hasDates(query.filters.dates) ? 'dates' : 'any');
}

/** The conditions on a match `e` (collection, record_id) besides the words and the browsing driver. */
function conditionsOf(query: MatchQuery, driver?: FacetName | 'dates' | 'any'): RawBuilder<unknown> {
  const { filters } = query;
  const facets = FACETS.filter((f) => active(filters[f]));
  const conditions: RawBuilder<unknown>[] = [sql`e.collection IN (${sql.join(query.collections)})`];
  for (const f of facets) if (f !== driver) conditions.push(facetCondition(f, filters[f]));
  if (query.having && query.having !== driver && !facets.includes(query.having))
    conditions.push(facetCondition(query.having));
  if (filters.dates && hasDates(filters.dates) && driver !== 'dates') {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM record_dates d WHERE d.collection = e.collection AND d.record_id = e.record_id
        AND ${sql.join(dateBounds('d', filters.dates), sql` AND `)})`,
    );
  }
  return sql.join(conditions, sql` AND `);
}

/** A match, once per facet value it holds (with none, once with a null facet). */
type MatchRow = {
  collection: CollectionName;
  record_id: string;
  facet?: FacetName | null;
  value?: string | null;
};

/** Each record's facet values, read beside it, when asked for. */
const facetColumns = (withFacets: boolean) => (withFacets ? sql`, f.facet, f.value` : sql``);
const facetJoin = (withFacets: boolean, alias: string) =>
  withFacets
    ? sql`LEFT JOIN record_facets f ON f.collection = ${sql.ref(`${alias}.collection`)} AND f.record_id = ${sql.ref(`${alias}.record_id`)}`
    : sql``;

/**
 * SQLite: rank inside the FTS index first, then look up only the best rows' entries and test the
 * filters on them, as the plain search does: joining the entries before ranking would read every
 * match (tens of thousands for a common surname at 1M persons). When the filters leave fewer than
 * `limit` of a window and the index holds more matches than the window, a second window takes
 * every match: no dearer than filtering before ranking. Ties are broken by rowid inside and outside
 * the window alike, so a window is always a prefix of the whole order.
 */
async function sqliteMatches(
  db: Kysely<Database>,
  query: MatchQuery,
  terms: string[],
  withFacets: boolean,
): Promise<MatchRow[]> {
  const match = terms.map((t) => `"${t}"`).join(' AND ');
  for (const window of [query.limit, -1]) {
    const { rows } = await sql<MatchRow & { pos: number }>`
      SELECT m.pos, m.collection, m.record_id${facetColumns(withFacets)} FROM (
        SELECT top.rowid AS pos, top.rank, e.collection, e.record_id FROM (
          SELECT rowid, bm25(search_fts, 10.0, 1.0) AS rank FROM search_fts WHERE search_fts MATCH ${match}
          ORDER BY rank, rowid LIMIT ${window}
        ) top CROSS JOIN search_entries e ON e.id = top.rowid AND ${conditionsOf(query)}
        ORDER BY top.rank, top.rowid LIMIT ${query.limit}
      ) m ${facetJoin(withFacets, 'm')}
      ORDER BY m.rank, m.pos`.execute(db);
    if (window < 0 || new Set(rows.map((r) => r.pos)).size >= query.limit) return rows;
    // Counting the index's matches reads no ranks or rows: far cheaper than a second window.
    const { rows: all } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`.execute(db);
    if (Number(all[0]?.n ?? 0) <= window) return rows;
  }
  return [];
}

/** PostgreSQL's matches, and browsing on both engines: one statement ranks, filters and limits. */
async function matchesInOneStatement(
  db: Kysely<Database>,
  query: MatchQuery,
  terms: string[],
  withFacets: boolean,
): Promise<MatchRow[]> {
  const { filters } = query;
  let statement: RawBuilder<unknown>;
  let order: RawBuilder<unknown>;
  if (terms.length > 0) {
    const q = terms.join(' & ');
    statement = sql`SELECT e.collection, e.record_id, ts_rank(e.tsv, to_tsquery('simple', ${q})) AS rank
      FROM search_entries e
      WHERE e.tsv @@ to_tsquery('simple', ${q}) AND ${conditionsOf(query)}
      ORDER BY rank DESC, e.record_id LIMIT ${query.limit}`;
    order = sql`m.rank DESC, m.record_id`;
  } else {
    const driver = driverOf(
      FACETS.filter((f) => active(filters[f])),
      query,
    );
    const from =
      driver === 'any'
        ? sql`SELECT DISTINCT r.record_id, r.collection FROM record_facets r`
        : driver === 'dates'
          ? sql`SELECT DISTINCT r.collection, r.record_id FROM record_dates r
            WHERE ${sql.join(dateBounds('r', filters.dates ?? {}), sql` AND `)}`
          : sql`SELECT DISTINCT r.collection, r.record_id FROM record_facets r WHERE r.facet = ${driver}
            ${active(filters[driver]) ? sql`AND r.value IN (${sql.join(filters[driver] ?? [])})` : sql``}`;
    statement = sql`SELECT e.collection, e.record_id FROM (${from}) e WHERE ${conditionsOf(query, driver)}
      ORDER BY e.record_id DESC LIMIT ${query.limit}`;
    order = sql`m.record_id DESC`;
  }
  const { rows } = await sql<MatchRow>`SELECT m.collection, m.record_id${facetColumns(withFacets)}
    FROM (${statement}) m ${facetJoin(withFacets, 'm')} ORDER BY ${order}`.execute(db);
  return rows;
}

/** The matches of a query, best first (or newest first, browsing), at most `limit`, one row per facet value. */
function matchRows(db: Kysely<Database>, engine: Engine, query: MatchQuery, withFacets: boolean) {
  const terms = safeTerms(query.terms);
  if (query.collections.length === 0 || (query.terms.length > 0 && terms.length === 0)) return [];
  return engine === 'sqlite' && terms.length > 0
    ? sqliteMatches(db, query, terms, withFacets)
    : matchesInOneStatement(db, query, terms, withFacets);
}

/** A match with the facet values it holds. */
export interface MatchWithFacets extends MatchedRecord {
  values: Array<{ facet: FacetName; value: string }>;
}

/**
 * Records matching the query terms (if any) and every filter, at most `limit`, each with its facet
 * values: by the engine's ranking when there are terms, else newest first. Browsing starts from the
 * facet index itself. The values are read in the same statement, so counting facets costs one index
 * probe per match and no second round of queries over the matched ids.
 */
export async function matchRecordsWithFacets(
  db: Kysely<Database>,
  engine: Engine,
  query: MatchQuery,
): Promise<MatchWithFacets[]> {
  const out = new Map<string, MatchWithFacets>();
  for (const r of await matchRows(db, engine, query, true)) {
    const key = `${r.collection}/${r.record_id}`;
    let match = out.get(key);
    if (!match) {
      match = { collection: r.collection, recordId: r.record_id, values: [] };
      out.set(key, match);
    }
    if (r.facet && r.value) match.values.push({ facet: r.facet, value: r.value });
  }
  return [...out.values()];
}

/** The same matches without their facet values (what an export selects). */
export async function matchRecords(
  db: Kysely<Database>,
  engine: Engine,
  query: MatchQuery,
): Promise<MatchedRecord[]> {
  const rows = await matchRows(db, engine, query, false);
  return rows.map((r) => ({ collection: r.collection, recordId: r.record_id }));
}
