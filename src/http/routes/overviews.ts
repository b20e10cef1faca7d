import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { readCaseOverview } from '../../app/overviews/case-overview-reader.js';
import { readPersonOverview } from '../../app/overviews/person-overview-reader.js';
import { CaseOverview, PersonOverview } from '../../domain/schemas/overview.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';

const IdParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
/** One read per page: GET /api/cases/:id/overview and GET /api/persons/:id/overview. */
export async function overviewRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/cases/:id/overview', {
    schema: {
      tags: ['cases'],
      summary: 'A case with its persons and roles, chronology from claims, acts, appeals and sources',
      params: IdParam,
      response: { 200: CaseOverview, 404: ErrorBody },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('cases', id);
      return readCaseOverview(ctx, scope, id);
    },
  });

  app.get('/api/persons/:id/overview', {
    schema: {
      tags: ['persons'],
      summary: 'A person with status history and sources, cases and roles, appeals concerning them',
      params: IdParam,
      response: { 200: PersonOverview, 404: ErrorBody },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('persons', id);
      return readPersonOverview(ctx, scope, id);
    },
  });
}
