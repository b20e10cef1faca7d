import type { CollectionName } from '../../domain/collections.js';
import { notFound } from '../../domain/errors.js';
import type {
  Candidate,
  Draft,
  DraftItem,
  DraftItemView,
  DraftView,
  MatchReason,
} from '../../domain/schemas/draft.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { DraftRow } from '../../store/schema.js';
import type { AppContext } from '../context.js';
import { AccessScope } from '../policies/access-scope.js';
import {
  type DraftContext,
  organizationCandidates,
  personCandidates,
  placeCandidates,
  placeKeysOf,
} from '../resolution/candidate-finder.js';
import { PERSON_MATCH_THRESHOLD } from '../resolution/person-similarity.js';
import { replyCandidates, replyCaseCandidate } from './reply-item.js';

/** Scores from which Vigil suggests an existing record instead of a new one. */
const SUGGEST_FROM: Record<string, number> = {
  person: PERSON_MATCH_THRESHOLD,
  place: 0.6,
  organization: 0.8,
  case: 0.5,
  // The reply cites the appeal's date: that alone makes it the appeal answered.
  reply: 0.5,
};

/** A stored draft row as the domain sees it. */
export function draftOf(row: DraftRow): Draft {
  const doc = JSON.parse(row.doc) as Omit<
    Draft,
    'id' | 'sourceId' | 'status' | 'version' | 'createdAt' | 'updatedAt'
  >;
  return {
    ...doc,
    id: row.id,
    sourceId: row.source_id,
    status: row.status as Draft['status'],
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const CANDIDATE_COLLECTIONS: Record<string, CollectionName | undefined> = {
  person: 'persons',
  place: 'places',
  organization: 'organizations',
  reply: 'interventions',
};

/** One draft by id, or not_found. */
export async function readDraftRow(ctx: AppContext, id: string): Promise<Draft> {
  const row = await ingestRows.draft(ctx.store.handle.db, id);
  if (!row) throw notFound('draft');
  return draftOf(row);
}

/** A page of drafts, oldest first, optionally by status or source. */
export async function listDrafts(
  ctx: AppContext,
  query: { status?: string; sourceId?: string; limit: number; cursor?: string },
): Promise<{ items: Draft[]; nextCursor: string | null }> {
  const db = ctx.store.handle.db;
  if (query.sourceId) {
    const row = await ingestRows.draftOfSource(db, query.sourceId);
    const items = row && (!query.status || row.status === query.status) ? [draftOf(row)] : [];
    return { items, nextCursor: null };
  }
  const after = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : undefined;
  const rows = await ingestRows.listDrafts(db, { status: query.status, after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(draftOf);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}

function contextOf(draft: Draft): DraftContext {
  const year = draft.published ? Number(draft.published.slice(0, 4)) : undefined;
  const placeKeys = draft.items
    .filter((i) => i.kind === 'place' && i.decision !== 'reject')
    .flatMap((i) => placeKeysOf({ ...i.proposed, ...(i.value ?? {}) }));
  return { ...(year ? { publishedYear: year } : {}), placeKeys };
}

/** The record an item resolves to: the reviewer's choice, else Vigil's suggestion. */
export function resolvedId(item: DraftItemView): string | undefined {
  if (item.createNew) return undefined;
  return item.matchId ?? item.suggestion.matchId;
}

function suggestionOf(item: DraftItem, candidates: Candidate[]): DraftItemView['suggestion'] {
  const threshold = SUGGEST_FROM[item.kind];
  if (threshold === undefined) return {};
  const best = candidates[0];
  return best && best.score >= threshold ? { matchId: best.id } : { createNew: true };
}

/**
 * A draft with, for every entity item, the existing records it may be (scored, with reasons)
 * and a suggestion. Computed on each read, so a draft reviewed after another source was applied
 * sees the records that one created.
 */
export async function viewDraft(
  ctx: AppContext,
  draft: Draft,
  scope: AccessScope = AccessScope.system(ctx),
): Promise<DraftView> {
  const context = contextOf(draft);
  const items: DraftItemView[] = [];
  for (const item of draft.items) {
    let candidates: Candidate[] = [];
    if (item.kind === 'person') candidates = await personCandidates(ctx, item, context);
    else if (item.kind === 'place') candidates = await placeCandidates(ctx, item);
    else if (item.kind === 'organization') candidates = await organizationCandidates(ctx, item);
    else if (item.kind === 'reply')
      candidates = await replyCandidates(ctx, { ...item, candidates, suggestion: {} });
    const collection = CANDIDATE_COLLECTIONS[item.kind];
    // A reviewer is offered only records they may see: a candidate's label is personal data.
    if (collection) candidates = await scope.visibleOnly(collection, candidates);
    items.push({ ...item, candidates, suggestion: suggestionOf(item, candidates) });
  }
  const caseItem = items.find((i) => i.kind === 'case');
  if (caseItem) {
    const answered = await replyCaseCandidate(ctx, items, resolvedId);
    const others = (await caseCandidates(ctx, draft, items)).filter((c) => c.id !== answered?.id);
    caseItem.candidates = await scope.visibleOnly('cases', answered ? [answered, ...others] : others);
    caseItem.suggestion = suggestionOf(caseItem, caseItem.candidates);
  }
  return { ...draft, items };
}

/** Cases this source may belong to: one holding a reprint of it, the same site, the same persons. */
async function caseCandidates(ctx: AppContext, draft: Draft, items: DraftItemView[]): Promise<Candidate[]> {
  const db = ctx.store.handle.db;
  const reasons = new Map<string, MatchReason[]>();
  const add = (caseId: string, reason: MatchReason) => {
    const list = reasons.get(caseId) ?? [];
    if (!list.some((r) => r.code === reason.code && r.code !== 'shared_person')) list.push(reason);
    reasons.set(caseId, list);
  };
  const storyId = (await ingestRows.storiesOf(db, [draft.sourceId])).get(draft.sourceId) ?? draft.sourceId;
  for (const member of await ingestRows.storyMembers(db, storyId)) {
    if (member.source_id === draft.sourceId) continue;
    const row = await ingestRows.draftOfSource(db, member.source_id);
    const caseId = row ? draftOf(row).result?.caseId : undefined;
    if (caseId)
      add(caseId, { code: 'same_story', weight: 0.7, detail: 'a reprint of this report is in the case' });
  }
  const live = items.filter((i) => i.decision !== 'reject');
  for (const item of live.filter((i) => i.kind === 'place')) {
    const placeId = resolvedId(item);
    if (!placeId) continue;
    for (const act of await ctx.store.list('acts', { filters: { placeId }, limit: 200 }))
      add(String(act.caseId), {
        code: 'same_site',
        weight: 0.5,
        detail: 'the case has acts at the same detention site',
      });
  }
  for (const item of live.filter((i) => i.kind === 'person')) {
    const personId = resolvedId(item);
    if (!personId) continue;
    for (const link of await ctx.store.list('involvements', { filters: { personId }, limit: 200 }))
      add(String(link.caseId), {
        code: 'shared_person',
        weight: 0.2,
        detail: 'a person of this report is in the case',
      });
  }
  const cases = await ctx.store.getMany('cases', [...reasons.keys()]);
  return cases
    .map((c) => {
      const list = reasons.get(c.id) ?? [];
      const score =
        Math.round(
          Math.min(
            1,
            list.reduce((s, r) => s + r.weight, 0),
          ) * 100,
        ) / 100;
      return { id: c.id, label: String(c.title), score, reasons: list };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, 5);
}
