import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { involveInCase } from '../../app/cases/case-involver.js';
import type { AppContext } from '../../app/context.js';
import { presentRecords } from '../../app/presenters/record-presenter.js';
import { deleteRecord } from '../../app/records/record-deleter.js';
import { listRecords } from '../../app/records/record-lister.js';
import { readRecord } from '../../app/records/record-reader.js';
import { COLLECTIONS } from '../../domain/collections.js';
import { notFound } from '../../domain/errors.js';
import { Involvement, InvolvementFields } from '../../domain/schemas/involvement.js';
import { PersonFields } from '../../domain/schemas/person.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';
import { pageOf } from './collections.js';

const CaseParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const LinkParam = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    involvementId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
const NewInvolvement = Type.Object(
  {
    ...Type.Omit(InvolvementFields, ['caseId']).properties,
    person: Type.Optional({
      ...PersonFields,
      description: 'a person not yet recorded: created and linked in one step (leave out personId)',
    }),
  },
  { title: 'NewInvolvement', additionalProperties: false },
);

/** Linking persons and organizations to a case with a role: /api/cases/:id/involvements. */
export async function involvementRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['cases'];
  app.get('/api/cases/:id/involvements', {
    schema: {
      tags,
      summary: 'List who is involved in a case',
      params: CaseParam,
      querystring: Type.Object(
        {
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: pageOf(Involvement, 'InvolvementPage'), 404: ErrorBody, 400: ErrorBody },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('cases', id);
      await readRecord({ ctx, collection: 'cases', id });
      const page = await listRecords({
        ctx,
        scope,
        collection: 'involvements',
        limit,
        cursor,
        filters: { caseId: id },
      });
      return { ...page, items: await presentRecords(ctx, scope, 'involvements', page.items) };
    },
  });

  app.post('/api/cases/:id/involvements', {
    schema: {
      tags,
      summary: 'Link a person or an organization to a case with a role, or record a new person and link them',
      params: CaseParam,
      body: NewInvolvement,
      response: { 201: Involvement, 400: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      const { id } = request.params as { id: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('cases', id);
      await readRecord({ ctx, collection: 'cases', id });
      const { person, ...fields } = request.body as { person?: Record<string, unknown> } & Record<
        string,
        unknown
      >;
      if (person) await scope.assertWritable('persons', person);
      await scope.assertWritable('involvements', { ...fields, caseId: id });
      const record = await involveInCase({
        ctx,
        actor: actorOf(request),
        caseId: id,
        input: fields,
        newPerson: person,
      });
      return reply.status(201).send(record);
    },
  });

  app.delete('/api/cases/:id/involvements/:involvementId', {
    schema: {
      tags,
      summary: 'Unlink',
      params: LinkParam,
      response: { 204: Type.Null(), 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      const { id, involvementId } = request.params as { id: string; involvementId: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('cases', id);
      const link = await ctx.store.get('involvements', involvementId);
      if (!link || link.caseId !== id) throw notFound(COLLECTIONS.involvements.noun);
      await scope.assertWritable('involvements', link, involvementId);
      await deleteRecord({ ctx, actor: actorOf(request), collection: 'involvements', id: involvementId });
      return reply.status(204).send();
    },
  });
}
