import type { CollectionName } from '../../domain/collections.js';
import type { FacetCount } from '../../domain/schemas/search-results.js';
import { BROWSED, FACET_NAMES, type FacetName, TEXT_SEARCHED } from '../../domain/search-facets.js';
import { queryTerms } from '../../domain/text/terms.js';
import {
  type FacetFilters,
  type MatchedRecord,
  type MatchWithFacets,
  matchRecordsWithFacets,
} from '../../store/facet-query.js';
import { searchEntriesOf } from '../../store/search-index.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { CANDIDATES_PER_RESULT, MIN_CANDIDATES } from './records-searcher.js';
import { buildHits, byRank, type RankedRecord, type SearchHit, scoreOf } from './search-hits.js';

/**
 * Most matches one search considers: counts and results come from at most this many of the
 * best-ranked (or, browsing, newest) matches, and `complete` says when there were more.
 */
export const MATCH_CAP = 5000;
/** Values listed per facet, most frequent first (chosen values are always listed). */
const VALUES_PER_FACET = 50;

export interface FacetedResults {
  items: SearchHit[];
  /** Matches the reader may see (of the first MATCH_CAP). */
  total: number;
  /** False when a count or the results came from only the first MATCH_CAP matches. */
  complete: boolean;
  facets: Record<'type' | FacetName, FacetCount[]>;
}

export interface FacetedSearchProps {
  ctx: AppContext;
  /** The words; empty to browse by the filters alone. */
  q: string;
  /** The types to show; all when absent. */
  types?: CollectionName[];
  filters: FacetFilters;
  limit: number;
  scope?: AccessScope;
}

const key = (r: MatchedRecord) => `${r.collection}/${r.recordId}`;

/** Does any filter besides the record type narrow the search? */
export function hasFilters(filters: FacetFilters): boolean {
  return (
    FACET_NAMES.some((f) => (filters[f]?.length ?? 0) > 0) ||
    Boolean(filters.dates?.from || filters.dates?.to)
  );
}

/**
 * Search with filters and facet counts: results narrowed by type, region, act type, status and a
 * date range, and for each facet how many matches hold each value. A facet's counts leave out its
 * own filter (choosing "beating" still shows how many matches "torture" would add), and count only
 * records the reader may see, so no count reveals a hidden record. With no words, browses by the
 * filters alone, newest first; with neither, every record with a region, act type or status (a start page).
 */
export async function searchFaceted(props: FacetedSearchProps): Promise<FacetedResults> {
  const { ctx, filters, limit, scope } = props;
  const terms = queryTerms(props.q);
  const browse = props.q.trim() === '';
  // A query of punctuation only has no words: it finds nothing rather than browsing.
  if (!browse && terms.length === 0) return nothingFound(filters);
  const all = browse ? BROWSED : TEXT_SEARCHED;
  const types = props.types?.length ? props.types : all;
  const db = ctx.store.handle.db;
  let complete = true;
  const seen = new Map<string, boolean>();
  /** The matches of a variant of the query with their facet values. */
  const find = (collections: CollectionName[], f: FacetFilters, having?: FacetName) =>
    matchRecordsWithFacets(db, ctx.store.engine, {
      terms,
      collections,
      filters: f,
      having,
      limit: MATCH_CAP,
    });
  /** Those of the matches the reader may see. */
  const shown = async (found: MatchWithFacets[]) => {
    if (found.length >= MATCH_CAP) complete = false;
    return scope ? visible(scope, found, seen) : found;
  };
  const matches = async (collections: CollectionName[], f: FacetFilters, having?: FacetName) =>
    shown(await find(collections, f, having));
  const narrowed = types.length < all.length;
  // The type counts need the matches of every type. The chosen types' matches are among them in
  // the same order, and need no second query, when that set holds every match (it is under the
  // cap) or holds only the chosen types (the cap then cut both lists at the same place).
  const everyType = narrowed ? await find(all, filters) : undefined;
  const reusable =
    everyType && (everyType.length < MATCH_CAP || everyType.every((r) => types.includes(r.collection)));
  const typeSet = everyType && (await shown(everyType));
  const main = await (reusable && typeSet
    ? typeSet.filter((r) => types.includes(r.collection))
    : matches(types, filters));

  const counts: FacetedResults['facets'] = { type: [], region: [], act: [], status: [] };
  counts.type = tally(
    (typeSet ?? main).map((r) => [r.collection]),
    narrowed ? types : [],
  );
  for (const facet of FACET_NAMES) {
    const chosen = filters[facet] ?? [];
    const set = chosen.length ? await matches(types, { ...filters, [facet]: undefined }, facet) : main;
    counts[facet] = tally(
      set.map((r) => r.values.filter((v) => v.facet === facet).map((v) => v.value)),
      chosen,
    );
  }

  const window = main.slice(0, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT));
  const ranked = browse ? window.map((r) => ({ ...r, score: 0 })) : await rank(ctx, window, terms);
  return {
    items: await buildHits(ctx, ranked.slice(0, limit), terms),
    total: main.length,
    complete,
    facets: counts,
  };
}

function nothingFound(filters: FacetFilters): FacetedResults {
  const facets: FacetedResults['facets'] = { type: [], region: [], act: [], status: [] };
  for (const facet of FACET_NAMES) facets[facet] = tally([], filters[facet] ?? []);
  return { items: [], total: 0, complete: true, facets };
}

/** How many records hold each value, most first, at most VALUES_PER_FACET plus the chosen ones. */
function tally(valuesPerRecord: string[][], chosen: string[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const values of valuesPerRecord) for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const top = sorted.slice(0, VALUES_PER_FACET);
  for (const value of chosen)
    if (!top.some((c) => c.value === value)) top.push({ value, count: counts.get(value) ?? 0 });
  return top;
}

/** Vigil's engine-independent score over the engine's best matches. */
async function rank(ctx: AppContext, window: MatchedRecord[], terms: string[]): Promise<RankedRecord[]> {
  const ranked: RankedRecord[] = [];
  for (const collection of new Set(window.map((r) => r.collection))) {
    const ids = window.filter((r) => r.collection === collection).map((r) => r.recordId);
    const entries = await searchEntriesOf(ctx.store.handle.db, collection, ids);
    for (const id of ids) {
      const e = entries.get(id);
      if (e) ranked.push({ collection, recordId: id, score: scoreOf(e.titleTerms, e.bodyTerms, terms) });
    }
  }
  return ranked.sort(byRank);
}

/** The matches the reader may see, in order; what was decided once is remembered for the next set. */
async function visible(
  scope: AccessScope,
  found: MatchWithFacets[],
  seen: Map<string, boolean>,
): Promise<MatchWithFacets[]> {
  for (const collection of new Set(found.map((r) => r.collection))) {
    const ask = found.filter((r) => r.collection === collection && !seen.has(key(r)));
    if (ask.length === 0) continue;
    const shown = new Set(
      (
        await scope.visibleOnly(
          collection,
          ask.map((r) => ({ id: r.recordId })),
        )
      ).map((r) => r.id),
    );
    for (const r of ask) seen.set(key(r), shown.has(r.recordId));
  }
  return found.filter((r) => seen.get(key(r)));
}
