import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { forbidden } from '../../app/policies/access-scope.js';
import { can } from '../../app/policies/policy.js';
import {
  createMapping,
  deleteMapping,
  listMappings,
  readMapping,
  updateMapping,
} from '../../app/table-import/saved-mappings.js';
import { SavedMapping } from '../../domain/schemas/table-mapping.js';
import { actorOf } from '../actor.js';
import { principalOf } from '../auth/authenticate.js';
import { errors } from './responses.js';
import { MappingBody, MappingPatch } from './table-import-schemas.js';

const tags = ['table import'];
const IdParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

function assertImporter(request: FastifyRequest) {
  if (!can(principalOf(request).role, 'tables.import')) throw forbidden();
}

/** Saved column mappings, reused by name for a list's next version: list, read, create, change, delete. */
export async function tableMappingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/table-mappings', {
    schema: {
      tags,
      summary: 'List saved mappings',
      response: { 200: Type.Object({ items: Type.Array(SavedMapping) }), ...errors(403) },
    },
    handler: async (request) => {
      assertImporter(request);
      return { items: await listMappings(ctx) };
    },
  });

  app.get('/api/table-mappings/:id', {
    schema: {
      tags,
      summary: 'Read a saved mapping',
      params: IdParam,
      response: { 200: SavedMapping, ...errors(403, 404) },
    },
    handler: async (request) => {
      assertImporter(request);
      return readMapping(ctx, (request.params as { id: string }).id);
    },
  });

  app.post('/api/table-mappings', {
    schema: {
      tags,
      summary: 'Save a mapping under a name',
      body: MappingBody,
      response: { 201: SavedMapping, ...errors(400, 403, 409) },
    },
    handler: async (request, reply) => {
      assertImporter(request);
      const { name, mapping } = request.body as { name: string; mapping: unknown };
      return reply.status(201).send(await createMapping({ ctx, actor: actorOf(request), name, mapping }));
    },
  });

  app.patch('/api/table-mappings/:id', {
    schema: {
      tags,
      summary: 'Rename or replace a saved mapping',
      description: 'Send the version you read; a stale one gets 409 and changes nothing.',
      params: IdParam,
      body: MappingPatch,
      response: { 200: SavedMapping, ...errors(400, 403, 404, 409) },
    },
    handler: async (request) => {
      assertImporter(request);
      const { version, name, mapping } = request.body as {
        version: number;
        name?: string;
        mapping?: unknown;
      };
      const { id } = request.params as { id: string };
      return updateMapping({ ctx, actor: actorOf(request), id, version, name, mapping });
    },
  });

  app.delete('/api/table-mappings/:id', {
    schema: {
      tags,
      summary: 'Delete a saved mapping',
      params: IdParam,
      querystring: Type.Object(
        { version: Type.Optional(Type.Integer({ minimum: 1 })) },
        { additionalProperties: false },
      ),
      response: { 204: Type.Null(), ...errors(403, 404, 409) },
    },
    handler: async (request, reply) => {
      assertImporter(request);
      const { id } = request.params as { id: string };
      const { version } = request.query as { version?: number };
      await deleteMapping({ ctx, actor: actorOf(request), id, version });
      return reply.status(204).send();
    },
  });
}
