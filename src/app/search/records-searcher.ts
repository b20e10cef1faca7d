import type { CollectionName } from '../../domain/collections.js';
import { queryTerms } from '../../domain/text/terms.js';
import { type SearchCandidate, searchCandidates } from '../../store/search-index.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { buildHits, byRank, type SearchHit, scoreOf } from './search-hits.js';

export type { SearchHit } from './search-hits.js';

export interface SearchProps {
  ctx: AppContext;
  q: string;
  types?: CollectionName[];
  limit: number;
  /** Only records this scope may see are ranked and returned. */
  scope?: AccessScope;
}

/** How many engine candidates to re-rank per requested result. */
export const CANDIDATES_PER_RESULT = 5;
export const MIN_CANDIDATES = 100;

/**
 * Full-text search across records in any script. The engine (FTS5 or PostgreSQL) finds records
 * holding every folded query term; Vigil then ranks them with one engine-independent score, so
 * both engines give the same top results, and builds highlighted snippets from the original text.
 */
export async function searchRecords({ ctx, q, types, limit, scope }: SearchProps): Promise<SearchHit[]> {
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  const found = await searchCandidates(ctx.store.handle.db, ctx.store.engine, terms, {
    collections: types,
    limit: Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT),
  });
  // Filtered before ranking: no hit, score or snippet comes from a record the reader may not see.
  const candidates = scope ? await visibleCandidates(scope, found) : found;
  const ranked = candidates
    .map((c) => ({
      collection: c.collection,
      recordId: c.recordId,
      score: scoreOf(c.titleTerms, c.bodyTerms, terms),
    }))
    .sort(byRank)
    .slice(0, limit);
  return buildHits(ctx, ranked, terms);
}

async function visibleCandidates(
  scope: AccessScope,
  candidates: SearchCandidate[],
): Promise<SearchCandidate[]> {
  const keep = new Set<string>();
  for (const collection of new Set(candidates.map((c) => c.collection))) {
    const ids = candidates.filter((c) => c.collection === collection).map((c) => ({ id: c.recordId }));
    for (const { id } of await scope.visibleOnly(collection, ids)) keep.add(`${collection}/${id}`);
  }
  return candidates.filter((c) => keep.has(`${c.collection}/${c.recordId}`));
}
