import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  type StoredRecord,
} from '../../domain/collections.js';
import { highlight, queryTerms } from '../../domain/text/terms.js';
import { type SearchCandidate, searchCandidates } from '../../store/search-index.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';

export interface SearchHit {
  type: CollectionName;
  id: string;
  title: string;
  /** A plain-text excerpt around the matches; `highlights` are [start, end) offsets into it. */
  snippet: string;
  highlights: Array<[number, number]>;
  score: number;
}

export interface SearchProps {
  ctx: AppContext;
  q: string;
  types?: CollectionName[];
  limit: number;
  /** Only records this scope may see are ranked and returned. */
  scope?: AccessScope;
}

/** How many engine candidates to re-rank per requested result. */
const CANDIDATES_PER_RESULT = 5;
const MIN_CANDIDATES = 100;

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
    .map((c) => ({ c, score: scoreOf(c, terms) }))
    .sort((a, b) => b.score - a.score || order(a.c) - order(b.c) || (a.c.recordId < b.c.recordId ? -1 : 1))
    .slice(0, limit);
  const records = await loadRecords(
    ctx,
    ranked.map((r) => r.c),
  );
  const hits: SearchHit[] = [];
  for (const { c, score } of ranked) {
    const record = records.get(`${c.collection}/${c.recordId}`);
    const searchText = COLLECTIONS[c.collection].searchText;
    if (!record || !searchText) continue;
    const { title, body } = searchText(record);
    const excerpt = highlight(body || title, terms, { maxLength: 240 });
    hits.push({
      type: c.collection,
      id: c.recordId,
      title,
      snippet: excerpt.snippet,
      highlights: excerpt.highlights,
      score,
    });
  }
  return hits;
}

/** Title matches weigh three times body matches; shorter titles win ties (an exact name). */
function scoreOf(candidate: SearchCandidate, terms: string[]): number {
  const title = candidate.titleTerms.split(' ');
  const body = new Set(candidate.bodyTerms.split(' '));
  let score = 0;
  for (const term of terms) score += title.includes(term) ? 3 : body.has(term) ? 1 : 0;
  return score + 1 / (1 + title.length);
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

function order(c: SearchCandidate): number {
  return COLLECTION_NAMES.indexOf(c.collection);
}

async function loadRecords(
  ctx: AppContext,
  candidates: SearchCandidate[],
): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  const byCollection = new Map<CollectionName, string[]>();
  for (const c of candidates)
    byCollection.set(c.collection, [...(byCollection.get(c.collection) ?? []), c.recordId]);
  for (const [collection, ids] of byCollection) {
    for (const record of await ctx.store.getMany(collection, ids))
      out.set(`${collection}/${record.id}`, record);
  }
  return out;
}
