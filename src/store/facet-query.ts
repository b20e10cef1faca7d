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

/** A query's matches, best first, as one statement: the rows, and how to keep their order around it. */
interface RankedMatches {
  statement: RawBuilder<unknown>;
  /** The same order over the statement's columns (collection, record_id, rank) aliased `m`. */
  order: RawBuilder<unknown>;
}

function rankedMatches(engine: Engine, query: MatchQuery, terms: string[]): RankedMatches {
  const { filters } = query;
  const facets = FACETS.filter((f) => active(filters[f]));
  const browse = terms.length === 0;
  const driver = browse ? driverOf(facets, query) : undefined;
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
  const where = sql.join(conditions, sql` AND `);
  if (!browse && engine === 'sqlite') {
    const match = terms.map((t) => `"${t}"`).join(' AND ');
    return {
      statement: sql`SELECT e.collection, e.record_id, bm25(search_fts, 10.0, 1.0) AS rank
        FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
        WHERE search_fts MATCH ${match} AND ${where}
        ORDER BY rank, e.record_id LIMIT ${query.limit}`,
      order: sql`m.rank, m.record_id`,
    };
  }
  if (!browse) {
    const q = terms.join(' & ');
    return {
      statement: sql`SELECT e.collection, e.record_id, ts_rank(e.tsv, to_tsquery('simple', ${q})) AS rank
        FROM search_entries e
        WHERE e.tsv @@ to_tsquery('simple', ${q}) AND ${where}
        ORDER BY rank DESC, e.record_id LIMIT ${query.limit}`,
      order: sql`m.rank DESC, m.record_id`,
    };
  }
  const from =
    driver === 'any'
      ? sql`SELECT DISTINCT r.record_id, r.collection FROM record_facets r`
      : driver === 'dates'
        ? sql`SELECT DISTINCT r.collection, r.record_id FROM record_dates r
            WHERE ${sql.join(dateBounds('r', filters.dates ?? {}), sql` AND `)}`
        : sql`SELECT DISTINCT r.collection, r.record_id FROM record_facets r WHERE r.facet = ${driver}
            ${active(filters[driver as FacetName]) ? sql`AND r.value IN (${sql.join(filters[driver as FacetName] ?? [])})` : sql``}`;
  return {
    statement: sql`SELECT e.collection, e.record_id, 0 AS rank FROM (${from}) e WHERE ${where}
      ORDER BY e.record_id DESC LIMIT ${query.limit}`,
    order: sql`m.record_id DESC`,
  };
}

/** The query's words as the engines take them, or undefined when it has words but none usable. */
function usableTerms(query: MatchQuery): string[] | undefined {
  const terms = safeTerms(query.terms);
  if (query.collections.length === 0 || (query.terms.length > 0 && terms.length === 0)) return undefined;
  return terms;
}

/**
 * Records matching the query terms (if any) and every filter, at most `limit`: by the engine's
 * ranking when there are terms, else newest first. Browsing starts from the facet index itself.
 */
export async function matchRecords(
  db: Kysely<Database>,
  engine: Engine,
  query: MatchQuery,
): Promise<MatchedRecord[]> {
  const terms = usableTerms(query);
  if (!terms) return [];
  const { rows } = await sql<{ collection: CollectionName; record_id: string }>`${
    rankedMatches(engine, query, terms).statement
  }`.execute(db);
  return rows.map((r) => ({ collection: r.collection, recordId: r.record_id }));
}

/** A match with the facet values it holds. */
export interface MatchWithFacets extends MatchedRecord {
  values: Array<{ facet: FacetName; value: string }>;
}

/**
 * The same matches as `matchRecords`, in the same order, each with its facet values, read in the
 * same statement: counting facets then costs one index probe per match and no second round of
 * queries over the matched ids.
 */
export async function matchRecordsWithFacets(
  db: Kysely<Database>,
  engine: Engine,
  query: MatchQuery,
): Promise<MatchWithFacets[]> {
  const terms = usableTerms(query);
  if (!terms) return [];
  const { statement, order } = rankedMatches(engine, query, terms);
  const { rows } = await sql<{
    collection: CollectionName;
    record_id: string;
    facet: FacetName | null;
    value: string | null;
  }>`SELECT m.collection, m.record_id, f.facet, f.value FROM (${statement}) m
    LEFT JOIN record_facets f ON f.collection = m.collection AND f.record_id = m.record_id
    ORDER BY ${order}`.execute(db);
  const out = new Map<string, MatchWithFacets>();
  for (const r of rows) {
    const key = `${r.collection}/${r.record_id}`;
    let match = out.get(key);
    if (!match) {
      match = { collection: r.collection, recordId: r.record_id, values: [] };
      out.set(key, match);
    }
    if (r.facet !== null && r.value !== null) match.values.push({ facet: r.facet, value: r.value });
  }
  return [...out.values()];
}
