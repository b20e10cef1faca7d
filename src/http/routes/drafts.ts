import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { applyDraft } from '../../app/drafts/draft-applier.js';
import { decideItem } from '../../app/drafts/draft-item-decider.js';
import { listDrafts, readDraftRow, viewDraft } from '../../app/drafts/draft-reader.js';
import { Id, oneOf } from '../../domain/schemas/common.js';
import { DRAFT_STATUSES, Draft, DraftView, ItemDecision } from '../../domain/schemas/draft.js';
import { actorOf } from '../actor.js';
import { ErrorBody } from '../errors.js';
import { pageOf } from './collections.js';

const DraftParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const ItemParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), itemId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorBody]));

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
    handler: async (request) => listDrafts(ctx, request.query as { limit: number }),
  });

  app.get('/api/drafts/:id', {
    schema: {
      tags,
      summary: 'Read a draft with entity candidates, scores and reasons',
      params: DraftParam,
      response: { 200: DraftView, ...errors(404) },
    },
    handler: async (request) =>
      viewDraft(ctx, await readDraftRow(ctx, (request.params as { id: string }).id)),
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
      const draft = await decideItem({
        ctx,
        actor: actorOf(request),
        draftId: id,
        itemId,
        decision: request.body as ItemDecision,
      });
      return viewDraft(ctx, draft);
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
      return applyDraft({ ctx, actor: actorOf(request), draftId: id, acceptPending: body.acceptPending });
    },
  });
}
