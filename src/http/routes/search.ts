import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { hasFilters, searchFaceted } from '../../app/search/faceted-searcher.js';
import { searchRecords } from '../../app/search/records-searcher.js';
import type { CollectionName } from '../../domain/collections.js';
import { invalid } from '../../domain/errors.js';
import { partialDateBounds } from '../../domain/partial-date.js';
import { oneOf, PartialDate } from '../../domain/schemas/common.js';
import { SearchResults } from '../../domain/schemas/search-results.js';
import { BROWSED, STATUS_FACET_VALUES } from '../../domain/search-facets.js';
import { ACT_TYPES } from '../../domain/vocabularies.js';
import type { FacetFilters } from '../../store/facet-query.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';

const many = (item: TSchema, description: string) =>
  Type.Optional(
    Type.Array(item, { maxItems: 50, description: `${description}; repeat the parameter for more` }),
  );

const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 500,
        description:
          'words in any script; empty to browse by the filters (or, with facets=true alone, everything)',
      }),
    ),
    types: Type.Optional(Type.String({ description: `comma-separated: ${BROWSED.join(', ')}` })),
    region: many(
      Type.String({ minLength: 1, maxLength: 500 }),
      "a place's region: places in it, acts there, their cases and victims, persons from there",
    ),
    act: many(
      oneOf(ACT_TYPES),
      'an act type: acts of that type, their cases and victims, the places where they happened',
    ),
    status: many(
      oneOf(STATUS_FACET_VALUES),
      "type:status, e.g. cases:open, persons:detained (a person's latest status), acts:alleged, interventions:sent",
    ),
    from: Type.Optional({
      ...PartialDate,
      description:
        'records with a date on or after this: case period, act dates, source published, appeal sent, person status dates',
    }),
    to: Type.Optional({
      ...PartialDate,
      description: 'records with a date on or before this (a year or month counts whole)',
    }),
    facets: Type.Optional(
      Type.Boolean({ description: 'count matches per type, region, act type and status' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

type Query = {
  q?: string;
  types?: string;
  region?: string[];
  act?: string[];
  status?: string[];
  from?: string;
  to?: string;
  facets?: boolean;
  limit: number;
};

function typesOf(types: string | undefined): CollectionName[] | undefined {
  const wanted = types
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = wanted?.filter((t) => !BROWSED.includes(t as CollectionName));
  if (unknown?.length) {
    throw invalid('types names a collection that is not searched', [
      { path: '/querystring/types', message: `unknown: ${unknown.join(', ')}` },
    ]);
  }
  return wanted?.length ? (wanted as CollectionName[]) : undefined;
}

function filtersOf(query: Query): FacetFilters {
  const from = partialDateBounds(query.from)?.from;
  const to = partialDateBounds(query.to)?.to;
  if (from && to && from > to)
    throw invalid('from is after to', [{ path: '/querystring/from', message: `after ${query.to}` }]);
  return {
    region: query.region,
    act: query.act,
    status: query.status,
    ...(from || to ? { dates: { from, to } } : {}),
  };
}

/**
 * GET /api/search: one box across persons, places, organizations, cases and source text, with
 * optional filters and facet counts (and browsing by filters alone).
 */
export async function searchRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/search', {
    schema: {
      tags: ['search'],
      summary: 'Search records in any script and transliteration, with filters and facet counts',
      querystring: SearchQuery,
      response: {
        200: SearchResults,
        400: ErrorBody,
      },
    },
    handler: async (request) => {
      const query = request.query as Query;
      const types = typesOf(query.types);
      const filters = filtersOf(query);
      const scope = scopeOf(ctx, request);
      const q = query.q ?? '';
      if (!query.facets && !hasFilters(filters)) {
        if (q.trim() === '')
          throw invalid('give words to search for, a filter, or facets=true to browse', [
            { path: '/querystring/q', message: 'empty, and no filter is chosen' },
          ]);
        return { items: await searchRecords({ ctx, scope, q, types, limit: query.limit }) };
      }
      return searchFaceted({ ctx, scope, q, types, filters, limit: query.limit });
    },
  });
}
