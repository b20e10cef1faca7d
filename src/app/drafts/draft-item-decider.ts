import type { CollectionName } from '../../domain/collections.js';
import { invalid, notFound, VigilError } from '../../domain/errors.js';
import type { Draft, DraftItem, ItemDecision } from '../../domain/schemas/draft.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { Actor, AppContext } from '../context.js';
import { draftOf } from './draft-reader.js';
import { replyOfItem } from './reply-item.js';

export interface DecideItemProps {
  ctx: AppContext;
  actor: Actor;
  draftId: string;
  itemId: string;
  decision: ItemDecision;
}

/** The collection an item of each matchable kind links to. */
export const ENTITY_COLLECTIONS: Partial<Record<DraftItem['kind'], CollectionName>> = {
  case: 'cases',
  place: 'places',
  person: 'persons',
  organization: 'organizations',
  reply: 'interventions',
};

/** Which fields a reviewer may correct, per kind of item. */
const EDITABLE: Record<DraftItem['kind'], Record<string, 'string' | 'number' | 'boolean'>> = {
  case: { title: 'string', summary: 'string' },
  place: {
    name: 'string',
    canonical: 'string',
    region: 'string',
    country: 'string',
    lat: 'number',
    lon: 'number',
    gazetteerId: 'string',
  },
  person: {
    name: 'string',
    role: 'string',
    age: 'number',
    birthYear: 'number',
    hometown: 'string',
    unit: 'string',
  },
  organization: { name: 'string', kind: 'string' },
  act: { type: 'string' },
  appeal: { to: 'string', by: 'string', status: 'string', date: 'string', dateEstimated: 'boolean' },
  count: { value: 'number' },
  date: { date: 'string' },
  reply: { outcome: 'string', date: 'string', forwardedTo: 'string', newDeadline: 'string' },
};

function checkValue(item: DraftItem, value: Record<string, unknown>) {
  const allowed = EDITABLE[item.kind];
  const problems = Object.entries(value)
    .filter(
      ([k, v]) =>
        allowed[k] === undefined ||
        (v !== null && typeof v !== allowed[k]) ||
        (typeof v === 'string' && (v.length === 0 || v.length > (k === 'summary' ? 5000 : 500))),
    )
    .map(([k]) => ({
      path: `/value/${k}`,
      message: allowed[k] ? `must be a ${allowed[k]}` : 'cannot be edited for this item',
    }));
  if (problems.length)
    throw invalid(`value is invalid: ${problems[0].path} ${problems[0].message}`, problems);
}

/**
 * Records the reviewer's decision on one item of a pending draft: accept, edit (with the
 * corrected value) or reject, and for an entity which record it is or that it is new.
 */
export async function decideItem({ ctx, actor, draftId, itemId, decision }: DecideItemProps): Promise<Draft> {
  return ctx.store.write(actor.id, async (writer) => {
    const row = await ingestRows.draft(writer.trx, draftId);
    if (!row) throw notFound('draft');
    const draft = draftOf(row);
    if (draft.status !== 'pending')
      throw new VigilError('conflict', 'the draft was applied already; it cannot change');
    const index = draft.items.findIndex((i) => i.id === itemId);
    if (index < 0) throw notFound('draft item');
    const item = draft.items[index];
    if (decision.decision === 'edit') {
      if (!decision.value)
        throw invalid('an edit needs a value', [{ path: '/value', message: 'is required for edit' }]);
      checkValue(item, decision.value);
      // A reply's corrected outcome and dates must be ones its apply understands.
      if (item.kind === 'reply') replyOfItem({ ...item, value: decision.value });
    } else if (decision.value)
      throw invalid('only an edit takes a value', [{ path: '/value', message: 'only with decision edit' }]);
    if (decision.matchId && decision.createNew)
      throw invalid('choose either matchId or createNew', [
        { path: '/createNew', message: 'not with matchId' },
      ]);
    if (decision.createNew && item.kind === 'reply')
      throw invalid('a reply answers an appeal on file: choose it with matchId', [
        { path: '/createNew', message: 'not for a reply' },
      ]);
    const collection = ENTITY_COLLECTIONS[item.kind];
    if ((decision.matchId || decision.createNew) && !collection)
      throw invalid(
        'only entities (case, place, person, organization) and replies (to their appeal) are matched',
        [{ path: '/matchId', message: 'not for this item' }],
      );
    if (decision.matchId && collection && !(await writer.get(collection, decision.matchId)))
      throw invalid(`no ${collection.slice(0, -1)} with this id`, [
        { path: '/matchId', message: 'does not exist' },
      ]);
    const after: DraftItem = {
      ...item,
      decision: decision.decision,
      decidedBy: actor.id,
      ...(decision.value ? { value: decision.value } : {}),
    };
    if (decision.decision !== 'edit') delete after.value;
    delete after.matchId;
    delete after.createNew;
    if (decision.matchId) after.matchId = decision.matchId;
    if (decision.createNew) after.createNew = true;
    draft.items[index] = after;
    const {
      id,
      sourceId: _s,
      status,
      version,
      createdAt: _c,
      updatedAt: _u,
      ...doc
    } = { ...draft, updatedAt: writer.now };
    if (
      !(await ingestRows.updateDraft(writer.trx, id, version, {
        status,
        doc: JSON.stringify(doc),
        updated_at: writer.now,
      }))
    )
      throw new VigilError('conflict', 'the draft was changed by someone else; reload it');
    await writer.note({ action: 'review', collection: 'drafts', recordId: id, before: item, after });
    const stored = await ingestRows.draft(writer.trx, id);
    if (!stored) throw new VigilError('internal', 'draft vanished');
    return draftOf(stored);
  });
}
