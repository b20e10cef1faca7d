import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { searchRecords } from '../../app/search/records-searcher.js';
import { API_COLLECTIONS, type CollectionName } from '../../domain/collections.js';
import { invalid } from '../../domain/errors.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';

const SEARCHED: CollectionName[] = ['cases', 'persons', 'organizations', 'places', 'sources'];

const SearchHit = Type.Object(
  {
    type: Type.String({ enum: SEARCHED }),
    id: Type.String(),
    title: Type.String(),
    snippet: Type.String(),
    highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
      description: '[start, end) offsets into snippet',
    }),
    score: Type.Number(),
  },
  { title: 'SearchHit' },
);

/** GET /api/search: one box across persons, places, organizations, cases and source text. */
export async function searchRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/search', {
    schema: {
      tags: ['search'],
      summary: 'Search records in any script and transliteration',
      querystring: Type.Object(
        {
          q: Type.String({ minLength: 1, maxLength: 500 }),
          types: Type.Optional(Type.String({ description: `comma-separated: ${SEARCHED.join(', ')}` })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ items: Type.Array(SearchHit) }, { title: 'SearchResults' }),
        400: ErrorBody,
      },
    },
    handler: async (request) => {
      const { q, types, limit } = request.query as { q: string; types?: string; limit: number };
      const wanted = types
        ? types
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined;
      const unknown = wanted?.filter(
        (t) => !SEARCHED.includes(t as CollectionName) || !API_COLLECTIONS.includes(t as CollectionName),
      );
      if (unknown?.length) {
        throw invalid('types names a collection that is not searched', [
          { path: '/querystring/types', message: `unknown: ${unknown.join(', ')}` },
        ]);
      }
      return {
        items: await searchRecords({
          ctx,
          scope: scopeOf(ctx, request),
          q,
          types: (wanted as CollectionName[] | undefined) ?? SEARCHED,
          limit,
        }),
      };
    },
  });
}
