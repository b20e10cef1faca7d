import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import type { AccessScope } from '../../app/policies/access-scope.js';
import { keepHiddenStatusEntries, presentRecords } from '../../app/presenters/record-presenter.js';
import { createRecord } from '../../app/records/record-creator.js';
import { deleteRecord } from '../../app/records/record-deleter.js';
import { listRecords } from '../../app/records/record-lister.js';
import { readRecord } from '../../app/records/record-reader.js';
import { updateRecord } from '../../app/records/record-updater.js';
import {
  API_COLLECTIONS,
  COLLECTIONS,
  type CollectionSpec,
  type StoredRecord,
} from '../../domain/collections.js';
import { patchOf } from '../../domain/schemas/patch.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import { ActView, presentActs } from '../presenters/act-presenter.js';
import { CaseListItem, presentCasePeriods } from '../presenters/case-presenter.js';
import { errors } from './responses.js';

const IdParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** The querystring of a list: page size, opaque cursor, and the collection's equality filters. */
export function listQueryOf(spec: CollectionSpec) {
  const filters: Record<string, TSchema> = {};
  for (const field of spec.filters)
    filters[field] = Type.Optional(Type.String({ minLength: 1, maxLength: 300 }));
  return Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
      cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
      ...filters,
    },
    { additionalProperties: false },
  );
}

export function pageOf(record: TSchema, title: string) {
  return Type.Object(
    { items: Type.Array(record), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    { title },
  );
}

/** CRUD and paginated, filterable lists for every top-level collection. */
export async function collectionRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const name of API_COLLECTIONS) {
    const spec = COLLECTIONS[name];
    const tag = [name];
    const base = `/api/${name}`;
    const noun = spec.noun;
    // Acts leave the server with their corroboration counts; other records as stored.
    const view = name === 'acts' ? ActView : spec.record;
    const present = async (scope: AccessScope, records: StoredRecord[]) => {
      const shown = await presentRecords(ctx, scope, name, records);
      return name === 'acts' ? presentActs(ctx, scope, shown) : shown;
    };

    app.get(base, {
      schema: {
        tags: tag,
        summary: `List ${name}`,
        querystring: listQueryOf(spec),
        // The cases list also says when each case's people were held (its Period column).
        response: {
          200: pageOf(name === 'cases' ? CaseListItem : view, `${spec.record.title}Page`),
          ...errors(400),
        },
      },
      handler: async (request) => {
        const { limit, cursor, ...filters } = request.query as { limit: number; cursor?: string } & Record<
          string,
          string
        >;
        const scope = scopeOf(ctx, request);
        const page = await listRecords({ ctx, scope, collection: name, limit, cursor, filters });
        const items = await present(scope, page.items);
        return { ...page, items: name === 'cases' ? await presentCasePeriods(ctx, items) : items };
      },
    });

    // Sources are created by ingesting them (routes/sources.ts).
    if (name !== 'sources')
      app.post(base, {
        schema: {
          tags: tag,
          summary: `Create a ${noun}`,
          body: spec.fields,
          response: { 201: view, ...errors(400, 409, 413) },
        },
        handler: async (request, reply) => {
          const scope = scopeOf(ctx, request);
          await scope.assertWritable(name, request.body as Record<string, unknown>);
          const record = await createRecord({
            ctx,
            actor: actorOf(request),
            collection: name,
            input: request.body,
          });
          return reply.status(201).send((await present(scope, [record]))[0]);
        },
      });

    app.get(`${base}/:id`, {
      schema: {
        tags: tag,
        summary: `Read a ${noun}`,
        params: IdParam,
        response: { 200: view, ...errors(404) },
      },
      handler: async (request) => {
        const { id } = request.params as { id: string };
        const scope = scopeOf(ctx, request);
        await scope.assertVisible(name, id);
        return (await present(scope, [await readRecord({ ctx, collection: name, id })]))[0];
      },
    });

    app.patch(`${base}/:id`, {
      schema: {
        tags: tag,
        summary: `Change a ${noun}`,
        description: 'Send the fields to change and the version you read; null removes an optional field.',
        params: IdParam,
        body: patchOf(spec.fields, `${spec.record.title}Patch`),
        response: { 200: view, ...errors(400, 404, 409, 413) },
      },
      handler: async (request) => {
        const { id } = request.params as { id: string };
        const patch = request.body as { version: number } & Record<string, unknown>;
        const scope = scopeOf(ctx, request);
        await scope.assertVisible(name, id);
        const before = await readRecord({ ctx, collection: name, id });
        if (name === 'persons' && Array.isArray(patch.statusHistory))
          patch.statusHistory = await keepHiddenStatusEntries(scope, before, patch.statusHistory);
        const merged: Record<string, unknown> = { ...before };
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) delete merged[key];
          else merged[key] = value;
        }
        await scope.assertWritable(name, merged, id);
        const record = await updateRecord({ ctx, actor: actorOf(request), collection: name, id, patch });
        return (await present(scope, [record]))[0];
      },
    });

    app.delete(`${base}/:id`, {
      schema: {
        tags: tag,
        summary: `Delete a ${noun}`,
        params: IdParam,
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(404, 409) },
      },
      handler: async (request, reply) => {
        const { id } = request.params as { id: string };
        const { version } = request.query as { version?: number };
        const scope = scopeOf(ctx, request);
        await scope.assertVisible(name, id);
        await scope.assertWritable(name, await readRecord({ ctx, collection: name, id }), id);
        await deleteRecord({ ctx, actor: actorOf(request), collection: name, id, version });
        return reply.status(204).send();
      },
    });
  }
}
