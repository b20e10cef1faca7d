import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  type StoredRecord,
} from '../../domain/collections.js';
import type { SearchHit } from '../../domain/schemas/search-results.js';
import { highlight } from '../../domain/text/terms.js';
import type { AppContext } from '../context.js';

export type { SearchHit };

/** A record found, with its score (0 when browsing by filters alone). */
export interface RankedRecord {
  collection: CollectionName;
  recordId: string;
  score: number;
}

/** Title matches weigh three times body matches; shorter titles win ties (an exact name). */
export function scoreOf(titleTerms: string, bodyTerms: string, terms: string[]): number {
  const title = titleTerms.split(' ');
  const body = new Set(bodyTerms.split(' '));
  let score = 0;
  for (const term of terms) score += title.includes(term) ? 3 : body.has(term) ? 1 : 0;
  return score + 1 / (1 + title.length);
}

/** Best score first; then by type in collection order, then by id: the same order on every engine. */
export function byRank(a: RankedRecord, b: RankedRecord): number {
  return (
    b.score - a.score ||
    COLLECTION_NAMES.indexOf(a.collection) - COLLECTION_NAMES.indexOf(b.collection) ||
    (a.recordId < b.recordId ? -1 : 1)
  );
}

/**
 * What a hit shows of a record: its search text, or for records found only by their facets
 * (acts and appeals have no text of their own) the act type's code or the recipient.
 */
function displayText(collection: CollectionName, record: StoredRecord): { title: string; body: string } {
  const searchText = COLLECTIONS[collection].searchText;
  if (searchText) return searchText(record);
  if (collection === 'acts')
    return {
      title: String(record.type),
      body: typeof record.description === 'string' ? record.description : '',
    };
  if (collection === 'interventions') return { title: String(record.recipientName), body: '' };
  return { title: '', body: '' };
}

/** Hits for ranked records, in their order, with snippets highlighting the terms in the original text. */
export async function buildHits(
  ctx: AppContext,
  ranked: RankedRecord[],
  terms: string[],
): Promise<SearchHit[]> {
  const records = new Map<string, StoredRecord>();
  const byCollection = new Map<CollectionName, string[]>();
  for (const r of ranked)
    byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r.recordId]);
  for (const [collection, ids] of byCollection) {
    for (const record of await ctx.store.getMany(collection, ids))
      records.set(`${collection}/${record.id}`, record);
  }
  const hits: SearchHit[] = [];
  for (const { collection, recordId, score } of ranked) {
    const record = records.get(`${collection}/${recordId}`);
    if (!record) continue;
    const { title, body } = displayText(collection, record);
    const excerpt = highlight(body || title, terms, { maxLength: 240 });
    hits.push({
      type: collection,
      id: recordId,
      title,
      snippet: excerpt.snippet,
      highlights: excerpt.highlights,
      score,
      ...((collection === 'acts' || collection === 'interventions') && typeof record.caseId === 'string'
        ? { caseId: record.caseId }
        : {}),
    });
  }
  return hits;
}
