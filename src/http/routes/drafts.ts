import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { applyDraft } from '../../app/drafts/draft-applier.js';
import { decideItem } from '../../app/drafts/draft-item-decider.js';
import { listDrafts, readDraftRow, viewDraft } from '../../app/drafts/draft-reader.js';
import type { AccessScope } from '../../app/policies/access-scope.js';
import { notFound } from '../../domain/errors.js';
import { DRAFT_STATUSES } from '../../domain/record-vocabularies.js';
import { Id, oneOf } from '../../domain/schemas/common.js';
import { Draft, DraftView, ItemDecision } from '../../domain/schemas/draft.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import { pageOf } from './collections.js';
import { errors } from './responses.js';

const DraftParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const ItemParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), itemId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** Review of extraction drafts: list, read with candidates, decide item by item, apply. */
export async function draftRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['drafts'];
  app.get('/api/drafts', {
    schema: {
      tags,
      summary: 'List extraction drafts',
      querystring: Type.Object(
        {
          status: Type.Optional(oneOf(DRAFT_STATUSES)),
          sourceId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: pageOf(Draft, 'DraftPage'), ...errors(400) },
    },
    handler: async (request) => {
      const scope = scopeOf(ctx, request);
      const page = await listDrafts(ctx, request.query as { limit: number });
      // Drafts of sources the reader may not see are left out, as those sources are.
      const seen = await scope.visibleOnly(
        'sources',
        page.items.map((d) => ({ id: d.sourceId })),
      );
      const ids = new Set(seen.map((s) => s.id));
      return { ...page, items: page.items.filter((d) => ids.has(d.sourceId)) };
    },
  });

  app.get('/api/drafts/:id', {
    schema: {
      tags,
      summary: 'Read a draft with entity candidates, scores and reasons',
      params: DraftParam,
      response: { 200: DraftView, ...errors(404) },
    },
    handler: async (request) => {
      const scope = scopeOf(ctx, request);
      const draft = await visibleDraft(ctx, scope, (request.params as { id: string }).id);
      return viewDraft(ctx, draft, scope);
    },
  });

  app.patch('/api/drafts/:id/items/:itemId', {
    schema: {
      tags,
      summary: 'Accept, edit or reject one item; for an entity, pick the record or create a new one',
      params: ItemParam,
      body: ItemDecision,
      response: { 200: DraftView, ...errors(400, 404, 409) },
    },
    handler: async (request) => {
      const { id, itemId } = request.params as { id: string; itemId: string };
      const scope = scopeOf(ctx, request);
      await writableDraft(ctx, scope, id);
      const draft = await decideItem({
        ctx,
        actor: actorOf(request),
        draftId: id,
        itemId,
        decision: request.body as ItemDecision,
      });
      return viewDraft(ctx, draft, scope);
    },
  });

  app.post('/api/drafts/:id/apply', {
    schema: {
      tags,
      summary: 'Apply a reviewed draft: create or link records and claims, in one transaction',
      params: DraftParam,
      body: Type.Optional(
        Type.Object(
          {
            acceptPending: Type.Optional(Type.Boolean({ description: 'apply undecided items as suggested' })),
          },
          { additionalProperties: false },
        ),
      ),
      response: { 200: Draft, ...errors(400, 404, 409) },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const body = (request.body ?? {}) as { acceptPending?: boolean };
      const scope = scopeOf(ctx, request);
      await writableDraft(ctx, scope, id);
      return applyDraft({
        ctx,
        actor: actorOf(request),
        draftId: id,
        acceptPending: body.acceptPending,
        scope,
      });
    },
  });
}

/** A draft the reader may see: its source must be visible, else the draft is not found. */
async function visibleDraft(ctx: AppContext, scope: AccessScope, id: string): Promise<Draft> {
  const draft = await readDraftRow(ctx, id);
  const [seen] = await scope.visibleOnly('sources', [{ id: draft.sourceId }]);
  if (!seen) throw notFound('draft');
  return draft;
}

/** A draft the reader may review: visible, and its source writable by them. */
async function writableDraft(ctx: AppContext, scope: AccessScope, id: string): Promise<Draft> {
  const draft = await visibleDraft(ctx, scope, id);
  const source = await ctx.store.get('sources', draft.sourceId);
  await scope.assertWritable('sources', source ?? {}, draft.sourceId);
  return draft;
}
