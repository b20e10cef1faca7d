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

/**
 * Records matching the query terms (if any) and every filter, at most `limit`: by the engine's
 * ranking when there are terms, else newest first. Browsing starts from the facet index itself.
 */
export async function matchRecords(
  db: Kysely<Database>,
  engine: Engine,
  query: MatchQuery,
): Promise<MatchedRecord[]> {
  const { filters } = query;
  const terms = safeTerms(query.terms);
  if (query.collections.length === 0 || (query.terms.length > 0 && terms.length === 0)) return [];
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
  let rows: Array<{ collection: CollectionName; record_id: string }>;
  if (!browse && engine === 'sqlite') {
    const match = terms.map((t) => `"${t}"`).join(' AND ');
    ({ rows } = await sql<{ collection: CollectionName; record_id: string }>`
      SELECT e.collection, e.record_id FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
      WHERE search_fts MATCH ${match} AND ${where}
      ORDER BY bm25(search_fts, 10.0, 1.0), e.record_id LIMIT ${query.limit}`.execute(db));
  } else if (!browse) {
    const q = terms.join(' & ');
    ({ rows } = await sql<{ collection: CollectionName; record_id: string }>`
      SELECT e.collection, e.record_id FROM search_entries e
      WHERE e.tsv @@ to_tsquery('simple', ${q}) AND ${where}
      ORDER BY ts_rank(e.tsv, to_tsquery('simple', ${q})) DESC, e.record_id LIMIT ${query.limit}`.execute(
      db,
    ));
  } else {
    const from =
      driver === 'any'
        ? sql`SELECT DISTINCT r.record_id, r.collection FROM record_facets r`
        : driver === 'dates'
          ? sql`SELECT DISTINCT r.collection, r.record_id FROM record_dates r
            WHERE ${sql.join(dateBounds('r', filters.dates ?? {}), sql` AND `)}`
          : sql`SELECT DISTINCT r.collection, r.record_id FROM record_facets r WHERE r.facet = ${driver}
            ${active(filters[driver as FacetName]) ? sql`AND r.value IN (${sql.join(filters[driver as FacetName] ?? [])})` : sql``}`;
    ({ rows } = await sql<{ collection: CollectionName; record_id: string }>`
      SELECT e.collection, e.record_id FROM (${from}) e WHERE ${where}
      ORDER BY e.record_id DESC LIMIT ${query.limit}`.execute(db));
  }
  return rows.map((r) => ({ collection: r.collection, recordId: r.record_id }));
}

/** The facet values of these records, keyed "collection/id". */
export async function facetValuesOf(
  db: Kysely<Database>,
  records: MatchedRecord[],
): Promise<Map<string, Array<{ facet: FacetName; value: string }>>> {
  const out = new Map<string, Array<{ facet: FacetName; value: string }>>();
  const byCollection = new Map<CollectionName, string[]>();
  for (const r of records) {
    const list = byCollection.get(r.collection) ?? [];
    list.push(r.recordId);
    byCollection.set(r.collection, list);
  }
  for (const [collection, ids] of byCollection) {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('record_facets')
        .select(['record_id', 'facet', 'value'])
        .where('collection', '=', collection)
        .where('record_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        const key = `${collection}/${r.record_id}`;
        const list = out.get(key) ?? [];
        list.push({ facet: r.facet as FacetName, value: r.value });
        out.set(key, list);
      }
    }
  }
  return out;
}
